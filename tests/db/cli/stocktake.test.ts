// A stocktake (issue 13) from the command line, through the `daftari` binary only, on two installations:
// Dodoma opens a stocktake of two locations and counts them (found here, found elsewhere, twice, a code
// that names nothing, a device the register does not know); Mwanza, set up from scratch and given
// Dodoma's bundle, counts a third location, and its bundle comes back; the chair closes, each action is
// taken by the role it needs, the report is printed to a file, and `daftari verify` finds both intact.
// Every refusal is one sentence in the user's language, never a stack trace.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import type { StocktakeResult, StocktakeView, ScanResult } from '../../../db/stocktake/contract.ts';
import { readBack } from '../../helpers/printed-forms.ts';

const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const ADMIN_PASSWORD = 'Kijani#Mti42';
const TEMPORARY = 'Mvua$Kubwa77';
const CHOSEN = 'Ndege#Angani58';
const sw = translator('sw');
const en = translator('en');
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-stocktake-'));
/** Two installations, one file each: the head office and the zone office. */
const DODOMA = join(scratch, 'dodoma.sqlite');
const MWANZA = join(scratch, 'mwanza.sqlite');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `daftari` binary in a process of its own, with the password a person would type. */
function daftari(args: string[], password: string, lang = ''): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: scratch, env: { ...process.env, DAFTARI_PASSWORD: password, DAFTARI_LANG: lang } }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** Administrators sign in with their first password; everyone else chose theirs at first sign-in. */
const passwordOf = (user: string) => (user === 'asha' || user === 'baraka' ? ADMIN_PASSWORD : CHOSEN);

/** `daftari call ROUTE --db FILE --user USER --input JSON`, accepted: its value. */
async function call<T>(db: string, user: string, route: string, input: unknown = {}): Promise<T> {
  const outcome = await daftari(['call', route, '--db', db, '--user', user, '--input', JSON.stringify(input)], passwordOf(user));
  expect(outcome.code, `${route}: ${outcome.stderr}`).toBe(0);
  return (JSON.parse(outcome.stdout) as { value: T }).value;
}

/** The same call refused: exit 1, the refusal as JSON on standard output, its sentence alone on standard error. */
async function refused(db: string, user: string, route: string, input: unknown, lang = ''): Promise<{ code: string; params: Record<string, string>; stderr: string }> {
  const outcome = await daftari(['call', route, '--db', db, '--user', user, '--input', JSON.stringify(input)], passwordOf(user), lang);
  expect(outcome.code, `${route} was not refused: ${outcome.stdout}`).toBe(1);
  expect(outcome.stderr).not.toMatch(/\n\s+at |node:internal|^\w*Error:/m);
  const error = (JSON.parse(outcome.stdout) as { ok: false; error: { code: string; params?: Record<string, string> } }).error;
  return { code: error.code, params: error.params ?? {}, stderr: outcome.stderr };
}

/** A colleague's account on `db`, with the password they chose at first sign-in. */
async function colleague(db: string, admin: string, username: string, display_name: string, roles: string[]): Promise<void> {
  await call(db, admin, 'users.create', { username, display_name, roles, temporary_password: TEMPORARY });
  const changed = await daftari(['call', 'auth.change-password', '--db', db, '--user', username, '--input', JSON.stringify({ current: TEMPORARY, next: CHOSEN, confirm: CHOSEN })], TEMPORARY);
  expect(changed.code, changed.stderr).toBe(0);
}

interface Ids {
  floor2: string;
  store: string;
  zone: string;
  zuhura: string;
  rehema: string;
  mwanaidi: string;
  juma: string;
}

const TAG = (n: number) => `MAJI/ICT/2026/000${n}`;

