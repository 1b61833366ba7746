// Runs build/bundle-electron.mjs into a scratch folder inside dist/ (so that node_modules resolves, as
// it does in the packaged app) and checks what each bundle may load.
import { builtinModules } from 'node:module';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/core-client.ts';
import type { CoreWorkerData } from '../../electron/core-protocol.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let outdir: string;
let scratch: string;

beforeAll(async () => {
  mkdirSync(join(root, 'dist'), { recursive: true });
  outdir = mkdtempSync(join(root, 'dist', 'bundle-test-'));
  scratch = mkdtempSync(join(outdir, 'data-'));
  await promisify(execFile)(process.execPath, [join(root, 'build', 'bundle-electron.mjs'), outdir], { cwd: root });
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function requiresOf(file: string): string[] {
  const text = readFileSync(join(outdir, file), 'utf8');
  return [...new Set([...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1] as string))].sort();
}

describe('the Electron bundles', () => {
  it('give the sandboxed preload nothing to require but electron', () => {
    expect(requiresOf('preload.cjs')).toEqual(['electron']);
  });

  it('inline the bridge constants into the preload', () => {
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect(preload).toContain('"daftari:call"');
    expect(preload).toContain('"daftari"');
  });

  it('keep electron out of the core’s worker and load better-sqlite3 from node_modules', () => {
    const requires = requiresOf('core-worker.cjs');
    expect(requires).not.toContain('electron');
    expect(requires).toContain('better-sqlite3');
    // Everything else is bundled: only Node's own modules are required, with or without the node: prefix.
    const foreign = requires.filter((name) => name !== 'better-sqlite3' && !name.startsWith('node:') && !builtinModules.includes(name));
    expect(foreign).toEqual([]);
  });

  it('produce a worker that opens the records file and answers a call', async () => {
    const workerData: CoreWorkerData = { daftariCore: { path: join(scratch, 'daftari.sqlite') } };
    const client = new CoreClient({ spawn: () => new Worker(join(outdir, 'core-worker.cjs'), { workerData }) });
    try {
      await expect(client.call(null, 'setup.status', {})).resolves.toEqual({ result: { ok: true, value: { initialized: false, institution: null } } });
    } finally {
      await client.close();
    }
  });
});
