// CI's install branch (.ci/install-system-packages), run with the checks forced on and fake `id`,
// `sudo` and `apt-get` first on PATH, so it is proven on any machine without installing anything.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../.ci/install-system-packages', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'daftari-ci-install-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  /** One line per apt-get call: its DEBIAN_FRONTEND, then its arguments. */
  apt: string[];
  sudo: string[];
}

function fakeBin(uid: number, aptExit: number): { dir: string; log: string } {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  const log = join(dir, 'calls');
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write('id', `[ "$1" = "-u" ] && echo ${uid}`);
  write('sudo', `echo "sudo $*" >> "${log}"\nexec "$@"`);
  write('apt-get', `echo "apt-get DEBIAN_FRONTEND=\${DEBIAN_FRONTEND:-unset} $*" >> "${log}"\nexit ${aptExit}`);
  return { dir, log };
}

function runInstall(uid: number, aptExit = 0): Promise<Run> {
  const { dir, log } = fakeBin(uid, aptExit);
  return new Promise((done) => {
    execFile(
      '/bin/bash',
      [script],
      // Only the fakes and the system's own directories (for env, sh): nothing from the real apt-get is reached.
      { env: { PATH: `${dir}:/usr/bin:/bin`, DAFTARI_FORCE_SYSTEM_INSTALL: '1' } },
      (error) => {
        const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
        done({
          code: error ? ((error as { code?: number }).code ?? -1) : 0,
          apt: lines.filter((l) => l.startsWith('apt-get ')),
          sudo: lines.filter((l) => l.startsWith('sudo ')),
        });
      },
    );
  });
}

describe('CI installs Chromium and poppler-utils on a fresh Debian machine', () => {
  it('as root: runs apt-get itself, non-interactively, for chromium and poppler-utils', async () => {
    const run = await runInstall(0);
    expect(run.code).toBe(0);
    expect(run.sudo).toEqual([]);
    expect(run.apt).toEqual([
      'apt-get DEBIAN_FRONTEND=noninteractive update -qq',
      'apt-get DEBIAN_FRONTEND=noninteractive install -y -qq chromium poppler-utils',
    ]);
  });

  it('as another user: goes through sudo and still carries DEBIAN_FRONTEND to apt-get', async () => {
    const run = await runInstall(1000);
    expect(run.code).toBe(0);
    expect(run.sudo).toHaveLength(2);
    expect(run.sudo.every((l) => l.startsWith('sudo env DEBIAN_FRONTEND=noninteractive apt-get '))).toBe(true);
    expect(run.apt).toEqual([
      'apt-get DEBIAN_FRONTEND=noninteractive update -qq',
      'apt-get DEBIAN_FRONTEND=noninteractive install -y -qq chromium poppler-utils',
    ]);
  });

  it('fails when apt-get fails, and stops before installing', async () => {
    const run = await runInstall(0, 100);
    expect(run.code).not.toBe(0);
    expect(run.apt).toEqual(['apt-get DEBIAN_FRONTEND=noninteractive update -qq']);
  });

  const bothPresent = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftoppm');
  it.skipIf(!bothPresent)('installs nothing when both are present and the install is not forced', async () => {
    const { dir, log } = fakeBin(0, 0);
    await new Promise<void>((done) => execFile('/bin/bash', [script], { env: { PATH: `${dir}:/usr/bin:/bin` } }, () => done()));
    expect(existsSync(log)).toBe(false);
  });
});
