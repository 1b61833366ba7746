// Issue 12, "Crash safety": a child process writes through the real command path in a loop
// (tests/reliability/crash-child.ts) and is killed with SIGKILL at a random moment, again and again on
// the same file. After every kill the file is opened again: SQLite's integrity check passes, `verify`
// passes (every hash, every link, every projection rebuilt and compared), and every device and log book
// entry the child reported as committed before it died is there.
//
// DAFTARI_CRASH_KILLS sets the number of kills (12 by default, so CI stays within a minute;
// `npm run test:soak` runs 60), DAFTARI_CRASH_SEED the moments.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../db/areas.ts';
import { verifyStore } from '../../db/journal/verify.ts';
import { addUser, OWN_PASSWORD, openTestCore, setUp, tempDir } from '../helpers/core.ts';

const KILLS = Number(process.env.DAFTARI_CRASH_KILLS ?? 12);
const SEED = Number(process.env.DAFTARI_CRASH_SEED ?? 20261205);
const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** mulberry32: the moments of the kills, the same on every run of one seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  /** What the child printed before it died, each line a committed write. */
  lines: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
}

/** Starts the writer, lets it write for `ms` after it is ready, and kills it with SIGKILL. */
function writeAndKill(file: string, ms: number): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [CHILD, file, 'mwandishi', OWN_PASSWORD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // The child takes its time to start; a child that never gets ready is a failure, not a hang.
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (timer === undefined && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', failed);
    child.on('close', (_code, signal) => {
      clearTimeout(giveUp);
      if (timer) clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never said.
      const lines = out.split('\n').slice(0, -1);
      done({ lines: lines.filter((line) => line !== 'ready'), stderr, signal });
    });
  });
}

describe(`killed ${KILLS} times while writing`, () => {
  const scratch = tempDir();
  const file = join(scratch.dir, 'ofisi.sqlite');
  afterAll(() => scratch.remove());

  beforeAll(async () => {
    // Today, as the child's clock reads it: a password set years before would be due for a change.
    const t = await openTestCore({ path: file, start: new Date().toISOString() });
    const admin = await setUp(t);
    await addUser(t, admin.token, 'mwandishi', ['ict_officer'], 'Mwandishi wa Majaribio');
    t.core.close();
  }, 60_000);

  it('leaves a sound file with every reported write in it, after every kill', async () => {
    const next = random(SEED);
    const committed = { asset: new Set<string>(), entry: new Set<string>() };
    for (let kill = 1; kill <= KILLS; kill += 1) {
      // Between a moment after the first write and about ten writes in.
      const run = await writeAndKill(file, Math.floor(next() * 250));
      expect(run.signal, `kill ${kill}: the child ended by itself\n${run.stderr}`).toBe('SIGKILL');
      expect(run.stderr, `kill ${kill}`).toBe('');
      for (const line of run.lines) {
        const [kind, id] = line.split(' ');
        expect(kind === 'asset' || kind === 'entry', line).toBe(true);
        committed[kind as 'asset' | 'entry'].add(id as string);
      }

      const sqlite = new Sqlite(file);
      try {
        expect(sqlite.pragma('integrity_check', { simple: true }), `kill ${kill}`).toBe('ok');
        expect(sqlite.pragma('foreign_key_check'), `kill ${kill}`).toEqual([]);
        const missing = (table: string, ids: Set<string>) => {
          const has = sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
          return [...ids].filter((id) => has.get(id) === undefined);
        };
        expect(missing('assets', committed.asset), `kill ${kill}: devices reported but gone`).toEqual([]);
        expect(missing('maintenance_entries', committed.entry), `kill ${kill}: entries reported but gone`).toEqual([]);
      } finally {
        sqlite.close();
      }

      // Opened as the app opens it (recovering the WAL), and verified as `daftari verify` does.
      const t = await openTestCore({ path: file });
      try {
        expect(await verifyStore(t.store, registry.domain, { checks: registry.checks }), `kill ${kill}`).toMatchObject({ ok: true });
      } finally {
        t.core.close();
      }
    }
    // The kills came while there was writing to interrupt.
    expect(committed.asset.size).toBeGreaterThan(KILLS);
  }, 30_000 + KILLS * 10_000);
});
