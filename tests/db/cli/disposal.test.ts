// A disposal batch (3.6.12–3.6.14, issue 11) from the command line, each step a `daftari call` as the
// officer whose work it is: the laptop closed as beyond repair is a candidate, a laptop out of the office
// is refused with its sentence, every medium is sanitised, the preparer may not approve, the Accounting
// Officer does, the submitted batch is frozen, the department collects and disposes of it, the pack is
// the same bytes each time it is drawn, and `daftari verify` finds the records intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../db/cli/main.ts';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { addDays, workingDay } from '../../../db/contract/days.ts';
import { readBack } from '../../helpers/printed-forms.ts';

const ADMIN_PASSWORD = 'Kijani#Mti42';
const TEMPORARY = 'Mvua$Kubwa77';
const CHOSEN = 'Ndege#Angani58';
const sw = translator('sw');
const en = translator('en');
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-disposal-'));
const db = join(scratch, 'maji.sqlite');
const today = workingDay(new Date());

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `daftari …` run in this process, with the password a person would type. */
async function daftari(args: string[], password = CHOSEN, lang = ''): Promise<Outcome> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(args, { env: { DAFTARI_PASSWORD: password, DAFTARI_LANG: lang }, stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

/** `daftari call ROUTE --user USER --input JSON`, accepted: its value. */
async function call<T>(user: string, route: string, input: unknown = {}): Promise<T> {
  const outcome = await daftari(['call', route, '--db', db, '--user', user, '--input', JSON.stringify(input)], user === 'asha' ? ADMIN_PASSWORD : CHOSEN);
  expect(outcome.code, `${route}: ${outcome.stderr}`).toBe(0);
  return (JSON.parse(outcome.stdout) as { value: T }).value;
}

/** The same call refused: exit 1, the refusal as JSON on standard output and its sentence on standard error. */
async function refused(user: string, route: string, input: unknown, lang = ''): Promise<{ code: string; params: Record<string, string>; stderr: string }> {
  const outcome = await daftari(['call', route, '--db', db, '--user', user, '--input', JSON.stringify(input)], CHOSEN, lang);
  expect(outcome.code, `${route} was not refused: ${outcome.stdout}`).toBe(1);
  const error = (JSON.parse(outcome.stdout) as { ok: false; error: { code: string; params?: Record<string, string> } }).error;
  return { code: error.code, params: error.params ?? {}, stderr: outcome.stderr };
}

interface Device {
  id: string;
  tag: string;
}
interface Batch {
  id: string;
  number: string;
  state: string;
  devices: { asset_id: string; tag: string; reason: string }[];
  media: { line_id: string; asset_id: string; serial: string; sanitisation: unknown }[];
  snapshot_sha256: string;
}
interface Printed {
  filename: string;
  mime: 'application/pdf';
  base64: string;
}

const PACK = ['documents.disposal-letter', 'documents.disposal-schedule', 'documents.disposal-certificates', 'documents.disposal-schedule-xlsx'] as const;

// Every call signs in with scrypt at full strength, on cores other test files share: generous limits.
describe('a disposal batch from the command line', { timeout: 300_000 }, () => {
  const d: Record<'laptop' | 'desktop' | 'flash' | 'away', Device> = {} as never;
  let batch: Batch;

  beforeAll(async () => {
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'Wizara ya Maji', '--code', 'maji', '--admin', 'asha'], ADMIN_PASSWORD);
    expect(init.code, init.stderr).toBe(0);
    for (const [username, name, roles] of [
      ['juma', 'Juma Ally', ['ict_officer']],
      ['mwanaidi', 'Mwanaidi Kombo', ['records_officer']],
      ['rehema', 'Bi. Rehema Kweka', ['accounting_officer']],
    ] as const) {
      await call('asha', 'users.create', { username, display_name: name, roles, temporary_password: TEMPORARY });
      const changed = await daftari(['call', 'auth.change-password', '--db', db, '--user', username, '--input', JSON.stringify({ current: TEMPORARY, next: CHOSEN, confirm: CHOSEN })], TEMPORARY);
      expect(changed.code, changed.stderr).toBe(0);
    }
    const person = await call<{ id: string }>('asha', 'people.register', { full_name: 'Zuhura Said Omari', check_number: '100230' });
    const register = (fields: Record<string, unknown>) => call<Device>('juma', 'assets.register', { classification: 'internal', ...fields });
    d.laptop = await register({ category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: 'DL5440-77X', custodian_id: person.id, media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' }] });
    d.desktop = await register({ category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP400-221', media: [{ kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y2' }] });
    d.flash = await register({ category: 'flash_disk', make: 'Kingston', model: 'DataTraveler 32 GB', serial: 'KT-32-9981' });
    d.away = await register({ category: 'laptop', make: 'Dell', model: 'Latitude 7440', serial: 'DL7440-2231', custodian_id: person.id, media: [{ kind: 'ssd', capacity_gb: 256, serial: 'S5GXNF0R77' }] });

    // The laptop's repair closed in the log book as beyond repair.
    const entry = await call<{ id: string }>('juma', 'maintenance.report', { asset_id: d.laptop.id, reported_on: today, reported_by: 'Zuhura Said Omari', symptoms: 'Haiwaki kabisa' });
    await call('juma', 'maintenance.diagnose', { entry_id: entry.id, diagnosis: 'Ubao mama umeungua' });
    await call('juma', 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } });
    await call('juma', 'maintenance.record-work', { entry_id: entry.id, actions: 'Ubao mama umepimwa', hours: 2 });
    await call('juma', 'maintenance.close', { entry_id: entry.id, closed_on: today, outcome: 'beyond_repair' });

    // The second laptop leaves the office on an approved permit.
    const permit = await call<{ id: string }>('juma', 'movements.request', {
      holder_id: person.id,
      asset_ids: [d.away.id],
      purpose: 'Warsha ya tathmini',
      destination: 'Arusha',
      date_out: today,
      due_on: addDays(today, 3),
      data_held: 'Taarifa za miradi',
    });
    await call('rehema', 'movements.decide', { request_id: permit.id, decision: 'approved' });
    await call('juma', 'movements.check-out', { request_id: permit.id, out_on: today });
  });

  it('lists the laptop closed as beyond repair, and the devices the ICT officer proposes, as candidates', async () => {
    await call('juma', 'disposal.propose', { asset_id: d.desktop.id, reason: 'obsolete', note: 'Haiwezi kuendesha mifumo ya sasa' });
    await call('juma', 'disposal.propose', { asset_id: d.flash.id, reason: 'removal', note: 'Kiunganishi kimelegea' });
    await call('juma', 'disposal.propose', { asset_id: d.away.id, reason: 'obsolete', note: 'Betri haishiki chaji' });
    const candidates = await call<{ tag: string; reason: string; proposed_by_name: string }[]>('mwanaidi', 'disposal.candidates');
    expect(candidates.map((c) => [c.tag, c.reason, c.proposed_by_name])).toEqual(
      expect.arrayContaining([
        [d.laptop.tag, 'beyond_repair', ''],
        [d.desktop.tag, 'obsolete', 'Juma Ally'],
        [d.flash.tag, 'removal', 'Juma Ally'],
        [d.away.tag, 'obsolete', 'Juma Ally'],
      ]),
    );
    expect(candidates).toHaveLength(4);
  });

  it('builds a batch of three and refuses the laptop out of the office, naming it, in either language', async () => {
    batch = await call<Batch>('mwanaidi', 'disposal.create', { lines: [{ asset_id: d.laptop.id }, { asset_id: d.desktop.id, condition: 'obsolete' }, { asset_id: d.flash.id }] });
    expect(batch.number).toMatch(/^MAJI\/UOND\/\d{4}\/0001$/);
    expect(batch.devices.map((x) => x.reason)).toEqual(['beyond_repair', 'obsolete', 'removal']);
    expect(batch.media.map((m) => m.serial)).toEqual(['S4EVNX0R123', 'WD-WCC6Y2', 'KT-32-9981']);

    const away = await refused('mwanaidi', 'disposal.add', { batch_id: batch.id, lines: [{ asset_id: d.away.id }] });
    expect(away.code).toBe('disposal-device-off-premises');
    expect(away.stderr).toContain(sw('errors.disposal-device-off-premises', { tag: d.away.tag }));
    const english = await refused('mwanaidi', 'disposal.add', { batch_id: batch.id, lines: [{ asset_id: d.away.id }] }, 'en');
    expect(english.stderr).toContain(en('errors.disposal-device-off-premises', { tag: d.away.tag }));
    expect((await call<Batch>('mwanaidi', 'disposal.get', { batch_id: batch.id })).devices).toHaveLength(3);
  });

  it('refuses sending the batch while a medium has no sanitisation record, then takes each one', async () => {
    const early = await refused('mwanaidi', 'disposal.send', { batch_id: batch.id });
    expect(early.code).toBe('disposal-media-unsanitised');
    const [ssd, hdd, flash] = batch.media;
    await call('mwanaidi', 'disposal.sanitise', {
      batch_id: batch.id,
      line_id: ssd?.line_id,
      category: 'purge',
      method: 'crypto_erase',
      tool: 'nwipe',
      tool_version: '0.35',
      verification: 'full',
      performed_by: { name: 'Hamisi Juma', title: 'Afisa TEHAMA', date: today },
      verified_by: { name: 'Juma Ally', title: 'Afisa TEHAMA Mkuu', date: today },
      confidentiality_before: 'confidential',
      confidentiality_after: 'public',
    });
    await call('mwanaidi', 'disposal.sanitise', { batch_id: batch.id, line_id: hdd?.line_id, category: 'destroy', method: 'shred', tool: 'Shredder SX-20', verification: 'visual', performed_by: { name: 'Hamisi Juma', title: 'Afisa TEHAMA', date: today }, verified_by: { name: 'Juma Ally', title: 'Afisa TEHAMA Mkuu', date: today }, confidentiality_before: 'internal', confidentiality_after: 'public' });
    batch = await call<Batch>('mwanaidi', 'disposal.sanitise', { batch_id: batch.id, line_id: flash?.line_id, category: 'not_sanitised_to_be_destroyed_by_department', confidentiality_before: 'internal' });
    expect(batch.media.every((m) => m.sanitisation !== null)).toBe(true);
    expect((await call<Batch>('mwanaidi', 'disposal.send', { batch_id: batch.id })).state).toBe('awaiting_approval');
  });

  it('refuses the preparer the decision, and takes the Accounting Officer’s', async () => {
    const preparer = await refused('mwanaidi', 'disposal.decide', { batch_id: batch.id, decision: 'approved' });
    expect(preparer.code).toBe('forbidden');
    expect(preparer.stderr).toContain(sw('errors.forbidden'));
    const approved = await call<Batch & { decided_by_name: string }>('rehema', 'disposal.decide', { batch_id: batch.id, decision: 'approved', reason: 'Imeidhinishwa' });
    expect(approved.state).toBe('approved');
    expect(approved.decided_by_name).toBe('Bi. Rehema Kweka');
  });

  it('freezes the batch on submission: nothing in it can change afterwards', async () => {
    batch = await call<Batch>('mwanaidi', 'disposal.submit', { batch_id: batch.id, submitted_on: today, letter_ref: 'MAJI/KUMB/12' });
    expect(batch.state).toBe('submitted');
    expect(batch.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    const attempts = [
      ['disposal.add', { batch_id: batch.id, lines: [{ asset_id: d.away.id }] }],
      ['disposal.remove', { batch_id: batch.id, asset_id: d.flash.id }],
      ['disposal.sanitise', { batch_id: batch.id, line_id: batch.media[2]?.line_id, category: 'not_sanitised_to_be_destroyed_by_department', confidentiality_before: 'public' }],
    ] as const;
    for (const [route, input] of attempts) {
      const attempt = await refused('mwanaidi', route, input);
      expect(attempt.code, route).toBe('disposal-batch-frozen');
      expect(attempt.stderr).toContain(sw('errors.disposal-batch-frozen', { number: batch.number }));
    }
  });

  it('draws the pack from the frozen batch: right, and the same bytes each time', async () => {
    const first: Printed[] = [];
    const again: Printed[] = [];
    for (const route of PACK) first.push(await call<Printed>('mwanaidi', route, { batch_id: batch.id }));
    for (const route of PACK) again.push(await call<Printed>('rehema', route, { batch_id: batch.id }));
    expect(again.map((p) => p.base64)).toEqual(first.map((p) => p.base64));
    const [letter, schedule, certificates] = first as [Printed, Printed, Printed, Printed];
    expect(readBack(letter, 'disposal-cli-letter').flat).toContain(batch.number);
    // A tag too long for its column breaks after a slash: read it whole again.
    const listed = readBack(schedule, 'disposal-cli-schedule').flat.replace(/\/ /g, '/');
    for (const expected of [batch.number, d.laptop.tag, d.desktop.tag, d.flash.tag, 'DL5440-77X', 'S4EVNX0R123', 'WD-WCC6Y2', 'KT-32-9981', sw('disposal_ui.categories.purge'), sw('disposal_ui.categories.destroy')]) {
      expect(listed).toContain(expected);
    }
    const certified = readBack(certificates, 'disposal-cli-certificates');
    expect(certified.pages).toHaveLength(3);
    for (const expected of ['S4EVNX0R123', 'nwipe', 'Hamisi Juma', 'WD-WCC6Y2', sw('disposal_ui.methods.shred'), 'KT-32-9981', sw('disposal_ui.pack.to-department-statement')]) expect(certified.flat).toContain(expected);
  });

  it('records the collection and the disposal; the devices leave the working lists, and the records are intact', async () => {
    expect((await call<Batch>('mwanaidi', 'disposal.collected', { batch_id: batch.id, collected_on: today, collected_by: 'Bw. Salim Mnyampala' })).state).toBe('collected');
    const disposed = await call<Batch>('mwanaidi', 'disposal.disposed', { batch_id: batch.id, disposed_on: today, certificate_ref: 'RAMD/UOND/2026/044', method: 'Kusagwa na kurejelezwa' });
    expect(disposed.state).toBe('disposed');
    expect((await call<{ status: string }>('juma', 'assets.get', { asset_id: d.laptop.id })).status).toBe('disposed');
    expect((await call<{ tag: string }[]>('mwanaidi', 'disposal.candidates')).map((c) => c.tag)).toEqual([d.away.tag]);
    const verified = await daftari(['verify', '--db', db, '--user', 'asha'], ADMIN_PASSWORD);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Kumbukumbu ziko salama');
  });
});
