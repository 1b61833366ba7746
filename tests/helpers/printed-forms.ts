// The printed forms' store, built through the routes: a laptop with an SSD and three repairs
// (in-house; off-site with a provider after the SSD came out; still open), a secret desktop with forty
// repairs, two procedure versions, and helpers that read a PDF back as text and as pictures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrintedDocument } from '../../db/documents/pdf.ts';
import { addUser, nth, openTestCore, present, setUp, type TestCore } from './core.ts';
import { registerDevice } from './office.ts';

export const PRINT_TIME = '2026-11-23T08:00:00Z';
export const PROVIDER = 'Dodoma Computer Services Ltd';
export const LAPTOP_TAG = 'WF/IT/2024/0007';
export const DESKTOP_TAG = 'WF-DSK-0040';
export const OPEN_FAULT = 'Kibodi: herufi A na S hazifanyi kazi.';

export interface Fixture {
  t: TestCore;
  token: string;
  auditorToken: string;
  laptop: string;
  desktop: string;
  printer: string;
}

async function approveProcedure(t: TestCore, token: string, version: string, effective: string): Promise<void> {
  const document = { name: `utaratibu-${version}.pdf`, mime: 'application/pdf', base64: Buffer.from(`%PDF-1.4\n% utaratibu ${version}\n`).toString('base64') };
  await t.ok(token, 'procedures.approve', { title: 'Utaratibu wa Matengenezo ya Vifaa vya TEHAMA', version, approved_by: 'Dkt. Neema Mbwambo', approval_date: effective, effective_date: effective, document });
}

