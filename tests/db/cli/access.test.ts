// The command line has no back door: every command that reads or changes records signs in as
// `--user` and may do exactly what the route table lets that user's roles do in the app; only `init`
// and `demo` create a new file with an explicit `--operator`.
import Sqlite from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../db/cli/main.ts';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { REGISTER_KEYS } from '../../../db/registers/contract.ts';

const ADMIN_PASSWORD = 'Kijani#Mti42';
const TEMPORARY = 'Mvua$Kubwa77';
const CHOSEN = 'Ndege#Angani58';
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-access-'));
const en = translator('en');
const sw = translator('sw');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `daftari …` run in this process, with the password a person would type. */
async function daftari(args: string[], password = ADMIN_PASSWORD): Promise<Outcome> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(args, { env: { DAFTARI_PASSWORD: password, DAFTARI_LANG: '' }, stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

interface JournalRow {
  seq: number;
  actor: string;
  type: string;
  entity: string;
}

function journal(db: string): JournalRow[] {
  const file = new Sqlite(db, { readonly: true });
  try {
    return file.prepare('SELECT seq, actor, type, entity FROM journal ORDER BY seq').all() as JournalRow[];
  } finally {
    file.close();
  }
}

/** What a refused command left in the journal: only the sign-in itself, which the window records too. */
function writtenSince(db: string, before: number): string[] {
  return journal(db)
    .filter((row) => row.seq > before)
    .map((row) => row.type);
}

function lastSeq(db: string): number {
  return journal(db).at(-1)?.seq ?? 0;
}

// Every sign-in hashes with scrypt 2^17, on cores other test files share: generous limits.
describe('the command line as a signed-in user', { timeout: 180_000 }, () => {
  const db = join(scratch, 'ofisi.sqlite');
  const other = join(scratch, 'tawi.sqlite');
  const bundle = join(scratch, 'tawi.daftari');
  const ids: Record<string, string> = {};

  async function createUser(username: string, roles: string[], changePassword: boolean): Promise<void> {
    const input = JSON.stringify({ username, display_name: username, roles, temporary_password: TEMPORARY });
    const created = await daftari(['call', 'users.create', '--db', db, '--user', 'asha', '--input', input]);
    expect(created.code, created.stderr).toBe(0);
    ids[username] = (JSON.parse(created.stdout) as { value: { id: string } }).value.id;
    if (!changePassword) return;
    const change = JSON.stringify({ current: TEMPORARY, next: CHOSEN, confirm: CHOSEN });
    const changed = await daftari(['call', 'auth.change-password', '--db', db, '--user', username, '--input', change], TEMPORARY);
    expect(changed.code, changed.stderr).toBe(0);
  }

  beforeAll(async () => {
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'Wizara ya Fedha', '--code', 'wf', '--admin', 'asha']);
    expect(init.code, init.stderr).toBe(0);
    const me = await daftari(['call', 'auth.me', '--db', db, '--user', 'asha']);
    ids.asha = (JSON.parse(me.stdout) as { value: { user: { id: string } } }).value.user.id;
    await createUser('juma', ['ict_officer'], true);
    await createUser('rehema', ['records_officer'], true);
    await createUser('neema', ['auditor'], true);
    await createUser('baraka', ['ict_officer'], false);
    await createUser('zawadi', ['ict_officer'], false);
    const deactivate = JSON.stringify({ user_id: ids.zawadi, reason: 'transfer' });
    expect((await daftari(['call', 'users.deactivate', '--db', db, '--user', 'asha', '--input', deactivate])).code).toBe(0);

    // A bundle from another office, for import.
    const branch = await daftari(['init', '--operator', '--db', other, '--institution', 'Tawi la Dodoma', '--code', 'dd', '--admin', 'mussa']);
    expect(branch.code, branch.stderr).toBe(0);
    const exported = await daftari(['export', '--db', other, '--user', 'mussa', '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
  }, 600_000);

  describe('a user whose roles do not allow the route is refused, exit 1, with nothing written but the sign-in', () => {
    it.each([
      ['export (sync.export)', 'rehema', () => ['export', '--out', join(scratch, 'rehema.daftari')]],
      ['export (sync.export), an auditor', 'neema', () => ['export', '--out', join(scratch, 'neema.daftari')]],
      ['import (sync.import)', 'rehema', () => ['import', bundle, '--accept-new-peer']],
      ['import --preview (sync.preview)', 'neema', () => ['import', bundle, '--preview']],
      ['peers (peers.list)', 'rehema', () => ['peers']],
      ['verify (journal.verify)', 'juma', () => ['verify']],
    ])('%s', async (_, user, args) => {
      const before = lastSeq(db);
      const files = readdirSync(scratch).sort();
      const refused = await daftari([...args(), '--db', db, '--user', user, '--lang', 'en'], CHOSEN);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(en('errors.forbidden'));
      expect(refused.stdout).toBe('');
      expect(writtenSince(db, before)).toEqual(['users.signed-in']);
      expect(readdirSync(scratch).sort()).toEqual(files);
    });

    it('import with --accept-new-peer by an ICT officer: accepting a new installation is the administrator’s', async () => {
      const before = lastSeq(db);
      const refused = await daftari(['import', bundle, '--accept-new-peer', '--db', db, '--user', 'juma'], CHOSEN);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(sw('errors.forbidden'));
      expect(writtenSince(db, before)).toEqual(['users.signed-in']);
    });

    it.each([
      ['register (registers.export)', () => ['register', '--register', 'devices', '--out', join(scratch, 'baraka.xlsx')]],
      ['history (history.entity)', () => ['history', ids.asha as string]],
      ['export (sync.export)', () => ['export', '--out', join(scratch, 'baraka.daftari')]],
    ])('%s by a user who must change the temporary password first', async (_, args) => {
      const before = lastSeq(db);
      const files = readdirSync(scratch).sort();
      const refused = await daftari([...args(), '--db', db, '--user', 'baraka', '--lang', 'en'], TEMPORARY);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(en('errors.password-change-required'));
      expect(writtenSince(db, before)).toEqual(['users.signed-in']);
      expect(readdirSync(scratch).sort()).toEqual(files);
    });
  });

  describe('a deactivated user is refused by every command, and nothing is written', () => {
    it.each([
      ['export', () => ['export', '--out', join(scratch, 'zawadi.daftari')]],
      ['import', () => ['import', bundle]],
      ['peers', () => ['peers']],
      ['register', () => ['register', '--register', 'people', '--out', join(scratch, 'zawadi.csv'), '--format', 'csv']],
      ['verify', () => ['verify']],
      ['history', () => ['history', ids.asha as string]],
    ])('%s', async (_, args) => {
      const before = lastSeq(db);
      const files = readdirSync(scratch).sort();
      const refused = await daftari([...args(), '--db', db, '--user', 'zawadi', '--lang', 'en'], TEMPORARY);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(en('errors.account-deactivated'));
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(writtenSince(db, before)).toEqual([]);
      expect(readdirSync(scratch).sort()).toEqual(files);
    });
  });

  describe('a user the route allows succeeds', () => {
    it('export by an ICT officer: the bundle is written and the journal names the officer, not the system', async () => {
      const out = join(scratch, 'juma.daftari');
      const done = await daftari(['export', '--db', db, '--user', 'juma', '--out', out], CHOSEN);
      expect(done.code, done.stderr).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(0);
      const event = journal(db).findLast((row) => row.type === 'sync.exported');
      expect(event?.actor).toBe(ids.juma);
    });

    it('import --preview by the administrator reads the bundle and writes nothing but the sign-in', async () => {
      const before = lastSeq(db);
      const shown = await daftari(['import', bundle, '--preview', '--accept-new-peer', '--db', db, '--user', 'asha']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('Tawi la Dodoma');
      expect(writtenSince(db, before)).toEqual(['users.signed-in']);
    });

    it('import by the administrator accepting the new installation: the journal names the administrator', async () => {
      const done = await daftari(['import', bundle, '--accept-new-peer', '--db', db, '--user', 'asha']);
      expect(done.code, done.stderr).toBe(0);
      const rows = journal(db);
      expect(rows.findLast((row) => row.type === 'sync.imported')?.actor).toBe(ids.asha);
      expect(rows.findLast((row) => row.type === 'peers.accepted')?.actor).toBe(ids.asha);
      expect(rows.some((row) => row.actor === 'system' && row.type.startsWith('sync.'))).toBe(false);
    });

    it('import of a known installation by an ICT officer', async () => {
      const done = await daftari(['import', bundle, '--db', db, '--user', 'juma'], CHOSEN);
      expect(done.code, done.stderr).toBe(0);
      expect(journal(db).findLast((row) => row.type === 'sync.imported')?.actor).toBe(ids.juma);
    });

    it('peers by an auditor lists the installations, without this installation’s key (sync.identity is not theirs)', async () => {
      const listed = await daftari(['peers', '--db', db, '--user', 'neema', '--lang', 'en'], CHOSEN);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain('Tawi la Dodoma');
      expect(listed.stdout).not.toMatch(/^This installation: /);
      const admin = await daftari(['peers', '--db', db, '--user', 'asha', '--lang', 'en']);
      expect(admin.stdout).toMatch(/^This installation: /);
    });

    it('verify by an auditor', async () => {
      const verified = await daftari(['verify', '--db', db, '--user', 'neema', '--lang', 'en'], CHOSEN);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/^The records are intact: /);
    });

    it('register by a records officer, in the language asked for', async () => {
      const out = join(scratch, 'people.csv');
      const written = await daftari(['register', '--db', db, '--user', 'rehema', '--register', 'people', '--format', 'csv', '--out', out, '--lang', 'en'], CHOSEN);
      expect(written.code, written.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('Full name');
    });

    it('history by a records officer, without the accounts a records officer may not see', async () => {
      const shown = await daftari(['history', '--db', db, '--user', 'rehema', ids.juma as string], CHOSEN);
      expect(shown.code, shown.stderr).toBe(0);
      const asAdmin = await daftari(['history', '--db', db, '--user', 'asha', ids.juma as string]);
      expect(asAdmin.stdout).toContain('alifungua akaunti ya juma');
      expect(shown.stdout).not.toContain('alifungua akaunti ya juma');
    });
  });

  describe('the command line checks its input with the route’s schema', () => {
    it('refuses a register format the route does not know, naming the field, and writes no file', async () => {
      const out = join(scratch, 'devices.docx');
      const refused = await daftari(['register', '--db', db, '--user', 'asha', '--register', 'devices', '--format', 'docx', '--out', out, '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.split('\n')[0]).toBe(en('errors.invalid-input'));
      expect(refused.stderr).toContain('  format: ');
      expect(existsSync(out)).toBe(false);
    });

    it('refuses an unknown register by name, naming the reports there are', async () => {
      const refused = await daftari(['register', '--db', db, '--user', 'asha', '--register', 'toys', '--out', join(scratch, 'toys.xlsx'), '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.split('\n')[0]).toBe(en('registers.cli.unknown', { name: 'toys', names: REGISTER_KEYS.join(', ') }));
    });

    it('refuses a period on a register that has none, instead of dropping it', async () => {
      const refused = await daftari(['register', '--db', db, '--user', 'asha', '--register', 'devices', '--from', '2026-01-01', '--out', join(scratch, 'd.xlsx'), '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`  filters.from: ${en('validation.unknown-field')}`);
    });

    it('refuses a peer id longer than any id, naming the field', async () => {
      const refused = await daftari(['export', '--db', db, '--user', 'asha', '--peer', 'x'.repeat(65), '--out', join(scratch, 'p.daftari'), '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`  peer_id: ${en('validation.too-long')}`);
      expect(existsSync(join(scratch, 'p.daftari'))).toBe(false);
    });
  });
});

describe('--operator', () => {
  it.each([
    ['call', ['call', 'auth.me', '--user', 'asha']],
    ['routes', ['routes']],
    ['verify', ['verify', '--user', 'asha']],
    ['history', ['history', '--user', 'asha', 'x']],
    ['export', ['export', '--user', 'asha', '--out', 'x.daftari']],
    ['import', ['import', '--user', 'asha', 'x.daftari']],
    ['peers', ['peers', '--user', 'asha']],
    ['register', ['register', '--user', 'asha', '--register', 'devices', '--out', 'x.xlsx']],
  ])('is refused by %s, which works only as a signed-in user', async (command, args) => {
    const db = join(scratch, 'ofisi.sqlite');
    const before = readFileSync(db);
    const refused = await daftari([...args, '--db', db, '--operator', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(`daftari: ${en('cli.usage.operator-only', { command })}`);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('is required by init and demo, which create a new file', async () => {
    const fresh = join(scratch, 'fresh.sqlite');
    const init = await daftari(['init', '--db', fresh, '--institution', 'X', '--code', 'xx', '--admin', 'asha', '--lang', 'en']);
    expect(init.code).toBe(2);
    expect(init.stderr.split('\n')[0]).toBe(`daftari: ${en('cli.usage.operator-required', { command: 'init' })}`);
    const demo = await daftari(['demo', '--db', fresh, '--lang', 'en']);
    expect(demo.code).toBe(2);
    expect(demo.stderr.split('\n')[0]).toBe(`daftari: ${en('cli.usage.operator-required', { command: 'demo' })}`);
    expect(existsSync(fresh)).toBe(false);
  });

  it('never acts on a file that already exists', async () => {
    const db = join(scratch, 'ofisi.sqlite');
    const before = readFileSync(db);
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'X', '--code', 'xx', '--admin', 'mwingine', '--lang', 'en']);
    expect(init.code).toBe(1);
    expect(init.stderr.trim()).toBe(en('cli.operator-fresh-file', { file: db }));
    const demo = await daftari(['demo', '--operator', '--db', db]);
    expect(demo.code).toBe(1);
    expect(demo.stderr.trim()).toBe(sw('cli.operator-fresh-file', { file: db }));
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
