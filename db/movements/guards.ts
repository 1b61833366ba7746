// What other areas ask of off-premises permits before they act on a device (3.6.11): a device out of
// the office cannot be sent for repair, and one about to leave on an approved permit not sent off-site.
import { refuse } from '../core/refusal.ts';
import type { AssetRow } from '../store/schema.ts';
import type { Store } from '../store/open.ts';
import { approvedPermitOf, findMovementRow } from './queries.ts';

/** Refuses while the device is checked out on a permit, naming it and the permit. */
export function refuseOffPremises(store: Store, asset: Pick<AssetRow, 'tag' | 'off_premises_id'>): void {
  if (asset.off_premises_id) refuse('device-off-premises', { tag: asset.tag, permit: findMovementRow(store, asset.off_premises_id)?.permit_no ?? '' });
}

/** Refuses while the device is out, or approved to go out and not yet checked out. */
export function refuseOffPremisesOrPermitted(store: Store, asset: Pick<AssetRow, 'id' | 'tag' | 'off_premises_id'>): void {
  refuseOffPremises(store, asset);
  const permit = approvedPermitOf(store, asset.id);
  if (permit) refuse('device-on-permit', { tag: asset.tag, permit: permit.permit_no });
}
