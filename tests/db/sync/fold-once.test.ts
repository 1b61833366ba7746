// Issue 9, "Fold in memory": a merge reduces each touched entity's events in memory and writes its
// final row once — one write per row, its search index touched once — and an entity new to this file
// is folded from the bundle's own events, without reading them back from the journal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as refold from '../../../db/journal/refold.ts';
import { okValue, rowsOf } from '../../helpers/core.ts';
import { exportBundle, importBundle, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

vi.mock('../../../db/journal/refold.ts', { spy: true });

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
  vi.mocked(refold.eventsOfEntity).mockClear();
});
async function replica(name: string, seed: number): Promise<Replica> {
  const r = await openReplica(name, { seed, start: `2025-03-03T0${seed}:00:00.000Z` });
  open.push(r);
  return r;
}

/** What both installations must hold alike (each set up its own institution, so not that). */
function registers(r: Replica): Record<string, unknown[]> {
  return Object.fromEntries(['people', 'assets', 'storage_media', 'maintenance_entries'].map((table) => [table, rowsOf(r.store, table)]));
}

/** Counts, in the receiver, every insert, update and delete of people rows and of their search index. */
function countWrites(r: Replica): () => { inserts: number; updates: number; deletes: number } {
  r.store.sqlite.exec(`
    CREATE TEMP TABLE writes (kind TEXT);
    CREATE TEMP TRIGGER people_inserted AFTER INSERT ON people BEGIN INSERT INTO writes VALUES ('insert'); END;
    CREATE TEMP TRIGGER people_updated AFTER UPDATE ON people BEGIN INSERT INTO writes VALUES ('update'); END;
    CREATE TEMP TRIGGER people_deleted AFTER DELETE ON people BEGIN INSERT INTO writes VALUES ('delete'); END;`);
  return () => {
    const count = (kind: string) => (r.store.sqlite.prepare('SELECT count(*) AS n FROM temp.writes WHERE kind = ?').get(kind) as { n: number }).n;
    return { inserts: count('insert'), updates: count('update'), deletes: count('delete') };
  };
}

describe('a merge folds each entity once', () => {
  it('writes a person edited six times as one row, once, and the receiver agrees with the sender', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    const person = await a.ok('people.register', { full_name: 'Rehema Mushi', check_number: '100200' });
    for (const title of ['Afisa TEHAMA', 'Afisa TEHAMA Mkuu', 'Mhandisi', 'Mhandisi Mkuu', 'Mkuu wa Kitengo']) {
      await a.ok('people.update', { person_id: person.id, full_name: 'Rehema Mushi', check_number: '100200', title });
    }
    const writes = countWrites(b);
    okValue(await importBundle(b, await exportBundle(a), true));
    // One person, one insert; before, each of the six events wrote the row (and its index) again.
    expect(writes()).toEqual({ inserts: 1, updates: 0, deletes: 0 });
    expect(rowsOf(b.store, 'people').find((row) => row.id === person.id)).toMatchObject({ title: 'Mkuu wa Kitengo' });
    expect(registers(b)).toEqual(registers(a));
  });

  it('folds entities new to this file from the bundle alone, and reads back only those it held before', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    const held = await a.ok('people.register', { full_name: 'Juma Ally', check_number: '100300' });
    okValue(await importBundle(b, await exportBundle(a), true));
    vi.mocked(refold.eventsOfEntity).mockClear();

    // Then: the person B holds is edited, and a new person and a new device (with a repair) appear.
    await a.ok('people.update', { person_id: held.id, full_name: 'Juma Ally Hamisi', check_number: '100300' });
    const fresh = await a.ok('people.register', { full_name: 'Neema Kweka', check_number: '100301' });
    const device = await registerDevice(a, { custodian_id: fresh.id });
    await a.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Neema Kweka', symptoms: 'Skrini haiwaki' });
    const writes = countWrites(b);
    const imported = okValue(await importBundle(b, await exportBundle(a)));

    const readBack = vi.mocked(refold.eventsOfEntity).mock.calls.map(([, entity]) => entity);
    expect(readBack).toEqual([held.id]);
    expect(imported.touched_entities).toBeGreaterThanOrEqual(4);
    expect(writes()).toEqual({ inserts: 1, updates: 1, deletes: 0 });
    expect(registers(b)).toEqual(registers(a));
  });

  it('indexes again only the devices a merge touched or whose custodian it touched, and search finds them by the new name', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    const people = [];
    for (const [i, full_name] of ['Halima Mapunda', 'Baraka Lyimo', 'Upendo Swai'].entries()) {
      people.push(await a.ok('people.register', { full_name, check_number: `20030${i}` }));
    }
    // Devices and their custodians arrive in one bundle, folded in id order: a device may be folded
    // before its custodian's row exists, and must still be found by the custodian's name.
    for (let i = 0; i < 9; i += 1) await registerDevice(a, { custodian_id: people[i % 3]?.id ?? null, serial: `CZC00${i}` });
    okValue(await importBundle(b, await exportBundle(a), true));
    const found = async (r: Replica, search: string) => (await r.ok('assets.list', { search })).total;
    expect(await found(b, 'Halima')).toBe(3);
    expect(await found(b, 'Baraka')).toBe(3);

    b.store.sqlite.exec(`
      CREATE TEMP TABLE device_writes (id TEXT);
      CREATE TEMP TRIGGER device_written AFTER UPDATE ON assets BEGIN INSERT INTO device_writes VALUES (new.id); END;`);
    await a.ok('people.update', { person_id: people[0]?.id ?? '', full_name: 'Halima Mapunda Kimaro', check_number: '200300' });
    okValue(await importBundle(b, await exportBundle(a)));
    // The three devices Halima holds, not all nine.
    expect((b.store.sqlite.prepare('SELECT count(DISTINCT id) AS n FROM temp.device_writes').get() as { n: number }).n).toBe(3);
    expect(await found(b, 'Kimaro')).toBe(3);
    expect(await found(b, 'Upendo')).toBe(3);
  });
});
