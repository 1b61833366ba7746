// `daftari demo` tells a person how to sign in, in words, and lets them choose the sign-in.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { DEMO_ADMIN, type DemoSummary } from '../../../db/demo/demo.ts';
import { builtLine } from '../../../db/demo/progress.ts';

const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-demo-'));
const en = translator('en');
const sw = translator('sw');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function daftari(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DAFTARI_LANG: '', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('the demo sign-in', () => {
  it('is shown in --help, in Swahili by default and in English with --lang en', async () => {
    const swahili = await daftari(['demo', '--help']);
    expect(swahili.code).toBe(0);
    expect(swahili.stdout).toContain(sw('cli.help.demo-sign-in', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password }));
    expect(swahili.stdout).toContain('[--admin USERNAME] [--password PASSWORD]');
    const english = await daftari(['--help', '--lang', 'en']);
    expect(english.stdout).toContain(en('cli.help.demo-sign-in', { username: 'admin', password: 'Maji#Safi2026' }));
  });

  it('is set by --admin and --password, printed plainly, and works for signing in', async () => {
    const db = join(scratch, 'chosen.sqlite');
    const demo = await daftari(['demo', '--operator', '--db', db, '--admin', 'mkuu.tehama', '--password', 'Jua#Kali2026x', '--lang', 'en']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr.trim().split('\n').at(-1)).toBe(en('cli.demo-sign-in', { username: 'mkuu.tehama', password: 'Jua#Kali2026x' }));
    // stdout stays JSON for scripts, and carries the same sign-in.
    const summary = JSON.parse(demo.stdout) as DemoSummary;
    expect(summary.admin).toEqual({ username: 'mkuu.tehama', password: 'Jua#Kali2026x' });
    // Issue 9: stderr tells, in the language asked for, how far the build got and how long it took.
    const lines = demo.stderr.trim().split('\n');
    for (const [stage, total] of [['devices', summary.register.devices], ['log-book', summary.register.entries], ['people', summary.people]] as const) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${en(`demo.stages.${stage}`)}: ${total} of ${total} \\(100%\\), \\d+:\\d\\d elapsed$`)));
    }
    expect(lines.at(-2)).toBe(builtLine(summary, en));
    const me = await daftari(['call', 'auth.me', '--db', db, '--user', 'mkuu.tehama'], { DAFTARI_PASSWORD: 'Jua#Kali2026x' });
    expect(me.code, me.stderr).toBe(0);
    expect(JSON.parse(me.stdout).value.user.roles).toContain('admin');
  }, 240_000);

  it('refuses a password that breaks the strong-password rules, naming each, before creating anything', async () => {
    const db = join(scratch, 'weak.sqlite');
    const refused = await daftari(['demo', '--operator', '--db', db, '--admin', 'mkuu', '--password', 'mkuu#Tehama2026']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(sw('errors.weak-password'));
    expect(refused.stderr).toContain(sw('password.rule-username'));
    expect(refused.stderr).not.toContain(sw('password.rule-length'));
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a day still to come for the records, before creating anything', async () => {
    const db = join(scratch, 'tomorrow.sqlite');
    const refused = await daftari(['demo', '--operator', '--db', db, '--date', '2999-01-01', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(`daftari: ${en('cli.usage.demo-date')}`);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a username the accounts rule does not allow', async () => {
    const db = join(scratch, 'bad-name.sqlite');
    const refused = await daftari(['demo', '--operator', '--db', db, '--admin', 'A', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(en('cli.demo-bad-username', { username: 'A' }));
    expect(existsSync(db)).toBe(false);
  });
});
