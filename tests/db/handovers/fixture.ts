// The office the handover tests work in: the Ministry of Water with its ICT officer, an Accounting
// Officer, and devices in the hands of Zuhura and in the ICT store, through the routes.
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { addUser, type TestUser } from '../../helpers/core.ts';
import { openOffice, registerDevice, registerLaptop, type Device, type Office } from '../../helpers/office.ts';

export interface HandoverOffice extends Office {
  accountant: TestUser;
  /** Held by Zuhura. */
  laptop: Device;
  /** In the ICT store. */
  desktop: Device;
  /** A government flash disk held by Zuhura (3.6.14). */
  flash: Device;
}

export type Handover = RouteOutput<'handovers.prepare'>;

export async function openHandoverOffice(): Promise<HandoverOffice> {
  const o = await openOffice();
  const accountant = await addUser(o, o.admin, 'baraka', ['accounting_officer'], 'Baraka Mushi');
  const laptop = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
  const desktop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP400-221' });
  const flash = await registerDevice(o, o.officer.token, {
    tag: 'MAJI/ICT/2026/0003',
    category: 'flash_disk',
    make: 'Kingston',
    model: 'DataTraveler 32 GB',
    serial: 'KT-32-9981',
    custodian_id: o.people.zuhura,
  });
  return { ...o, accountant, laptop, desktop, flash };
}

/** Zuhura hands her laptop to Hamisi; `fields` override any part of the form. */
export function laptopToHamisi(o: HandoverOffice, fields: Partial<RouteInput<'handovers.prepare'>> = {}): RouteInput<'handovers.prepare'> {
  return {
    kind: 'handover',
    from: { type: 'person', person_id: o.people.zuhura },
    to: { type: 'person', person_id: o.people.hamisi },
    lines: [{ asset_id: o.laptop.id, condition: 'good', accessories: 'Chaja na begi' }],
    reason: 'Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.',
    ...fields,
  };
}

/** Prepared by the ICT officer and approved by the Accounting Officer: ready to be received. */
export async function approvedHandover(o: HandoverOffice, input: RouteInput<'handovers.prepare'> = laptopToHamisi(o)): Promise<Handover> {
  const prepared = await o.ok(o.officer.token, 'handovers.prepare', input);
  return o.ok(o.accountant.token, 'handovers.decide', { handover_id: prepared.id, decision: 'approved' });
}
