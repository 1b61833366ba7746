// `npm run host` started before the renderer is built says so and exits, instead of serving 404s.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../../db/host/main.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'daftari-host-main-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run host', () => {
  it('without a built renderer says dist/renderer is missing and how to build it, exits 2 and creates no database', async () => {
    const db = join(scratch, 'host.sqlite');
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      // Started from an empty folder, as on a fresh clone: the default root dist/renderer is not there.
      const child = execFile(process.execPath, [MAIN, '--db', db], { cwd: scratch, timeout: 30_000 }, (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(join(scratch, 'dist', 'renderer'));
    expect(outcome.stderr).toContain('npm run build:renderer');
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(db)).toBe(false);
  });

  it('with a built renderer prints the URL and serves the page', async () => {
    const root = join(scratch, 'built');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Daftari</title>');
    const child = execFile(process.execPath, [MAIN, '--db', join(scratch, 'served.sqlite'), '--root', root]);
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) done(out.trim());
        });
        child.on('exit', (code) => fail(new Error(`host exited ${code}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Daftari</title>');
    } finally {
      // The host closes its database on the way out (and records what it held, beside it): wait until it is gone.
      const gone = new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) done();
        else child.once('exit', () => done());
      });
      child.kill('SIGTERM');
      await gone;
    }
  });
});
