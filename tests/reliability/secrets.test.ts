// Issue 12, "Secrets": the password hashes (scrypt$…) and this installation's private signing key are
// never shown. The test collects them from the file and the key file, with the pieces a careless
// encoding would still give away (a hash's salt and digest, the key's PEM body and its raw bytes in hex,
// base64 and base64url), and greps for every piece in: the answer of every route (those that only read
// and the rest), called as a user holding every role; the history of every account; every register, CSV and XLSX; a
// bundle; and the output and error messages of the command line.
import { createPrivateKey } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { registry } from '../../db/areas.ts';
import { checkBackupFile } from '../../db/backups/files.ts';
import { main } from '../../db/cli/main.ts';
import { turnOf } from '../../db/core/jobs.ts';
import { REGISTER_KEYS } from '../../db/registers/contract.ts';
import { ROLES } from '../../db/users/contract.ts';
import { ADMIN_PASSWORD, addUser, OWN_PASSWORD, tempDir, type TestUser } from '../helpers/core.ts';
import { openOffice, registerLaptop, reportFault, type Office } from '../helpers/office.ts';
import { readXlsx } from '../helpers/registers.ts';

let o: Office;
let everyRole: TestUser;
let secrets: string[];
let ids: Record<string, string>;
const scratch = tempDir();
const file = join(scratch.dir, 'ofisi.sqlite');
const bundles: Buffer[] = [];

/** The pieces of `text` that are secrets. */
function leaks(text: string): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

beforeAll(async () => {
  o = await openOffice({ path: file });
  everyRole = await addUser(o, o.admin, 'kila.jukumu', [...ROLES], 'Kila Jukumu');
  // A reset and a change of password: both events carry a hash.
  await o.ok(o.admin, 'users.reset-password', { user_id: o.auditor.id, temporary_password: 'Muda-Mpya-2026' });
  const laptop = await registerLaptop(o);
  const entry = await reportFault(o, o.officer.token, laptop.id);
  // The signing key is made the first time it is needed: by this bundle.
  const bundle = await o.ok(everyRole.token, 'sync.export', { peer_id: null });
  ids = { laptop: laptop.id, entry: entry.id, person: o.people.zuhura, department: o.departments.finance, location: o.locations.floor2, admin: everyRole.id, auditor: o.auditor.id, officer: o.officer.id };

  const hashes = (o.store.sqlite.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]).map((r) => r.password_hash);
  const pem = readFileSync(`${file}.key`, 'utf8');
  const body = pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
  const raw = Buffer.from(createPrivateKey(pem).export({ format: 'jwk' }).d as string, 'base64url');
  secrets = [
    ...hashes,
    // The salt and the digest of each hash, however the rest of it is written.
    ...hashes.flatMap((hash) => hash.split('$').filter((part) => part.length >= 16)),
    pem.trim(),
    body,
    raw.toString('hex'),
    raw.toString('base64'),
    raw.toString('base64url'),
  ];
  expect(hashes.length).toBeGreaterThan(4);
  expect(hashes.every((hash) => hash.startsWith('scrypt$'))).toBe(true);
  expect(pem).toContain('PRIVATE KEY');
  // What the bundle carried, read back: the export above is the first of the bundles checked.
  bundles.push(Buffer.from(bundle.base64, 'base64'));
}, 60_000);

afterAll(() => {
  o.core.close();
  scratch.remove();
});

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of a route's input that name a record, to be filled with each id the office has. */
function idFields(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type !== 'object') return [];
  return Object.keys(def.shape as Record<string, unknown>).filter((key) => key === 'id' || key.endsWith('_id') || key === 'entity');
}

describe('the grep', () => {
  it('finds every secret where it is kept: the accounts table and the key file', () => {
    const kept = JSON.stringify(o.store.sqlite.prepare('SELECT * FROM users').all()) + readFileSync(`${file}.key`, 'utf8');
    const hidden = secrets.filter((secret) => !/^[0-9a-f]+$|^[A-Za-z0-9_-]{43}$|^[A-Za-z0-9+/]{43}=$/.test(secret));
    expect(leaks(kept)).toEqual(expect.arrayContaining(hidden));
    expect(leaks('{"user":"asha","roles":["admin"]}')).toEqual([]);
  });
});

