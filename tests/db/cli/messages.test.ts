// What the `daftari` command says when things go wrong: in the language asked for, in one plain
// sentence, never a stack trace, and without leaving a file behind that nobody asked for.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, leafKeys, translator } from '../../../db/contract/catalogues/index.ts';
import { main } from '../../../db/cli/main.ts';

const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const ADMIN_PASSWORD = 'Kijani#Mti42';
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-messages-'));
const en = translator('en');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function daftari(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: scratch, env: { ...process.env, DAFTARI_PASSWORD: ADMIN_PASSWORD, DAFTARI_LANG: '', ...env } }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** A catalogue's template as written, {{params}} and all. */
function template(catalogue: unknown, key: string): string {
  return key.split('.').reduce((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
}

/** Every sentence of the English catalogue as a pattern, its {{params}} matching anything. */
const ENGLISH = leafKeys(catalogues.en)
  .map((key) => template(catalogues.en, key))
  .filter((text) => text.length > 12)
  .map((text) => new RegExp(`^${text.split(/\{\{\s*\w+\s*\}\}/).join('\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000', '.*')}$`));
const SWAHILI_ONLY = leafKeys(catalogues.sw)
  .map((key) => translator('sw')(key, {}))
  .filter((text) => text.length > 20 && !leafKeys(catalogues.en).some((key) => en(key, {}) === text));

function expectEnglish(text: string): void {
  const first = text.trim().split('\n')[0] ?? '';
  expect(ENGLISH.some((pattern) => pattern.test(first.replace(/^daftari: /, '')))).toBe(true);
  for (const sentence of SWAHILI_ONLY) expect(text).not.toContain(sentence);
}

function expectNoStack(outcome: Outcome): void {
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.stderr).not.toContain('node:internal');
  expect(outcome.stderr).not.toMatch(/^\w*Error:/m);
}

describe('daftari messages', () => {
  let db: string;

  beforeAll(async () => {
    db = join(scratch, 'daftari.sqlite');
    const init = await daftari(['init', '--operator', '--db', db, '--institution', 'Wizara ya Fedha', '--code', 'wf', '--admin', 'asha']);
    expect(init.code, init.stderr).toBe(0);
  });

  describe('a database file that does not exist', () => {
    it.each([
      ['verify', ['verify', '--user', 'asha']],
      ['call', ['call', 'auth.me', '--user', 'asha']],
      ['history', ['history', '--user', 'asha', 'some-id']],
      ['export', ['export', '--user', 'asha', '--out', 'x.daftari']],
      ['import', ['import', '--user', 'asha', 'x.daftari']],
      ['peers', ['peers', '--user', 'asha']],
      ['register', ['register', '--user', 'asha', '--register', 'devices', '--out', 'x.xlsx']],
    ])('%s refuses it plainly, exits 1 and creates no file', async (_, args) => {
      const before = readdirSync(scratch).sort();
      const missing = join(scratch, 'missing.db');
      const refused = await daftari([...args, '--db', missing, '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(en('cli.no-database', { file: missing }));
      expect(existsSync(missing)).toBe(false);
      expect(readdirSync(scratch).sort()).toEqual(before);
    });

    it('is refused in Swahili by default', async () => {
      const refused = await daftari(['verify', '--db', join(scratch, 'missing.db'), '--user', 'asha']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Hakuna faili la kumbukumbu');
    });
  });

  describe('--lang en is obeyed by every command', () => {
    it('init: the refusal of a second setup', async () => {
      const outcome = await daftari(['init', '--operator', '--db', db, '--institution', 'X', '--code', 'xx', '--admin', 'asha', '--lang', 'en']);
      expect(outcome.code).toBe(1);
      expectEnglish(outcome.stderr);
    });

    it('call: a wrong password', async () => {
      const outcome = await daftari(['call', 'auth.me', '--db', db, '--user', 'asha', '--lang', 'en'], { DAFTARI_PASSWORD: 'Wrong#Pass123' });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trim()).toBe(en('errors.sign-in-failed'));
    });

    it('routes: a usage error', async () => {
      const outcome = await daftari(['routes', '--frobnicate', '--lang', 'en']);
      expect(outcome.code).toBe(2);
      expectEnglish(outcome.stderr);
    });

    it('verify: the verdict', async () => {
      const outcome = await daftari(['verify', '--db', db, '--user', 'asha', '--lang=en']);
      expect(outcome.code).toBe(0);
      expectEnglish(outcome.stdout);
    });

    it('history: a missing entity id', async () => {
      const outcome = await daftari(['history', '--db', db, '--user', 'asha', '--lang', 'en']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(en('cli.usage.entity-required'));
    });

    it('demo: a weak password, named rule by rule', async () => {
      const outcome = await daftari(['demo', '--operator', '--db', join(scratch, 'weak-demo.sqlite'), '--password', 'short', '--lang', 'en']);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(en('errors.weak-password'));
      expect(outcome.stderr).toContain(en('password.rule-length'));
      expect(existsSync(join(scratch, 'weak-demo.sqlite'))).toBe(false);
    });

    it('export: a file in the way', async () => {
      const out = join(scratch, 'in-the-way.daftari');
      writeFileSync(out, 'keep me');
      const outcome = await daftari(['export', '--db', db, '--user', 'asha', '--out', out, '--lang', 'en']);
      expect(outcome.code).toBe(1);
      expectEnglish(outcome.stderr);
    });

    it('import: the refusal of a file that is not a bundle, which used to come in Swahili', async () => {
      const junk = join(scratch, 'junk.daftari');
      writeFileSync(junk, 'not a bundle at all');
      const english = await daftari(['import', '--db', db, '--user', 'asha', junk, '--lang', 'en']);
      const swahili = await daftari(['import', '--db', db, '--user', 'asha', junk]);
      expect(english.code).toBe(1);
      expectEnglish(english.stderr);
      expect(english.stderr).not.toBe(swahili.stderr);
      expectNoStack(english);
    });

    it('peers: the installation line', async () => {
      const outcome = await daftari(['peers', '--db', db, '--user', 'asha', '--lang', 'en']);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toMatch(/^This installation: /);
    });

    it('register: a usage error', async () => {
      const outcome = await daftari(['register', '--db', db, '--user', 'asha', '--out', 'x.xlsx', '--lang', 'en']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(en('cli.usage.register-required'));
    });

    it('an unknown command, with the help in English', async () => {
      const outcome = await daftari(['frobnicate', '--lang', 'en']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(en('cli.usage.unknown-command', { command: 'frobnicate' }));
      expect(outcome.stderr).toContain(en('cli.help.languages'));
    });
  });

  describe('export over an existing file', () => {
    it('says the file exists, offers --force, writes nothing and prints no stack', async () => {
      const out = join(scratch, 'ofisi.daftari');
      writeFileSync(out, 'an older bundle');
      const refused = await daftari(['export', '--db', db, '--user', 'asha', '--out', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(out);
      expect(refused.stderr).toContain('--force');
      expectNoStack(refused);
      expect(readFileSync(out, 'utf8')).toBe('an older bundle');
    });

    it('replaces it with --force', async () => {
      const out = join(scratch, 'ofisi.daftari');
      const replaced = await daftari(['export', '--db', db, '--user', 'asha', '--out', out, '--force']);
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).not.toBe('an older bundle');
    });
  });

  describe('a closed pipe (daftari routes | head)', () => {
    function withReaderGone(args: string[]): Promise<Outcome> {
      return new Promise((done) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DAFTARI_PASSWORD: ADMIN_PASSWORD, DAFTARI_LANG: '' } });
        // The reader leaves before the command writes its first line, as `head` does after its first lines.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => done({ code: code ?? -1, stdout: '', stderr }));
      });
    }

    it.each([
      ['routes', ['routes']],
      ['routes --json', ['routes', '--json']],
      ['help', ['help']],
      ['verify', ['verify', '--db', 'daftari.sqlite', '--user', 'asha']],
    ])('%s ends quietly, with no stack trace', async (_, args) => {
      const outcome = await withReaderGone(args);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
    });
  });

  describe('an unexpected error inside a command', () => {
    it('prints one line in the user language, no stack, and exits 1', async () => {
      const failure = new Error('the disk stopped answering');
      failure.stack = `Error: the disk stopped answering\n    at readAll (db/cli/main.ts:1:1)`;
      const stdin = new Readable({
        read() {
          this.destroy(failure);
        },
      });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let said = '';
      stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const code = await main(['call', 'people.list', '--db', db, '--user', 'asha', '--input', '-', '--lang', 'en'], {
        env: { DAFTARI_PASSWORD: ADMIN_PASSWORD },
        stdin,
        stdout,
        stderr,
      });
      expect(code).toBe(1);
      expect(said).toBe(`${en('cli.unexpected', { detail: 'the disk stopped answering' })}\n`);
      expect(said).not.toContain('    at ');
    });
  });
});
