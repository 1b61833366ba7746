// `npx daftari` on the Node a Debian machine has (20): the command runs itself again with the Node 24
// that `npm install` brought, and says plainly what to do when there is none.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const SYSTEM_NODE = '/usr/bin/node';
const scratch = mkdtempSync(join(tmpdir(), 'daftari-old-node-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function versionOf(node: string): [number, number] | null {
  if (!existsSync(node)) return null;
  const [major, minor] = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim().split('.').map(Number);
  return [major ?? 0, minor ?? 0];
}
const version = versionOf(SYSTEM_NODE);
const systemNodeIsOld = version !== null && (version[0] < 22 || (version[0] === 22 && version[1] < 18));

function run(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // PATH without node_modules/.bin: the Node that runs the command is the system's, as outside npm.
    execFile(SYSTEM_NODE, [bin, ...args], { cwd: scratch, env: { PATH: '/usr/bin:/bin', HOME: scratch } }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!systemNodeIsOld)(`daftari on the system's Node ${version?.join('.')}`, () => {
  it('runs the command with the bundled Node 24: routes lists every route', async () => {
    const listed = await run(BIN, ['routes']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^users\.create\s+admin$/m);
  });

  it('passes the exit code through: 2 for a usage error, 1 for a missing database', async () => {
    expect((await run(BIN, ['frobnicate'])).code).toBe(2);
    const missing = await run(BIN, ['verify', '--db', join(scratch, 'none.sqlite'), '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no records file');
  });

  it('passes a signal through to the command and ends by it', async () => {
    // An existing file and --input -: the command waits on its input until it is stopped.
    writeFileSync(join(scratch, 'waiting.sqlite'), '');
    const parent = spawn(SYSTEM_NODE, [BIN, 'call', 'users.list', '--db', join(scratch, 'waiting.sqlite'), '--user', 'asha', '--input', '-'], {
      cwd: scratch,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: '/usr/bin:/bin' },
    });
    // Wait for the Node 24 child: it is the one that waits on the input.
    let child = '';
    for (let i = 0; i < 100 && !child; i += 1) {
      await new Promise((wait) => setTimeout(wait, 100));
      try {
        child = execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent.pid)], { encoding: 'utf8' }).trim();
      } catch {
        child = '';
      }
    }
    expect(child).toMatch(/^\d+$/);
    // Let the child get as far as waiting on its input.
    await new Promise((wait) => setTimeout(wait, 2000));
    expect(parent.exitCode).toBeNull();
    const ended = new Promise<NodeJS.Signals | null>((done) => parent.on('exit', (_, signal) => done(signal)));
    parent.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(() => process.kill(Number(child), 0)).toThrow();
  });

  it('when the bundled Node cannot help, says so in the language asked for', async () => {
    const env = { PATH: '/usr/bin:/bin', DAFTARI_REEXEC: '1' };
    const swahili = await new Promise<string>((done) => execFile(SYSTEM_NODE, [BIN, 'routes'], { env }, (_, __, stderr) => done(stderr)));
    expect(swahili).toContain('Daftari inahitaji Node 22.18 au mpya zaidi');
    const english = await new Promise<string>((done) => execFile(SYSTEM_NODE, [BIN, 'routes', '--lang', 'en'], { env }, (_, __, stderr) => done(stderr)));
    expect(english).toContain('Daftari needs Node 22.18 or newer');
  });

  it('without a bundled Node, says which Node is needed and how to get it, with no stack trace', async () => {
    const alone = join(scratch, 'alone', 'bin');
    mkdirSync(alone, { recursive: true });
    copyFileSync(BIN, join(alone, 'daftari.mjs'));
    const refused = await run(join(alone, 'daftari.mjs'), ['routes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Daftari needs Node 22.18 or newer');
    expect(refused.stderr).toContain('npm install');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
