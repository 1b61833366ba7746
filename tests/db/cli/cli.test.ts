// The `daftari` command from a shell, as an administrator would use it.
import { registry } from '../../../db/areas.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const ADMIN_PASSWORD = 'Kijani#Mti42';
const TEMPORARY = 'Mvua$Kubwa77';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function daftari(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DAFTARI_PASSWORD: ADMIN_PASSWORD, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('daftari CLI', () => {
  let db: string;
  let jumaId: string;

  beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'daftari-cli-')), 'daftari.sqlite');
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'Wizara ya Fedha', '--code', 'wf', '--admin', 'asha', '--admin-name', 'Asha Mrisho']);
    expect(init.code, init.stderr).toBe(0);
  });

  it('creates a user from the shell and prints the account as JSON', async () => {
    const input = JSON.stringify({ username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], temporary_password: TEMPORARY });
    const created = await daftari(['call', 'users.create', '--db', db, '--user', 'asha', '--input', input]);
    expect(created.code, created.stderr).toBe(0);
    const result = JSON.parse(created.stdout) as { ok: boolean; value: { id: string; username: string; must_change_password: boolean } };
    expect(result.ok).toBe(true);
    expect(result.value.username).toBe('juma');
    expect(result.value.must_change_password).toBe(true);
    expect(created.stdout).not.toContain('scrypt$');
    jumaId = result.value.id;
  });

  it('reads the input from standard input with --input -', async () => {
    const child = execFile(process.execPath, [BIN, 'call', 'people.register', '--db', db, '--user', 'asha', '--input', '-'], {
      env: { ...process.env, DAFTARI_PASSWORD: ADMIN_PASSWORD },
    });
    child.stdin?.end(JSON.stringify({ full_name: 'Neema Kweka', check_number: '11223344' }));
    const output = await new Promise<{ code: number; stdout: string }>((done) => {
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', (code) => done({ code: code ?? -1, stdout }));
    });
    expect(output.code).toBe(0);
    expect(JSON.parse(output.stdout).value.full_name).toBe('Neema Kweka');
  });

  it('refuses the new user everything but a password change, with exit 1 and the Swahili reason', async () => {
    const refused = await daftari(['call', 'people.list', '--db', db, '--user', 'juma'], { DAFTARI_PASSWORD: TEMPORARY });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('password-change-required');
    expect(refused.stderr).toContain('Badilisha nenosiri lako kwanza');
  });

  it('deactivates the account at once: the user is refused on the next call', async () => {
    const input = JSON.stringify({ user_id: jumaId, reason: 'transfer', note: 'Amehamia TAMISEMI' });
    const deactivated = await daftari(['call', 'users.deactivate', '--db', db, '--user', 'asha', '--input', input]);
    expect(deactivated.code, deactivated.stderr).toBe(0);
    expect(JSON.parse(deactivated.stdout).value.active).toBe(false);
    const refused = await daftari(['call', 'auth.me', '--db', db, '--user', 'juma', '--lang', 'en'], { DAFTARI_PASSWORD: TEMPORARY });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('account-deactivated');
    expect(refused.stderr).toContain('This account has been deactivated');
  });

  it('prints the field errors of invalid input and exits 1', async () => {
    const input = JSON.stringify({ username: 'x', display_name: '', roles: [], temporary_password: 'abc' });
    const refused = await daftari(['call', 'users.create', '--db', db, '--user', 'asha', '--input', input]);
    expect(refused.code).toBe(1);
    const error = JSON.parse(refused.stdout).error as { code: string; fields: Record<string, string> };
    expect(error.code).toBe('invalid-input');
    expect(Object.keys(error.fields).sort()).toEqual(['display_name', 'roles', 'temporary_password', 'username']);
    expect(refused.stderr).toContain('Chagua angalau jukumu moja');
  });

  it('exits 2 on usage errors: unknown command, unknown route, bad JSON, missing --db', async () => {
    expect((await daftari(['frobnicate'])).code).toBe(2);
    expect((await daftari(['call', 'nothing.here', '--db', db, '--user', 'asha'])).code).toBe(2);
    expect((await daftari(['call', 'users.list', '--db', db, '--user', 'asha', '--input', '{bad'])).code).toBe(2);
    const missing = await daftari(['verify']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Taja faili la kumbukumbu kwa --db FILE');
  });

  it('lists every route with its roles and its input as JSON Schema', async () => {
    const listed = await daftari(['routes', '--json']);
    expect(listed.code).toBe(0);
    const routes = JSON.parse(listed.stdout) as { name: string; access: unknown; input: { type?: string; properties?: Record<string, unknown> } }[];
    const create = routes.find((r) => r.name === 'users.create');
    expect(create?.access).toEqual(['admin']);
    expect(Object.keys(create?.input.properties ?? {})).toEqual(expect.arrayContaining(['username', 'roles', 'temporary_password']));
    expect(routes.find((r) => r.name === 'auth.sign-in')?.access).toBe('anyone');
  });

  it('lists the routes area by area, exactly the table the core dispatches (issue 8)', async () => {
    const listed = JSON.parse((await daftari(['routes', '--json'])).stdout) as { name: string; area: string }[];
    expect(listed.map((r) => r.name)).toEqual(Object.keys(registry.routes));
    expect(listed.find((r) => r.name === 'maintenance.report')?.area).toBe('maintenance');
    expect(listed.find((r) => r.name === 'documents.labels')?.area).toBe('assets');
    expect([...new Set(listed.map((r) => r.area))]).toEqual(registry.areas.map((area) => area.name));
  });

  it('shows an entity history in plain words, newest first', async () => {
    const history = await daftari(['history', '--db', db, '--user', 'asha', jumaId]);
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} {2}Asha Mrisho alisitisha akaunti hii: Amehamishwa \(Amehamia TAMISEMI\)\.$/);
    expect(lines[lines.length - 1]).toContain('Asha Mrisho alifungua akaunti ya Juma Ally, majukumu: Afisa TEHAMA.');
  });

  it('verifies an intact database with exit 0', async () => {
    const verified = await daftari(['verify', '--db', db, '--user', 'asha']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Kumbukumbu ziko salama');
  });

  it('names the event whose payload had one byte changed in the SQLite file, with exit 1', async () => {
    const copy = `${db}.tampered.sqlite`;
    const bytes = readFileSync(db);
    const marker = Buffer.from('"full_name":"Neema Kweka"');
    // The text may also linger in free pages; change every copy so the live row is surely among them.
    let copies = 0;
    for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + 1)) {
      bytes[at + marker.length - 2] = 'i'.charCodeAt(0); // Kweka → Kweki
      copies += 1;
    }
    expect(copies).toBeGreaterThan(0);
    writeFileSync(copy, bytes);
    const verified = await daftari(['verify', '--db', copy, '--user', 'asha', '--lang', 'en']);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(/^Event \d+ \(origin [0-9a-f-]+, number \d+\) is faulty: its hash does not match its content/);
  });
});
