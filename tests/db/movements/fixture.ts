// The office of the off-premises tests: the Ministry of Water on 23 November 2026 (tests/helpers/office.ts)
// with an Accounting Officer, a laptop kept by Zuhura and a secret desktop, and a builder for requests.
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { addUser, type TestUser } from '../../helpers/core.ts';
import { openOffice, registerLaptop, type Device, type Office } from '../../helpers/office.ts';
import type { TestCoreOptions } from '../../helpers/core.ts';

export interface MovementsOffice extends Office {
  accountant: TestUser;
  laptop: Device;
  desktop: Device;
}

export type Movement = RouteOutput<'movements.request'>;

export async function openMovementsOffice(options: TestCoreOptions = {}): Promise<MovementsOffice> {
  const o = await openOffice(options);
  const accountant = await addUser(o, o.admin, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
  const laptop = await registerLaptop(o);
  const desktop = await registerLaptop(o, {
    category: 'desktop',
    make: 'HP',
    model: 'EliteDesk 800 G6',
    serial: 'HP800-5521',
    classification: 'secret',
    custodian_id: o.people.hamisi,
    media: [],
  });
  return { ...o, accountant, laptop, desktop };
}

/** A request for Zuhura to take the laptop to a workshop in Arusha, 24–28 November; `fields` override any. */
export function requestFor(o: MovementsOffice, fields: Partial<RouteInput<'movements.request'>> = {}): RouteInput<'movements.request'> {
  return {
    holder_id: o.people.zuhura,
    asset_ids: [o.laptop.id],
    purpose: 'Warsha ya bajeti ya mwaka 2027/28',
    destination: 'AICC, Arusha',
    date_out: '2026-11-24',
    due_on: '2026-11-28',
    data_held: 'Makadirio ya bajeti ya Wizara (rasimu)',
    ...fields,
  };
}

/** Prepared by the ICT officer and approved by the Accounting Officer. */
export async function approvedRequest(o: MovementsOffice, fields: Partial<RouteInput<'movements.request'>> = {}, justification = ''): Promise<Movement> {
  const request = await o.ok(o.officer.token, 'movements.request', requestFor(o, fields));
  return o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved', justification });
}

export function device(o: Office, id: string): Promise<RouteOutput<'assets.get'>> {
  return o.ok(o.officer.token, 'assets.get', { asset_id: id });
}