// Every route, those that only read (`readsOnly`) and the rest: users.get and users.list take the write
// turn, and a write's answer is shown too. Only sign-out is left out, which would end the session.
describe('answers of every route', () => {
  const reading = Object.keys(registry.routes)
    .filter((name) => name !== 'auth.sign-out')
    .sort();

  it('are many, those that only read among them', () => {
    expect(reading.length).toBeGreaterThan(100);
    expect(reading.filter((name) => turnOf(registry.routes[name] as object) !== 'write').length).toBeGreaterThan(20);
    expect(reading).toEqual(expect.arrayContaining(['history.entity', 'users.get', 'users.list', 'sync.identity']));
  });

  it.each(reading)('%s shows no hash and no key, whatever record it is asked about', async (name) => {
    const definition = registry.routes[name];
    if (!definition) throw new Error(name);
    const inputs: unknown[] = [{}];
    for (const field of idFields(definition.input)) for (const id of Object.values(ids)) inputs.push({ [field]: id });
    for (const input of inputs) {
      const outcome = await o.core.call(everyRole.token, name, input);
      expect(leaks(JSON.stringify(outcome)), `${name} ${JSON.stringify(input)}`).toEqual([]);
    }
  });

  it('include the answers most likely to carry one: accounts, their histories, this installation', async () => {
    const users = await o.ok(everyRole.token, 'users.list');
    expect(users.length).toBeGreaterThan(4);
    for (const user of users) {
      const history = await o.core.call(everyRole.token, 'history.entity', { entity: user.id });
      // Each account's history tells of its creation and its sign-ins, password changes among them.
      expect(history.result.ok && (history.result.value as unknown[]).length).toBeGreaterThan(0);
      expect(leaks(JSON.stringify(history))).toEqual([]);
    }
    const identity = await o.core.call(everyRole.token, 'sync.identity', {});
    expect(identity.result.ok).toBe(true);
    expect(leaks(JSON.stringify(identity))).toEqual([]);
  });
});

describe('files that leave the installation', () => {
  it('a bundle carries no hash and no key', () => {
    expect(bundles).toHaveLength(1);
    const text = gunzipSync(bundles[0] as Buffer).toString('utf8');
    expect(text.split('\n').length).toBeGreaterThan(10);
    expect(leaks(text)).toEqual([]);
  });

  it.each(REGISTER_KEYS.flatMap((register) => [[register, 'csv'] as const, [register, 'xlsx'] as const]))('the %s register as %s carries none', async (register, format) => {
    const exported = await o.ok(everyRole.token, 'registers.export', { register, format } as never);
    const bytes = Buffer.from((exported as { base64: string }).base64, 'base64');
    let text: string;
    if (format === 'csv') text = bytes.toString('utf8');
    else {
      const workbook = await readXlsx(bytes);
      const cells: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
      text = cells.join('\n');
    }
    expect(text.length).toBeGreaterThan(0);
    expect(leaks(text)).toEqual([]);
  });
});

