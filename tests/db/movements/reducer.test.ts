// The folds of off-premises requests as pure functions: a request to its return, events met out of
// order after a merge, and the device's row out on a permit and back.
import { describe, expect, it } from 'vitest';
import { reduceAsset } from '../../../db/assets/reducer.ts';
import type { FoldEvent } from '../../../db/journal/types.ts';
import { reduceMovement } from '../../../db/movements/reducer.ts';
import type { MovementRow } from '../../../db/movements/schema.ts';
import type { AssetRow } from '../../../db/store/schema.ts';

const REQUEST = 'request-1';
const DEVICE = 'asset-1';
const PERMIT = 'MAJI/KBL/2026/0001';

function at(n: number): string {
  return new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString();
}
function ev(n: number, type: string, payload: Record<string, unknown>, actor = 'user-juma', actorName = 'Juma Ally'): FoldEvent {
  return { origin: 'origin-a', origin_seq: n, hlc: `${at(n)}-00000`, actor, type, entity: REQUEST, payload: { ...payload, actor_name: actorName } };
}
const onDevice = { permit_no: PERMIT, asset_ids: [DEVICE] };
const requested = (n: number) =>
  ev(n, 'movements.requested', {
    ...onDevice,
    permit_year: 2026,
    permit_seq: 1,
    holder_id: 'person-zuhura',
    holder_name: 'Zuhura Said',
    holder_title: '',
    holder_check_number: '100230',
    devices: [{ tag: 'MAJI/ICT/2026/00001', model: 'Latitude 5440', asset_id: DEVICE, make: 'Dell', serial: 'DL5440-77X', category: 'laptop', classification: 'internal' }],
    purpose: 'Warsha',
    destination: 'Arusha',
    date_out: '2026-11-24',
    due_on: '2026-11-28',
    data_held: 'Rasimu ya bajeti',
    classification: 'internal',
  });
const approved = (n: number) =>
  ev(n, 'movements.decided', { ...onDevice, decision: 'approved', reason: '', justification: '', verification_code: '07F4NPFS1W' }, 'user-masuuli', 'Bi. Rehema Kweka');
const checkedOut = (n: number) => ev(n, 'movements.checked-out', { ...onDevice, out_on: '2026-11-24' });
const checkedIn = (n: number) => ev(n, 'movements.checked-in', { ...onDevice, returned_on: '2026-11-26', condition: 'good', notes: '' });
const revoked = (n: number) => ev(n, 'movements.revoked', { ...onDevice, reason: 'Safari imeahirishwa' }, 'user-masuuli', 'Bi. Rehema Kweka');

function fold(events: FoldEvent[]): MovementRow | undefined {
  return events.reduce<MovementRow | undefined>((row, event) => reduceMovement(row, event), undefined);
}

describe('an off-premises request folded', () => {
  it('goes from requested to returned, keeping who prepared and who decided', () => {
    expect(fold([requested(1)])).toMatchObject({ state: 'requested', prepared_by: 'user-juma', prepared_by_name: 'Juma Ally', decided_by: '' });
    expect(fold([requested(1), approved(2)])).toMatchObject({ state: 'approved', decided_by: 'user-masuuli', decided_by_name: 'Bi. Rehema Kweka', verification_code: '07F4NPFS1W', decided_at: at(2) });
    expect(fold([requested(1), approved(2), checkedOut(3)])).toMatchObject({ state: 'checked_out', out_on: '2026-11-24' });
    expect(fold([requested(1), approved(2), checkedOut(3), checkedIn(4)])).toMatchObject({ state: 'returned', returned_on: '2026-11-26', return_condition: 'good', updated_at: at(4) });
  });

  it('keeps the devices in one order of keys, however the payload spelled them', () => {
    expect(JSON.parse((fold([requested(1)]) as MovementRow).devices)).toEqual([
      { asset_id: DEVICE, tag: 'MAJI/ICT/2026/00001', serial: 'DL5440-77X', category: 'laptop', make: 'Dell', model: 'Latitude 5440', classification: 'internal' },
    ]);
    expect(Object.keys(JSON.parse((fold([requested(1)]) as MovementRow).devices)[0] as object)).toEqual(['asset_id', 'tag', 'serial', 'category', 'make', 'model', 'classification']);
  });

  it('stays revoked when the devices come back, and a revoke after the return keeps the return', () => {
    expect(fold([requested(1), approved(2), checkedOut(3), revoked(4), checkedIn(5)])).toMatchObject({ state: 'revoked', returned_on: '2026-11-26', revoke_reason: 'Safari imeahirishwa' });
    expect(fold([requested(1), approved(2), revoked(3), checkedOut(4)])).toMatchObject({ state: 'revoked', out_on: '2026-11-24' });
  });

  it('makes no row from an event about a request it has not seen, and a late request keeps what was folded before it', () => {
    expect(fold([approved(2)])).toBeUndefined();
    const late = reduceMovement({ ...(fold([requested(1), approved(2)]) as MovementRow) }, requested(3));
    expect(late).toMatchObject({ state: 'approved', verification_code: '07F4NPFS1W', created_at: at(1) });
  });
});

describe('the device out on a permit', () => {
  const device = { id: DEVICE, custodian_id: 'person-zuhura', repair_state: 'none', disposal_candidate: 0, off_premises_id: null, status: 'in_service' } as unknown as AssetRow;

  it('is off premises from check-out to check-in of that permit; another permit’s check-in leaves it out', () => {
    const out = reduceAsset(device, checkedOut(3), DEVICE) as AssetRow;
    expect(out).toMatchObject({ off_premises_id: REQUEST, status: 'off_premises' });
    const otherBack = reduceAsset(out, { ...checkedIn(4), entity: 'request-2' }, DEVICE) as AssetRow;
    expect(otherBack).toMatchObject({ off_premises_id: REQUEST, status: 'off_premises' });
    expect(reduceAsset(out, checkedIn(5), DEVICE)).toMatchObject({ off_premises_id: null, status: 'in_service' });
  });

  it('is not moved by a permit that does not list it', () => {
    const other = { ...checkedOut(3), payload: { ...checkedOut(3).payload, asset_ids: ['asset-2'] } };
    expect(reduceAsset(device, other, DEVICE)).toMatchObject({ off_premises_id: null, status: 'in_service' });
  });
});
