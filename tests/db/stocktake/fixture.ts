// The office the stocktake tests work in: the Ministry of Water (tests/helpers/office.ts) with a records
// officer who chairs the committee, an Accounting Officer, and five devices — two laptops and a desktop
// on the second floor, a printer and a projector in the ICT store — before a stocktake of both places.
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { addUser, type TestUser } from '../../helpers/core.ts';
import { openOffice, registerDevice, type Device, type Office } from '../../helpers/office.ts';

export interface StocktakeOffice extends Office {
  records: TestUser;
  accountant: TestUser;
  /** Kept by Zuhura on the second floor. */
  laptop: Device;
  /** Kept by Hamisi on the second floor. */
  laptop2: Device;
  desktop: Device;
  /** In the ICT store. */
  printer: Device;
  projector: Device;
}

export type Stocktake = RouteOutput<'stocktake.open'>;

export async function openStocktakeOffice(): Promise<StocktakeOffice> {
  const o = await openOffice();
  const records = await addUser(o, o.admin, 'rekodi', ['records_officer'], 'Mwanaidi Kombo');
  const accountant = await addUser(o, o.admin, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
  const { floor2, store } = o.locations;
  const laptop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0001', serial: 'DL-1', location_id: floor2, department_id: o.departments.finance, custodian_id: o.people.zuhura });
  const laptop2 = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', serial: 'DL-2', location_id: floor2, department_id: o.departments.ict, custodian_id: o.people.hamisi });
  const desktop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0003', category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP-3', location_id: floor2, department_id: o.departments.finance });
  const printer = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0004', category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'PR-4', location_id: store, department_id: o.departments.ict });
  const projector = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0005', category: 'projector', make: 'Epson', model: 'EB-X49', serial: 'EP-5', location_id: store, department_id: o.departments.ict });
  return { ...o, records, accountant, laptop, laptop2, desktop, printer, projector };
}

/** A stocktake of the two locations, chaired by the records officer. */
export function twoLocations(o: StocktakeOffice, fields: Partial<RouteInput<'stocktake.open'>> = {}): RouteInput<'stocktake.open'> {
  return {
    name: 'Uhakiki wa mwaka 2026',
    scope: { kind: 'locations', location_ids: [o.locations.floor2, o.locations.store] },
    committee: [
      { name: 'Mwanaidi Kombo', title: 'Afisa Kumbukumbu', user_id: o.records.id, chair: true },
      { name: 'Juma Ally', title: 'Afisa TEHAMA', user_id: o.officer.id, chair: false },
      { name: 'Saidi Mrisho', title: 'Mhasibu', user_id: null, chair: false },
    ],
    starts_on: '2026-11-23',
    ends_on: '2026-11-27',
    ...fields,
  };
}

export function openTwoLocations(o: StocktakeOffice, fields: Partial<RouteInput<'stocktake.open'>> = {}): Promise<Stocktake> {
  return o.ok(o.records.token, 'stocktake.open', twoLocations(o, fields));
}

/** A scan as the counter's scanner types it, standing at `location_id`. */
export function scanAt(o: StocktakeOffice, token: string, stocktake: Stocktake, locationId: string, code: string, observed: Partial<RouteInput<'stocktake.scan'>> = {}) {
  return o.ok(token, 'stocktake.scan', { stocktake_id: stocktake.id, location_id: locationId, code, ...observed });
}
