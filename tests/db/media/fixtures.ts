// Removable media as the ICT officer registers and issues them in the office of tests/helpers/office.ts.
import type { RouteInput } from '../../../db/contract/routes.ts';
import { registerDevice, type Device, type Office } from '../../helpers/office.ts';

/** A government flash disk in the ICT store, bought in July 2025. */
export function registerFlashDisk(o: Office, fields: Partial<RouteInput<'assets.register'>> = {}): Promise<Device> {
  return registerDevice(o, o.officer.token, {
    category: 'flash_disk',
    make: 'Kingston',
    model: 'DataTraveler 64GB',
    serial: 'KT64-0091',
    purchase_date: '2025-07-14',
    location_id: o.locations.store,
    classification: 'internal',
    ...fields,
  });
}

export const ALL_RULES = { government_work_only: true, no_personal_data: true, wipe_after_transfer: true } as const;

export function issueOf(assetId: string, personId: string, fields: Partial<RouteInput<'media.issue'>> = {}): RouteInput<'media.issue'> {
  return { asset_id: assetId, person_id: personId, purpose: 'Kuhamisha taarifa za bajeti kwenda Hazina', issued_on: '2026-11-20', acknowledged: ALL_RULES, ...fields };
}
