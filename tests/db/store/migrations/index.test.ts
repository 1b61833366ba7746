// The list of migrations as a whole: order, gaps, and reopening a file already at the latest.
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestMigration, migrationNames } from '../../../../db/store/migrations/index.ts';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migrations', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('are numbered with gaps and applied in order, the core first', () => {
    expect(migrationNames.slice(0, 3)).toEqual(['0010-journal', '0020-accounts', '0030-people-places']);
    const numbers = migrationNames.map((name) => Number(/^(\d{4})-[a-z0-9-]+$/.exec(name)?.[1]));
    // Tens, with the gaps left for what must run between two areas' migrations (0105 between 0100 and 0110).
    for (const n of numbers) expect(n % 5).toBe(0);
    numbers.forEach((n, i) => i > 0 && expect(n).toBeGreaterThan(numbers[i - 1] as number));
    expect(latestMigration).toBe(migrationNames[migrationNames.length - 1]);
  });

  it('leave a file opened again at the latest migration untouched', async () => {
    closeStore((await openStore(path)).store);
    const again = await openStore(path);
    expect(again.applied).toEqual([]);
    expect(again.backup).toBeNull();
    closeStore(again.store);
  });

  it('keep the file readable by plain SQLite after each step', async () => {
    for (const name of migrationNames) closeStore((await openStore(path, { migrateTo: name })).store);
    const raw = new Sqlite(path, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
