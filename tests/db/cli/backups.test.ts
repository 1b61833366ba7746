// `daftari backup`, `daftari restore` and `daftari verify --against` from a shell (issue 12): a backup is
// written verified; a restore shows what the backup holds and replaces nothing without --yes; and a
// backup witnesses the records, catching a forger who rewrote and re-hashed the file, which `verify`
// alone cannot.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { forgeEvent } from '../../helpers/forge.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const ADMIN_PASSWORD = 'Kijani#Mti42';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function daftari(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DAFTARI_PASSWORD: ADMIN_PASSWORD } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const people = (db: string) => {
  const sqlite = new Sqlite(db, { readonly: true });
  try {
    return (sqlite.prepare('SELECT full_name FROM people ORDER BY full_name').all() as { full_name: string }[]).map((row) => row.full_name);
  } finally {
    sqlite.close();
  }
};

async function register(db: string, full_name: string): Promise<void> {
  const done = await daftari(['call', 'people.register', '--db', db, '--user', 'asha', '--input', JSON.stringify({ full_name })]);
  expect(done.code, done.stderr).toBe(0);
}

describe('backups from the command line', () => {
  let dir: string;
  let db: string;
  let backup: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftari-cli-backups-'));
    db = join(dir, 'daftari.sqlite');
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'Wizara ya Maji', '--code', 'maji', '--admin', 'asha', '--admin-name', 'Asha Mrisho']);
    expect(init.code, init.stderr).toBe(0);
    await register(db, 'Zuhura Said');
    await register(db, 'Hamisi Juma');
  }, 60_000);

  it('writes a verified backup where --out says, and never over an existing file', async () => {
    backup = join(dir, 'nakala', 'daftari-maji.sqlite');
    const taken = await daftari(['backup', '--db', db, '--user', 'asha', '--out', backup]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/^Nakala rudufu .*daftari-maji\.sqlite imeandikwa: matukio \d+, imehakikiwa kabla ya kuhifadhiwa\. SHA-256 [0-9a-f]{64}\.\n$/);
    expect(readdirSync(dirname(backup))).toEqual(['daftari-maji.sqlite']);
    const again = await daftari(['backup', '--db', db, '--user', 'asha', '--out', backup, '--lang', 'en']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 60_000);

  it('says the records extend the backup, with what was written since', async () => {
    await register(db, 'Baraka Mushi');
    const checked = await daftari(['verify', '--db', db, '--user', 'asha', '--against', backup, '--lang', 'en']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^The records extend the backup daftari-maji\.sqlite: its \d+ events are all here unchanged, and \d+ have been written since\.\n$/);
  }, 60_000);

  it('shows what a backup holds and changes nothing without --yes; with it, restores and keeps the current file aside', async () => {
    const shown = await daftari(['restore', '--db', db, '--user', 'asha', '--from', backup, '--lang', 'en']);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toMatch(/The backup daftari-maji\.sqlite verified\. It holds the records of Wizara ya Maji \(MAJI\) up to \d\d\/\d\d\/\d{4} \d\d:\d\d: \d+ events, 0 devices, 0 log book entries, 2 public servants, 1 users\./);
    expect(shown.stderr).toContain('Nothing was changed');
    expect(people(db)).toEqual(['Baraka Mushi', 'Hamisi Juma', 'Zuhura Said']);

    const restored = await daftari(['restore', '--db', db, '--user', 'asha', '--from', backup, '--yes', '--lang', 'en']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(people(db)).toEqual(['Hamisi Juma', 'Zuhura Said']);
    const aside = readdirSync(dir).filter((name) => name.includes('.before-restore.'));
    expect(aside).toHaveLength(1);
    expect(people(join(dir, aside[0] ?? ''))).toEqual(['Baraka Mushi', 'Hamisi Juma', 'Zuhura Said']);
    const verified = await daftari(['verify', '--db', db, '--user', 'asha', '--lang', 'en']);
    expect(verified.code, verified.stderr).toBe(0);
    // The restored records extend the backup they came from.
    const witnessed = await daftari(['verify', '--db', db, '--user', 'asha', '--against', backup, '--lang', 'en']);
    expect(witnessed.code, witnessed.stderr).toBe(0);
  }, 120_000);

  it('writes a copy for sharing with the shared records and no account, which a restore refuses', async () => {
    const shared = join(dir, 'kwa-mkaguzi', 'daftari-maji-mkaguzi.sqlite');
    const written = await daftari(['backup', '--db', db, '--user', 'asha', '--out', shared, '--for-sharing']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^Nakala ya kushirikisha .*daftari-maji-mkaguzi\.sqlite imeandikwa: matukio \d+ .* SHA-256 [0-9a-f]{64}\.\n$/);
    expect(people(shared)).toEqual(['Hamisi Juma', 'Zuhura Said']);
    const copy = new Sqlite(shared, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
      expect(JSON.stringify(copy.prepare('SELECT payload FROM journal').all())).not.toContain('scrypt$');
    } finally {
      copy.close();
    }
    const refused = await daftari(['restore', '--db', db, '--user', 'asha', '--from', shared, '--yes', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is a copy for sharing: it holds no accounts');
    expect(people(db)).toEqual(['Hamisi Juma', 'Zuhura Said']);
  }, 60_000);

  it('catches a forger who rewrote an event and every hash after it: verify passes, the backup does not', async () => {
    forgeEvent(db, 'people.registered', (payload) => payload.full_name === 'Zuhura Said', (payload) => {
      payload.full_name = 'Zuhura Said Bakari';
    });
    expect(people(db)).toEqual(['Hamisi Juma', 'Zuhura Said Bakari']);
    const verified = await daftari(['verify', '--db', db, '--user', 'asha', '--lang', 'en']);
    expect(verified.code, verified.stderr).toBe(0);
    const witnessed = await daftari(['verify', '--db', db, '--user', 'asha', '--against', backup, '--lang', 'en']);
    expect(witnessed.code).toBe(1);
    expect(witnessed.stderr).toMatch(/^The records do NOT extend the backup daftari-maji\.sqlite: the event [0-9a-f-]+ #\d+ differs from the backup’s\. The history has been rewritten since the backup\.\n$/);
  }, 60_000);

  it('names a backup that is not there', async () => {
    const missing = await daftari(['verify', '--db', db, '--user', 'asha', '--against', join(dir, 'hakuna.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Hakuna faili la nakala rudufu');
    expect(existsSync(join(dir, 'hakuna.sqlite'))).toBe(false);
  });
});
