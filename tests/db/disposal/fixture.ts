// The office the disposal tests work in: the Ministry of Water (tests/helpers/office.ts) with an
// Accounting Officer and a records officer, a laptop closed in the log book as beyond repair, an
// obsolete desktop with a hard disk, a flash disk to be removed and a printer proposed for sale.
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { addUser, type TestUser } from '../../helpers/core.ts';
import { HDD, openOffice, recordWorkDone, registerDevice, registerLaptop, reportFault, type Device, type Office } from '../../helpers/office.ts';

export interface DisposalOffice extends Office {
  accountant: TestUser;
  records: TestUser;
  /** Closed as beyond repair: a candidate; holds an SSD. */
  laptop: Device;
  /** Proposed as obsolete; holds a hard disk. */
  desktop: Device;
  /** A government flash disk proposed for removal: itself a storage medium. */
  flash: Device;
  /** A printer (no records) proposed for sale. */
  printer: Device;
}

export type Batch = RouteOutput<'disposal.create'>;

/** Closes a fault on the device as beyond repair, which makes it a disposal candidate. */
export async function closeBeyondRepair(o: Office, assetId: string): Promise<void> {
  const entry = await reportFault(o, o.officer.token, assetId);
  await o.ok(o.officer.token, 'maintenance.diagnose', { entry_id: entry.id, diagnosis: 'Ubao mama umeungua; gharama ya kutengeneza inazidi thamani yake' });
  await recordWorkDone(o, entry.id);
  await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-21', outcome: 'beyond_repair' });
}

export async function openDisposalOffice(): Promise<DisposalOffice> {
  const o = await openOffice();
  const accountant = await addUser(o, o.admin, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
  const records = await addUser(o, o.admin, 'rekodi', ['records_officer'], 'Mwanaidi Kombo');
  const laptop = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
  const desktop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP400-221', purchase_date: '2019-03-01', media: [HDD] });
  const flash = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0003', category: 'flash_disk', make: 'Kingston', model: 'DataTraveler 32 GB', serial: 'KT-32-9981', purchase_date: '2024-01-10' });
  const printer = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0004', category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'PHBQ-1122' });
  await closeBeyondRepair(o, laptop.id);
  await o.ok(o.officer.token, 'disposal.propose', { asset_id: desktop.id, reason: 'obsolete', note: 'Haiwezi kuendesha mifumo ya sasa ya Serikali' });
  await o.ok(o.officer.token, 'disposal.propose', { asset_id: flash.id, reason: 'removal', note: 'Kiunganishi kimelegea' });
  await o.ok(o.officer.token, 'disposal.propose', { asset_id: printer.id, reason: 'sale', route: 'sale', note: 'Inauzwa kwa mnada' });
  return { ...o, accountant, records, laptop, desktop, flash, printer };
}

/** A batch of the laptop, the desktop and the flash disk, prepared by the records officer. */
export function threeDevices(o: DisposalOffice): RouteInput<'disposal.create'> {
  return { note: 'Vifaa vya stoo ya TEHAMA', lines: [{ asset_id: o.laptop.id }, { asset_id: o.desktop.id, condition: 'obsolete' }, { asset_id: o.flash.id, condition: 'damaged' }] };
}

/** A purge by crypto erase, done by Hamisi and verified by Juma. */
export function purge(batch: Batch, lineId: string, fields: Partial<RouteInput<'disposal.sanitise'>> = {}): RouteInput<'disposal.sanitise'> {
  return {
    batch_id: batch.id,
    line_id: lineId,
    category: 'purge',
    method: 'crypto_erase',
    tool: 'nwipe',
    tool_version: '0.35',
    verification: 'full',
    performed_by: { name: 'Hamisi Juma', title: 'Afisa TEHAMA', date: '2026-11-22' },
    verified_by: { name: 'Juma Ally', title: 'Afisa TEHAMA Mkuu', date: '2026-11-23' },
    confidentiality_before: 'confidential',
    confidentiality_after: 'public',
    ...fields,
  };
}

/** Every medium line sanitised: the first purged (with the tool's report), the rest left to the department. */
export async function sanitiseAll(o: DisposalOffice, batch: Batch): Promise<Batch> {
  let current = batch;
  for (const [i, medium] of batch.media.entries()) {
    current =
      i === 0
        ? await o.ok(o.records.token, 'disposal.sanitise', purge(batch, medium.line_id, { report: { name: 'nwipe.log', mime: 'text/plain', base64: Buffer.from('nwipe: wipe finished - PASS').toString('base64') } }))
        : await o.ok(o.records.token, 'disposal.sanitise', { batch_id: batch.id, line_id: medium.line_id, category: 'not_sanitised_to_be_destroyed_by_department', confidentiality_before: 'internal', notes: 'Kiharibiwe na Idara' });
  }
  return current;
}

/** Built, sanitised, sent and approved by the Accounting Officer: ready to be submitted. */
export async function approvedBatch(o: DisposalOffice): Promise<Batch> {
  const batch = await sanitiseAll(o, await o.ok(o.records.token, 'disposal.create', threeDevices(o)));
  await o.ok(o.records.token, 'disposal.send', { batch_id: batch.id });
  return o.ok(o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'approved', reason: 'Imeidhinishwa' });
}

/** Approved and submitted with letter MAJI/KUMB/12: frozen. */
export async function submittedBatch(o: DisposalOffice): Promise<Batch> {
  const batch = await approvedBatch(o);
  return o.ok(o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2026-11-23', letter_ref: 'MAJI/KUMB/12' });
}

export function device(o: Office, id: string): Promise<RouteOutput<'assets.get'>> {
  return o.ok(o.officer.token, 'assets.get', { asset_id: id });
}
