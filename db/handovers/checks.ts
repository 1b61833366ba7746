// The checks every device line of a handover goes through: the same whether the officer scans a label,
// types a tag, or the prepare command runs them again (commands enforce; the window only asks first).
import { isStorageMedium } from '../assets/contract.ts';
import { findAssetRow } from '../assets/queries.ts';
import { refuse } from '../core/refusal.ts';
import { findBatchRow } from '../disposal/queries.ts';
import { refuseDisposed } from '../disposal/read-only.ts';
import { approvedPermitOf } from '../movements/queries.ts';
import { findPerson } from '../people/queries.ts';
import { statement, type Store } from '../store/open.ts';
import type { AssetRow } from '../store/schema.ts';
import { normaliseTag, type Giver, type ReceiverType } from './contract.ts';
import { openHandoverOf } from './queries.ts';

/** The device a scanned or typed code names: its tag, whatever the case and spacing. */
export function findDeviceByCode(store: Store, code: string): AssetRow | undefined {
  const wanted = normaliseTag(code);
  if (!wanted) return undefined;
  const exact = statement(store, 'SELECT * FROM assets WHERE tag = ? COLLATE NOCASE LIMIT 1').get(code.trim()) as AssetRow | undefined;
  if (exact) return exact;
  return statement(store, "SELECT * FROM assets WHERE upper(replace(replace(replace(tag, ' ', ''), char(9), ''), char(160), '')) = ? ORDER BY id LIMIT 1").get(wanted) as
    | AssetRow
    | undefined;
}

export interface LineContext {
  from: Giver;
  to_type: ReceiverType;
  /** Devices already on the form, or earlier lines of the same command. */
  listed: readonly string[];
  /** The handover being approved or received: its own lines are not "another open handover". */
  self: string | null;
}

function holderName(store: Store, asset: AssetRow): string {
  return asset.custodian_id ? (findPerson(store, asset.custodian_id)?.full_name ?? '') : '';
}

/**
 * Refuses a device that cannot go on this handover, naming it by its tag and saying why: it has left
 * the institution, is lost, awaits disposal, is at or away for repair, is out of the office, is
 * already listed or on another open handover, is not held by the giver, or (3.6.14) is a storage or
 * transfer medium going to another institution.
 */
export function refuseLine(store: Store, asset: AssetRow, context: LineContext): void {
  const tag = asset.tag;
  const params = { tag };
  switch (asset.status) {
    case 'transferred':
      refuse('handover-device-transferred', { tag, institution: asset.transferred_to ?? '' });
      break;
    case 'lost':
      refuse('handover-device-lost', params);
      break;
    case 'awaiting_disposal':
      refuse('handover-device-awaiting-disposal', params);
      break;
    case 'disposed':
      refuseDisposed(asset);
      break;
    case 'in_disposal':
      // 3.6.12: the batch holds it until the records officer takes it out; the sentence says which batch.
      refuse('handover-device-in-disposal', { tag, number: findBatchRow(store, asset.disposal_batch_id ?? '')?.number ?? '' });
      break;
    case 'away_for_repair':
      refuse('handover-device-away-for-repair', params);
      break;
    case 'under_repair':
      refuse('handover-device-under-repair', params);
      break;
    case 'off_premises':
      refuse('handover-device-off-premises', params);
      break;
    default:
      break;
  }
  // About to leave on an approved permit: the permit names its holder, so custody waits for the check-in.
  const permit = approvedPermitOf(store, asset.id);
  if (permit) refuse('handover-device-on-permit', { tag, permit: permit.permit_no });
  if (context.listed.includes(asset.id)) refuse('handover-device-listed-twice', params);
  const other = openHandoverOf(store, asset.id, context.self);
  if (other) refuse('handover-device-on-open-handover', { tag, number: other.number });
  if (context.from.type === 'store') {
    if (asset.custodian_id) refuse('handover-device-not-in-store', { tag, holder: holderName(store, asset) });
  } else if (asset.custodian_id !== context.from.person_id) {
    const giver = findPerson(store, context.from.person_id)?.full_name ?? '';
    if (asset.custodian_id) refuse('handover-device-not-held', { tag, giver, holder: holderName(store, asset) });
    refuse('handover-device-not-held-store', { tag, giver });
  }
  // 3.6.14: the institution's storage and transfer media never leave it by handover, sale or gift.
  if (context.to_type === 'institution' && isStorageMedium(asset.category)) refuse('handover-storage-medium-outside', params);
}

/** A line's device by id, checked: the prepare command's view of what the scan answered. */
export function checkedDevice(store: Store, assetId: string, context: LineContext): AssetRow {
  const asset = findAssetRow(store, assetId) ?? refuse('asset-not-found');
  refuseLine(store, asset, context);
  return asset;
}

/** The device a scanned or typed code names, checked for this handover; or the plain reason it cannot go on it. */
export function checkCode(store: Store, code: string, context: LineContext): AssetRow {
  const typed = code.trim();
  if (!typed) refuse('handover-code-empty', undefined, { code: 'validation.required' });
  const asset = findDeviceByCode(store, typed) ?? refuse('handover-unknown-tag', { tag: typed });
  refuseLine(store, asset, context);
  return asset;
}
