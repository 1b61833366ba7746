import { readFileSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { openCore } from '../../../db/core.ts';
import { manualClock } from '../../../db/core/clock.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { latestMigration } from '../../../db/store/migrations/index.ts';
import { closeStore, dryRun, openStore } from '../../../db/store/open.ts';
import { openTestCore, setUp, START, tempDir, testHasher } from '../../helpers/core.ts';

/** Offsets at which two files differ (and a length change), to say exactly what was written. */
function changedBytes(before: Buffer, after: Buffer): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) if (before[i] !== after[i]) offsets.push(i);
  return offsets.slice(0, 20);
}

async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('opening the records file', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('uses WAL, foreign keys and synchronous FULL on a file', async () => {
    const { store } = await openStore(path);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeStore(store);
  });

  it('creates the folder the file lives in', async () => {
    const nested = `${dir.dir}/a/b/daftari.db`;
    const { store } = await openStore(nested);
    closeStore(store);
    expect(existsSync(nested)).toBe(true);
  });

  it('takes a copy before migrating an existing file, and the copy opens at the old migration level', async () => {
    const old = await openStore(path, { migrateTo: '0020-accounts' });
    old.store.sqlite.exec("INSERT INTO security_settings VALUES ('security', 45, 't0')");
    closeStore(old.store);

    const core = await openCore({ path, hasher: testHasher, clock: manualClock(START) });
    // The core runs every area's migrations too, so its file ends at the last of them all.
    const last = Object.keys(registry.migrations).sort().at(-1) as string;
    expect(core.backup).toBe(`${path}.before-${last}.2025-03-03T08-00-00-000Z.bak`);
    core.close();

    const copy = new Sqlite(core.backup as string, { readonly: true });
    expect((copy.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)).toEqual([
      '0010-journal',
      '0020-accounts',
    ]);
    expect(copy.prepare('SELECT password_max_age_days FROM security_settings').get()).toEqual({ password_max_age_days: 45 });
    expect(copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'people'").get()).toEqual({ n: 0 });
    copy.close();
  });

  it('puts the copy where the caller asks', async () => {
    closeStore((await openStore(path, { migrateTo: '0010-journal' })).store);
    const { store, backup } = await openStore(path, { backupPath: (from, to) => `${dir.dir}/${from}--${to}.bak` });
    closeStore(store);
    expect(backup).toBe(`${dir.dir}/0010-journal--${latestMigration}.bak`);
    expect(existsSync(backup as string)).toBe(true);
  });

  it('takes no copy of a brand-new file', async () => {
    const { store, backup } = await openStore(path);
    closeStore(store);
    expect(backup).toBeNull();
  });

  it('refuses a file written by a newer Daftari and leaves it untouched', async () => {
    const { store } = await openStore(path);
    store.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0040-future-things', '2030-01-01T00:00:00.000Z')").run();
    closeStore(store);
    utimesSync(path, new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;

    const refusal = await refusalOf(openStore(path));
    expect(refusal.value).toMatchObject({ code: 'database-too-new', message: 'errors.database-too-new', params: { path, migration: '0040-future-things' } });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('refuses a newer file through openCore as well, with nothing written', async () => {
    const t = await openTestCore({ path });
    await setUp(t);
    t.core.services.store.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0040-future-things', 't')").run();
    t.core.close();
    const bytes = readFileSync(path);
    const refusal = await refusalOf(openCore({ path, hasher: testHasher, clock: manualClock(START) }));
    expect(refusal.value.code).toBe('database-too-new');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('leaves a newer file untouched even when it is not in WAL mode (a copy taken with VACUUM INTO is not)', async () => {
    const { store } = await openStore(path);
    store.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0040-future-things', 't')").run();
    const copy = `${dir.dir}/copy.db`;
    store.sqlite.prepare('VACUUM INTO ?').run(copy);
    closeStore(store);
    const bytes = readFileSync(copy);

    const refusal = await refusalOf(openStore(copy));
    expect(refusal.value.code).toBe('database-too-new');
    // Bytes 18-19 of the header hold the journal mode; setting WAL before the check rewrites them.
    expect(changedBytes(bytes, readFileSync(copy))).toEqual([]);
  });

  it('refuses a file that is not a database, and leaves it alone', async () => {
    writeFileSync(path, 'Hii si hifadhidata ya Daftari.\n'.repeat(200));
    const bytes = readFileSync(path);
    const refusal = await refusalOf(openStore(path));
    expect(refusal.value).toMatchObject({ code: 'database-unreadable', message: 'errors.database-unreadable', params: { path } });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('a dry run (the previews of a register import and of a bundle)', () => {
  it('returns what the work saw and keeps none of what it wrote', async () => {
    const { store } = await openStore(':memory:');
    const count = () => (store.sqlite.prepare('SELECT count(*) AS n FROM origins').get() as { n: number }).n;
    const seen = dryRun(store, () => {
      store.sqlite.prepare("INSERT INTO origins (origin, scope, is_self) VALUES ('o1', 'shared', 0)").run();
      return count();
    });
    expect(seen).toBe(1);
    expect(count()).toBe(0);
    closeStore(store);
  });

  it('passes a refusal met during the work on to the caller, with nothing kept', async () => {
    const { store } = await openStore(':memory:');
    const refusal = (() => {
      try {
        dryRun(store, () => {
          store.sqlite.prepare("INSERT INTO origins (origin, scope, is_self) VALUES ('o1', 'shared', 0)").run();
          throw new Refusal('cancelled');
        });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).value.code).toBe('cancelled');
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM origins').get()).toEqual({ n: 0 });
    closeStore(store);
  });
});