// Every command signs in with scrypt at full strength in a fresh process: generous limits.
describe('a stocktake from the command line, counted on two installations', { timeout: 600_000 }, () => {
  const ids = {} as Ids;
  const devices: Record<number, string> = {};
  let stocktake: StocktakeView;
  let unknownCountId: string;

  beforeAll(async () => {
    const init = await daftari(['init', '--operator', '--db', DODOMA, '--institution', 'Wizara ya Maji', '--code', 'MAJI', '--admin', 'asha', '--admin-name', 'Asha Mrisho'], ADMIN_PASSWORD);
    expect(init.code, init.stderr).toBe(0);
    await colleague(DODOMA, 'asha', 'juma', 'Juma Ally', ['ict_officer']);
    await colleague(DODOMA, 'asha', 'mwanaidi', 'Mwanaidi Kombo', ['records_officer']);
    await colleague(DODOMA, 'asha', 'rehema', 'Bi. Rehema Kweka', ['accounting_officer']);
    const users = await call<{ id: string; username: string }[]>(DODOMA, 'asha', 'users.list');
    ids.mwanaidi = users.find((u) => u.username === 'mwanaidi')?.id ?? '';
    ids.juma = users.find((u) => u.username === 'juma')?.id ?? '';
    const place = async (name: string, building: string, region: string) => (await call<{ id: string }>(DODOMA, 'juma', 'locations.create', { name, building, region })).id;
    ids.floor2 = await place('Ghorofa 2', 'Maji House', 'Dodoma');
    ids.store = await place('Stoo ya TEHAMA', 'Jengo B', 'Dodoma');
    ids.zone = await place('Ofisi ya Kanda', 'Jengo A', 'Mwanza');
    ids.zuhura = (await call<{ id: string }>(DODOMA, 'juma', 'people.register', { full_name: 'Zuhura Said', check_number: '100230' })).id;
    ids.rehema = (await call<{ id: string }>(DODOMA, 'juma', 'people.register', { full_name: 'Rehema Mollel', check_number: '100232' })).id;
    const register = async (n: number, fields: Record<string, unknown>) => {
      devices[n] = (await call<{ id: string }>(DODOMA, 'juma', 'assets.register', { tag: TAG(n), make: 'Dell', model: 'Latitude 5440', category: 'laptop', ...fields })).id;
    };
    await register(1, { serial: 'DL-1', location_id: ids.floor2, custodian_id: ids.zuhura });
    await register(2, { serial: 'DL-2', location_id: ids.floor2 });
    await register(3, { category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP-3', location_id: ids.floor2 });
    await register(4, { category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'PR-4', location_id: ids.store });
    await register(5, { category: 'projector', make: 'Epson', model: 'EB-X49', serial: 'EP-5', location_id: ids.store });
    await register(6, { category: 'ups', make: 'APC', model: 'Back-UPS 1100', serial: 'UPS-6', location_id: ids.floor2 });
    // At the zone office, outside the stocktake's two locations.
    await register(7, { serial: 'DL-7', location_id: ids.zone });
  }, 600_000);

  it('opens a stocktake of two locations, chaired by the records officer, with its snapshot frozen', async () => {
    stocktake = await call<StocktakeView>(DODOMA, 'mwanaidi', 'stocktake.open', {
      name: 'Uhakiki wa mwaka 2026',
      scope: { kind: 'locations', location_ids: [ids.floor2, ids.store] },
      committee: [
        { name: 'Mwanaidi Kombo', title: 'Afisa Kumbukumbu', user_id: ids.mwanaidi, chair: true },
        { name: 'Juma Ally', title: 'Afisa TEHAMA', user_id: ids.juma, chair: false },
        { name: 'Saidi Mrisho', title: 'Mhasibu', user_id: null, chair: false },
      ],
      starts_on: '2026-11-23',
      ends_on: '2026-11-27',
    });
    expect(stocktake).toMatchObject({ state: 'open', expected_count: 6, scope_names: ['Ghorofa 2', 'Stoo ya TEHAMA'] });
    expect(stocktake.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers each scan at once: found here, found elsewhere, with another custodian, twice, and a code that names nothing', async () => {
    const scan = (location: string, code: string, observed: Record<string, unknown> = {}) =>
      call<ScanResult>(DODOMA, 'juma', 'stocktake.scan', { stocktake_id: stocktake.id, location_id: location, code, ...observed });
    expect(await scan(ids.floor2, TAG(2))).toMatchObject({ outcome: 'found-here', asset: { tag: TAG(2), make: 'Dell' } });
    // The scanner types the label's text; case and spaces around it do not matter.
    expect(await scan(ids.store, ` ${TAG(4).toLowerCase()} `)).toMatchObject({ outcome: 'found-here', asset: { tag: TAG(4) } });
    expect(await scan(ids.floor2, TAG(5))).toMatchObject({ outcome: 'found-elsewhere', expected_location_name: 'Stoo ya TEHAMA' });
    expect(await scan(ids.floor2, TAG(1), { custodian_id: ids.rehema })).toMatchObject({ outcome: 'other-custodian' });
    const twice = await scan(ids.store, TAG(2));
    expect(twice).toMatchObject({ outcome: 'already-counted', count_id: null, counted_before: { location_name: 'Ghorofa 2', counted_by_name: 'Juma Ally' } });
    // A mistyped tag is an answer, not an error: it names no device, and nothing is counted.
    expect(await scan(ids.store, 'MAJI/ICT/2026/9999')).toMatchObject({ outcome: 'not-in-register', count_id: null, asset: null });
    const unknown = await call<{ id: string; outcome: string }>(DODOMA, 'juma', 'stocktake.record-unknown', {
      stocktake_id: stocktake.id,
      location_id: ids.store,
      make: 'Lenovo',
      model: 'ThinkPad T14',
      serial: 'LN-77',
      note: 'Haina lebo; iko mezani karibu na dirisha',
    });
    expect(unknown.outcome).toBe('unknown');
    unknownCountId = unknown.id;
    expect((await call<StocktakeView>(DODOMA, 'juma', 'stocktake.get', { stocktake_id: stocktake.id })).counted_count).toBe(4);
  });

  it('refuses a scan with no code, naming the field, in either language', async () => {
    const blank = await refused(DODOMA, 'juma', 'stocktake.scan', { stocktake_id: stocktake.id, location_id: ids.store, code: '   ' });
    expect(blank.code).toBe('invalid-input');
    expect(blank.stderr).toMatch(/^.+\n {2}code: .+\n$/);
    const english = await refused(DODOMA, 'juma', 'stocktake.scan', { stocktake_id: stocktake.id, location_id: 'no-such-place', code: TAG(3) }, 'en');
    expect(english.code).toBe('location-not-found');
    expect(english.stderr).toContain(en('errors.location-not-found'));
  });

  it('counts a third location on a second installation set up on its own, and brings its counts back by bundle', async () => {
    const init = await daftari(['init', '--operator', '--db', MWANZA, '--institution', 'Wizara ya Maji', '--code', 'MAJI', '--admin', 'baraka', '--admin-name', 'Baraka Mollel'], ADMIN_PASSWORD);
    expect(init.code, init.stderr).toBe(0);
    const toMwanza = join(scratch, 'dodoma-kwenda-mwanza.daftari');
    const exported = await daftari(['export', '--db', DODOMA, '--user', 'asha', '--out', toMwanza], ADMIN_PASSWORD);
    expect(exported.code, exported.stderr).toBe(0);
    // A new installation's key is trusted only when the administrator says so.
    const unknownPeer = await daftari(['import', '--db', MWANZA, '--user', 'baraka', toMwanza], ADMIN_PASSWORD);
    expect(unknownPeer.code).toBe(1);
    expect(unknownPeer.stderr).toContain('--accept-new-peer');
    const imported = await daftari(['import', '--db', MWANZA, '--user', 'baraka', toMwanza, '--accept-new-peer'], ADMIN_PASSWORD);
    expect(imported.code, imported.stderr).toBe(0);
    // The zone office's own counter: accounts stay on their installation.
    await colleague(MWANZA, 'baraka', 'musa', 'Musa Kisena', ['ict_officer']);
    const there = await daftari(['call', 'stocktake.get', '--db', MWANZA, '--user', 'musa', '--input', JSON.stringify({ stocktake_id: stocktake.id })], CHOSEN);
    expect(there.code, there.stderr).toBe(0);
    expect((JSON.parse(there.stdout) as { value: StocktakeView }).value).toMatchObject({ snapshot_sha256: stocktake.snapshot_sha256, expected_count: 6 });

    const scan = async (code: string) => {
      const outcome = await daftari(['call', 'stocktake.scan', '--db', MWANZA, '--user', 'musa', '--input', JSON.stringify({ stocktake_id: stocktake.id, location_id: ids.zone, code })], CHOSEN);
      expect(outcome.code, outcome.stderr).toBe(0);
      return (JSON.parse(outcome.stdout) as { value: ScanResult }).value;
    };
    expect(await scan(TAG(3))).toMatchObject({ outcome: 'found-elsewhere', expected_location_name: 'Ghorofa 2' });
    expect(await scan(TAG(7))).toMatchObject({ outcome: 'not-expected' });

    const toDodoma = join(scratch, 'mwanza-kwenda-dodoma.daftari');
    expect((await daftari(['export', '--db', MWANZA, '--user', 'baraka', '--out', toDodoma], ADMIN_PASSWORD)).code).toBe(0);
    const back = await daftari(['import', '--db', DODOMA, '--user', 'asha', toDodoma, '--accept-new-peer'], ADMIN_PASSWORD);
    expect(back.code, back.stderr).toBe(0);
    // No device was counted in two places.
    expect(await call<unknown[]>(DODOMA, 'mwanaidi', 'stocktake.conflicts')).toEqual([]);
    // The desktop found at the zone office counts; the zone's own laptop, which the stocktake did not expect, is a finding, not progress.
    expect((await call<StocktakeView>(DODOMA, 'mwanaidi', 'stocktake.get', { stocktake_id: stocktake.id })).counted_count).toBe(5);
  });

  it('refuses closing to anyone but the chair, in Swahili and in English, without a trace of code', async () => {
    const officer = await refused(DODOMA, 'juma', 'stocktake.close', { stocktake_id: stocktake.id });
    expect(officer.code).toBe('stocktake-chair-only');
    expect(officer.stderr).toBe(`${sw('errors.stocktake-chair-only', { name: 'Mwanaidi Kombo' })}\n`);
    const english = await refused(DODOMA, 'juma', 'stocktake.close', { stocktake_id: stocktake.id }, 'en');
    expect(english.stderr).toBe(`${en('errors.stocktake-chair-only', { name: 'Mwanaidi Kombo' })}\n`);
    expect((await call<StocktakeView>(DODOMA, 'juma', 'stocktake.get', { stocktake_id: stocktake.id })).state).toBe('open');
  });

  it('closes by the chair, lists every finding, and refuses any further scan with the stocktake’s name', async () => {
    expect((await call<StocktakeView>(DODOMA, 'mwanaidi', 'stocktake.close', { stocktake_id: stocktake.id })).state).toBe('closed');
    const result = await call<StocktakeResult>(DODOMA, 'rehema', 'stocktake.result', { stocktake_id: stocktake.id });
    expect(result.missing.map((f) => f.tag)).toEqual([TAG(6)]);
    expect(result.found_elsewhere.map((f) => [f.tag, f.expected_location_name, f.found_location_name])).toEqual([
      [TAG(3), 'Ghorofa 2', 'Ofisi ya Kanda'],
      [TAG(5), 'Stoo ya TEHAMA', 'Ghorofa 2'],
    ]);
    expect(result.custodian_mismatches.map((f) => [f.tag, f.expected_custodian_name, f.found_custodian_name])).toEqual([[TAG(1), 'Zuhura Said', 'Rehema Mollel']]);
    expect(result.unknown.map((f) => [f.make, f.model, f.found_location_name])).toEqual([['Lenovo', 'ThinkPad T14', 'Stoo ya TEHAMA']]);
    expect(result.not_expected.map((f) => f.tag)).toEqual([TAG(7)]);
    expect(result.totals).toMatchObject({ expected: 6, found: 5, missing: 1, found_elsewhere: 2, custodian_mismatches: 1, unknown: 1 });

    const late = await refused(DODOMA, 'juma', 'stocktake.scan', { stocktake_id: stocktake.id, location_id: ids.floor2, code: TAG(6) });
    expect(late.code).toBe('stocktake-closed');
    expect(late.stderr).toBe(`${sw('errors.stocktake-closed', { name: 'Uhakiki wa mwaka 2026' })}\n`);
    const lateEnglish = await refused(DODOMA, 'juma', 'stocktake.scan', { stocktake_id: stocktake.id, location_id: ids.floor2, code: TAG(6) }, 'en');
    expect(lateEnglish.stderr).toBe(`${en('errors.stocktake-closed', { name: 'Uhakiki wa mwaka 2026' })}\n`);
  });

  it('takes each kind of action on the result, each by the role it needs, and refuses one on the wrong device', async () => {
    const forbidden = await refused(DODOMA, 'mwanaidi', 'stocktake.move-found', { stocktake_id: stocktake.id, asset_id: devices[5] });
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.stderr).toContain(sw('errors.forbidden'));
    // The wrong tag for the action: the laptop was found where the register says.
    const wrong = await refused(DODOMA, 'juma', 'stocktake.move-found', { stocktake_id: stocktake.id, asset_id: devices[2] });
    expect(wrong.code).toBe('stocktake-not-found-elsewhere');
    expect(wrong.stderr).toContain(sw('errors.stocktake-not-found-elsewhere', { tag: TAG(2) }));

    await call(DODOMA, 'juma', 'stocktake.move-found', { stocktake_id: stocktake.id, asset_id: devices[5] });
    await call(DODOMA, 'juma', 'stocktake.move-found', { stocktake_id: stocktake.id, asset_id: devices[3] });
    expect((await call<{ location_id: string }>(DODOMA, 'juma', 'assets.get', { asset_id: devices[5] })).location_id).toBe(ids.floor2);
    expect((await call<{ location_id: string }>(DODOMA, 'juma', 'assets.get', { asset_id: devices[3] })).location_id).toBe(ids.zone);

    await call(DODOMA, 'juma', 'stocktake.correct-custodian', { stocktake_id: stocktake.id, asset_id: devices[1] });
    await call(DODOMA, 'juma', 'stocktake.register-unknown', { stocktake_id: stocktake.id, count_id: unknownCountId, category: 'laptop' });
    await call(DODOMA, 'mwanaidi', 'stocktake.report-missing', { stocktake_id: stocktake.id, asset_id: devices[6], note: 'Haikuonekana Ghorofa 2 wala stoo' });

    const inbox = await call<{ items: { key: string; count: number }[] }>(DODOMA, 'rehema', 'inbox.list');
    expect(inbox.items.find((item) => item.key === 'stocktake-missing-reported')).toMatchObject({ count: 1 });
    await call(DODOMA, 'rehema', 'stocktake.acknowledge-incident', { stocktake_id: stocktake.id, asset_id: devices[6], note: 'Imepelekwa kwa uchunguzi' });

    const result = await call<StocktakeResult>(DODOMA, 'juma', 'stocktake.result', { stocktake_id: stocktake.id });
    expect(result.found_elsewhere.map((f) => f.action?.kind)).toEqual(['moved', 'moved']);
    const handover = result.custodian_mismatches[0]?.action;
    expect(handover).toMatchObject({ kind: 'custodian-corrected', by_name: 'Juma Ally' });
    expect(await call(DODOMA, 'juma', 'handovers.get', { handover_id: handover?.ref })).toMatchObject({ state: 'pending', from_name: 'Zuhura Said', to_name: 'Rehema Mollel' });
    const registered = result.unknown[0]?.action;
    expect(registered).toMatchObject({ kind: 'registered' });
    expect(await call(DODOMA, 'juma', 'assets.get', { asset_id: registered?.ref })).toMatchObject({ make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77', location_id: ids.store });
    expect(result.missing[0]?.action).toMatchObject({ kind: 'missing-reported', acknowledged: true });
  });

  it('prints the report to the file named by --out, and refuses to replace it without --force', async () => {
    const pdf = join(scratch, 'taarifa-ya-uhakiki.pdf');
    const printed = await daftari(['call', 'documents.stocktake-report', '--db', DODOMA, '--user', 'mwanaidi', '--out', pdf, '--input', JSON.stringify({ stocktake_id: stocktake.id, language: 'sw' })], CHOSEN);
    expect(printed.code, printed.stderr).toBe(0);
    const bytes = readFileSync(pdf);
    expect(JSON.parse(printed.stdout)).toMatchObject({ ok: true, value: { file: pdf, mime: 'application/pdf', bytes: bytes.length } });
    expect(printed.stderr).toBe(`${sw('cli.document-written', { file: pdf, bytes: bytes.length })}\n`);
    // Looked at as a page (test-results/), and read back.
    const page = readBack({ filename: 'taarifa-ya-uhakiki.pdf', mime: 'application/pdf', base64: bytes.toString('base64') }, 'stocktake-cli-report');
    for (const expected of ['Uhakiki wa mwaka 2026', 'Mwanaidi Kombo', 'Juma Ally', 'Saidi Mrisho', 'Ghorofa 2', 'Stoo ya TEHAMA', 'Ofisi ya Kanda', 'Lenovo', 'Rehema Mollel']) {
      expect(page.flat).toContain(expected);
    }
    // Long tags may break after a slash in a narrow column: read them whole again.
    for (const n of [1, 3, 5, 6]) expect(page.flat.replace(/\/ /g, '/')).toContain(TAG(n));

    const again = await daftari(['call', 'documents.stocktake-report', '--db', DODOMA, '--user', 'mwanaidi', '--out', pdf, '--input', JSON.stringify({ stocktake_id: stocktake.id, language: 'en' })], CHOSEN, 'en');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`${en('errors.file-exists', { file: pdf })}\n`);
    expect(readFileSync(pdf)).toEqual(bytes);
    const replaced = await daftari(['call', 'documents.stocktake-report', '--db', DODOMA, '--user', 'mwanaidi', '--out', pdf, '--force', '--input', JSON.stringify({ stocktake_id: stocktake.id, language: 'en' })], CHOSEN);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(readBack({ filename: 'stocktake-report.pdf', mime: 'application/pdf', base64: readFileSync(pdf).toString('base64') }, 'stocktake-cli-report-en').flat).toContain('Uhakiki wa mwaka 2026');

    const sheet = join(scratch, 'uhakiki.xlsx');
    const xlsx = await daftari(['call', 'documents.stocktake-report-xlsx', '--db', DODOMA, '--user', 'rehema', '--out', sheet, '--input', JSON.stringify({ stocktake_id: stocktake.id, language: 'sw' })], CHOSEN);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    // An XLSX file is a zip: it starts with "PK".
    expect(readFileSync(sheet).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses --out on a route that answers with records, before and after it runs, leaving no file', async () => {
    const onWrite = await daftari(['call', 'stocktake.close', '--db', DODOMA, '--user', 'mwanaidi', '--out', join(scratch, 'x.pdf'), '--input', JSON.stringify({ stocktake_id: stocktake.id })], CHOSEN);
    expect(onWrite.code).toBe(2);
    expect(onWrite.stderr).toContain(`daftari: ${sw('cli.usage.out-reads-only', { route: 'stocktake.close' })}`);
    const records = join(scratch, 'matokeo.pdf');
    const onRead = await daftari(['call', 'stocktake.result', '--db', DODOMA, '--user', 'mwanaidi', '--out', records, '--input', JSON.stringify({ stocktake_id: stocktake.id })], CHOSEN, 'en');
    expect(onRead.code).toBe(1);
    expect(onRead.stderr).toBe(`${en('cli.not-a-document', { route: 'stocktake.result' })}\n`);
    expect(existsSync(records)).toBe(false);
    expect(existsSync(join(scratch, 'x.pdf'))).toBe(false);
  });

  it('finds both installations’ records intact, the frozen snapshot included', async () => {
    for (const [db, admin] of [[DODOMA, 'asha'], [MWANZA, 'baraka']] as const) {
      const verified = await daftari(['verify', '--db', db, '--user', admin], ADMIN_PASSWORD);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('Kumbukumbu ziko salama');
    }
  });
});