export async function buildFixture(): Promise<Fixture> {
  const t = await openTestCore({ start: PRINT_TIME });
  const admin = await setUp(t);
  const { ok } = t.as(admin.token);
  const head = await addUser(t, admin.token, 'mkuu', ['head_of_institution'], 'Dkt. Neema Mbwambo');
  const auditor = await addUser(t, admin.token, 'mkaguzi', ['auditor'], 'Rashidi Mkaguzi');
  await approveProcedure(t, head.token, '1.0', '2025-01-01');
  await approveProcedure(t, head.token, '2.0', '2026-01-01');

  const department = await ok('departments.create', { name: 'Idara ya Uhasibu na Fedha', code: 'UF' });
  const location = await ok('locations.create', { name: 'Chumba 214, Ghorofa ya 2', building: 'Jengo la Hazina', region: 'Dodoma' });
  const person = await ok('people.register', { full_name: 'Zuhura Said Omari', check_number: '100230', title: 'Mhasibu Mkuu', department_id: department.id });

  const laptop = await registerDevice(t, admin.token, {
    tag: LAPTOP_TAG,
    category: 'laptop',
    make: 'HP',
    model: 'ProBook 450 G9',
    serial: '5CD2143XYZ',
    purchase_date: '2024-03-15',
    supplier: 'Softnet Technologies Ltd',
    cost_tzs: 2_450_000,
    warranty_end: '2026-03-14',
    location_id: location.id,
    department_id: department.id,
    custodian_id: person.id,
    classification: 'confidential',
    media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' }],
  });
  const ssd = nth(laptop.media, 0).id;
  const provider = present(
    await ok('providers.register', { name: PROVIDER, registration_number: 'BRELA 145872', contact_name: 'Baraka Mollel', phone: '+255 754 210 330' }),
    'the provider',
  );

  // 1. In-house, closed.
  let entry = await ok('maintenance.report', { asset_id: laptop.id, reported_on: '2026-02-03', reported_by: 'Zuhura Said Omari', symptoms: 'Kompyuta inajizima baada ya dakika kumi; feni inapiga kelele.', warranty: true });
  await ok('maintenance.diagnose', { entry_id: entry.id, diagnosis: 'Feni imejaa vumbi; joto linazidi nyuzi 95.' });
  await ok('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Juma Ally' } });
  await ok('maintenance.record-work', { entry_id: entry.id, actions: 'Usafishaji wa ndani na kuweka thermal paste mpya.', parts: [{ name: 'Thermal paste', quantity: 1, unit_cost_tzs: 15_000 }], labour_cost_tzs: 0, hours: 1.5 });
  await ok('maintenance.close', { entry_id: entry.id, closed_on: '2026-02-05', outcome: 'repaired' });

  // 2. Off-site with a provider: 3.6.3 first, the SSD comes out and stays behind.
  entry = await ok('maintenance.report', { asset_id: laptop.id, reported_on: '2026-06-10', reported_by: 'Zuhura Said Omari', symptoms: 'Skrini inaonyesha mistari ya rangi na inazima yenyewe.' });
  await ok('maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: provider.id, job_ref: 'DCS/JOB/2026/118', supervisor_name: 'Juma Ally' } });
  await ok('drives.remove', { medium_id: ssd, removed_by: 'Juma Ally', witnessed_by: 'Zuhura Said Omari', kept_at: 'Kabati la TEHAMA namba 2', removed_on: '2026-06-11', entry_id: entry.id });
  await ok('maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-06-11' });
  await ok('maintenance.return', { entry_id: entry.id, returned_on: '2026-06-20' });
  await ok('drives.reinstall', { medium_id: ssd, reinstalled_by: 'Juma Ally', reinstalled_on: '2026-06-20', entry_id: entry.id });
  await ok('maintenance.record-work', {
    entry_id: entry.id,
    actions: 'Waya wa skrini (LCD cable) umebadilishwa; skrini imepimwa kwa saa mbili.',
    parts: [{ name: 'LCD cable HP 450 G9', quantity: 1, unit_cost_tzs: 65_000 }],
    labour_cost_tzs: 40_000,
    hours: 3,
  });
  await ok('maintenance.close', { entry_id: entry.id, closed_on: '2026-06-21', outcome: 'part_replaced' });

  // 3. Still open on the day of printing.
  entry = await ok('maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-16', reported_by: 'Zuhura Said Omari', symptoms: OPEN_FAULT });
  await ok('maintenance.diagnose', { entry_id: entry.id, diagnosis: 'Kibodi imeingia maji.' });

  // A secret desktop with forty repairs, long enough to run over several pages.
  const desktop = await registerDevice(t, admin.token, {
    tag: DESKTOP_TAG,
    category: 'desktop',
    make: 'Dell',
    model: 'OptiPlex 7090',
    serial: 'DL7090-88231',
    cost_tzs: 2_100_000,
    classification: 'secret',
    media: [{ kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y7PK1' }],
  });
  for (let i = 0; i < 40; i += 1) {
    const day = new Date(Date.UTC(2025, 0, 6 + i * 7)).toISOString().slice(0, 10);
    const closed = new Date(Date.UTC(2025, 0, 6 + i * 7 + (i % 4))).toISOString().slice(0, 10);
    const e = await ok('maintenance.report', {
      asset_id: desktop.id,
      reported_on: day,
      reported_by: 'Hamisi Juma',
      symptoms: `Hitilafu ya ${i + 1}: kompyuta inakwama wakati wa kufungua mfumo wa malipo (MUSE); ujumbe wa hitilafu unaonekana kwenye skrini.`,
      kind: i % 10 === 9 ? 'preventive' : 'corrective',
    });
    await ok('maintenance.assign', { entry_id: e.id, technician: { type: 'internal', name: 'Juma Ally' } });
    await ok('maintenance.record-work', {
      entry_id: e.id,
      actions: 'Mfumo umesasishwa, diski imekaguliwa kwa chkdsk na faili za muda zimefutwa; mtumiaji ameelekezwa namna ya kuhifadhi kazi.',
      parts: i % 3 === 0 ? [{ name: 'RAM DDR4 8GB', quantity: 2, unit_cost_tzs: 85_000 }] : [],
      labour_cost_tzs: 10_000,
      hours: 2,
    });
    // Issue 7: "no fault found" carries its reason.
    await ok('maintenance.close', { entry_id: e.id, closed_on: closed, ...(i % 5 === 4 ? { outcome: 'no_fault', reason: 'Hakuna hitilafu; mtumiaji ameelekezwa.' } : { outcome: 'repaired' }) });
  }

  // A device never repaired: its page has no rows.
  const printer = await registerDevice(t, admin.token, { tag: 'WF-PRN-0003', category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn', classification: 'internal' });

  return { t, token: admin.token, auditorToken: auditor.token, laptop: laptop.id, desktop: desktop.id, printer: printer.id };
}

export interface ReadBack {
  pages: string[];
  /** Every page's text with runs of white space made one space. */
  flat: string;
  info: string;
  /** pdffonts' table: which typefaces the file uses, and whether they are embedded. */
  fonts: string;
}

const OUT = join(import.meta.dirname, '../../test-results/documents');

/**
 * Writes the PDF under test-results/documents (kept, to be looked at), renders each page to PNG at
 * 60 dpi beside it, and reads its text back with poppler's pdftotext in content-stream order, so the
 * lines of one cell stay together.
 */
export function readBack(document: PrintedDocument, name: string): ReadBack {
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, Buffer.from(document.base64, 'base64'));
  for (const old of readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(OUT, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, name)]);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1);
  const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return { pages, flat: pages.join(' ').replace(/\s+/g, ' '), info, fonts };
}

/** Renders one page in grey at `dpi` and returns its pixels, for reading the QR modules back. */
export function greyPixels(document: PrintedDocument, page: number, dpi: number): { width: number; height: number; at(x: number, y: number): number } {
  const dir = mkdtempSync(join(tmpdir(), 'daftari-labels-'));
  try {
    const pdf = join(dir, 'labels.pdf');
    writeFileSync(pdf, Buffer.from(document.base64, 'base64'));
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // Binary PGM: "P5", width, height, maxval, one white-space byte, then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not a binary PGM');
    const [whole, w, h] = header as unknown as [string, string, string];
    const width = Number(w);
    const height = Number(h);
    const data = pgm.subarray(whole.length);
    return { width, height, at: (x, y) => data[Math.floor(y) * width + Math.floor(x)] as number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