describe('a copy for sharing', () => {
  it('holds the shared records and verifies, with no hash and no key; a backup kept at home holds the hashes', async () => {
    const copy = await o.ok(everyRole.token, 'backups.copy-for-sharing', {});
    expect(copy.path).toContain(join('backups', 'for-sharing'));
    const bytes = readFileSync(copy.path).toString('latin1');
    expect(leaks(bytes)).toEqual([]);
    expect(bytes).not.toContain('scrypt$');
    const shared = new Sqlite(copy.path, { readonly: true });
    try {
      const count = (sql: string) => (shared.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM users')).toBe(0);
      expect(count("SELECT count(*) AS n FROM origins WHERE scope = 'local'")).toBe(0);
      expect(count('SELECT count(*) AS n FROM assets')).toBe(1);
      expect(count('SELECT count(*) AS n FROM people')).toBeGreaterThan(0);
    } finally {
      shared.close();
    }
    const check = await checkBackupFile(copy.path, { migrations: registry.migrations, domain: registry.domain, checks: registry.checks });
    expect(check.ok).toBe(true);
    // The grep can find them: an ordinary backup, which stays at home, holds every account's hash.
    const kept = await o.ok(everyRole.token, 'backups.take', {});
    expect(leaks(readFileSync(kept.path).toString('latin1')).length).toBeGreaterThan(0);
  });

  it('is refused by a restore: nobody could sign in to it', async () => {
    const copy = await o.ok(everyRole.token, 'backups.copy-for-sharing', {});
    const folder = join(scratch.dir, 'backups');
    copyFileSync(copy.path, join(folder, 'nakala-ya-mkaguzi.sqlite'));
    const shown = await o.ok(everyRole.token, 'backups.inspect', { file: 'nakala-ya-mkaguzi.sqlite' });
    const refused = await o.call(everyRole.token, 'backups.restore', { file: 'nakala-ya-mkaguzi.sqlite', sha256: shown.sha256 });
    expect(refused.ok ? null : refused.error.code).toBe('backup-for-sharing');
    expect((o.store.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBeGreaterThan(4);
  });
});

describe('the command line', () => {
  async function daftari(args: string[], password = OWN_PASSWORD): Promise<string> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await main([...args, '--db', file], { env: { DAFTARI_PASSWORD: password, DAFTARI_LANG: 'en' }, stdin: Readable.from([]), stdout, stderr });
    return text;
  }

  it('shows no hash and no key in what it prints, answers and refusals alike', async () => {
    const runs: [string[], string?][] = [
      [['call', 'users.list', '--user', 'kila.jukumu']],
      [['call', 'users.get', '--user', 'kila.jukumu', '--input', JSON.stringify({ user_id: ids.auditor })]],
      [['call', 'auth.me', '--user', 'kila.jukumu']],
      [['call', 'sync.identity', '--user', 'kila.jukumu']],
      [['call', 'users.create', '--user', 'kila.jukumu', '--input', JSON.stringify({ username: 'mpya', display_name: 'Mpya', roles: ['auditor'], temporary_password: 'x' })]],
      [['call', 'auth.change-password', '--user', 'kila.jukumu', '--input', JSON.stringify({ current: 'wrong', next: 'x', confirm: 'y' })]],
      [['call', 'users.get', '--user', 'kila.jukumu', '--input', '{not json']],
      [['call', 'no.such-route', '--user', 'kila.jukumu']],
      [['history', ids.auditor as string, '--user', 'kila.jukumu']],
      [['history', ids.admin as string, '--user', 'kila.jukumu']],
      [['peers', '--user', 'kila.jukumu']],
      [['verify', '--user', 'kila.jukumu']],
      [['routes']],
      [['call', 'auth.me', '--user', 'kila.jukumu'], 'Wrong-Password-1'],
      [['call', 'auth.me', '--user', 'asha'], ADMIN_PASSWORD],
      [['call', 'auth.me', '--user', 'hakuna']],
    ];
    let printed = 0;
    for (const [args, password] of runs) {
      const text = await daftari(args, password);
      printed += text.length;
      expect(leaks(text), args.join(' ')).toEqual([]);
    }
    expect(printed).toBeGreaterThan(1000);
  });

  it('writes no hash and no key into the bundle and the registers it exports', async () => {
    const bundle = join(scratch.dir, 'nje.daftari');
    const csv = join(scratch.dir, 'watu.csv');
    expect(leaks(await daftari(['export', '--user', 'kila.jukumu', '--out', bundle]))).toEqual([]);
    expect(leaks(await daftari(['register', '--user', 'kila.jukumu', '--register', 'people', '--format', 'csv', '--out', csv]))).toEqual([]);
    expect(leaks(gunzipSync(readFileSync(bundle)).toString('utf8'))).toEqual([]);
    const people = readFileSync(csv, 'utf8');
    expect(people).toContain('Zuhura Said');
    expect(leaks(people)).toEqual([]);
  });
});
