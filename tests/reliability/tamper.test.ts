// Issue 12, "Tamper evidence": whoever holds the file and a SQLite shell may change any column of any
// row. Each column of a journal row, of projection rows, of the rows of both full-text search indexes
// and of the origins table is changed in turn, directly in the file, and `verify` reports each change,
// naming the row it found changed. Every case starts from the same untouched copy of one office's file.
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../db/areas.ts';
import { canonicalJson } from '../../db/journal/hash.ts';
import { verifyStore, type VerifyResult } from '../../db/journal/verify.ts';
import { closeStore, compileOnly, type Store } from '../../db/store/open.ts';
import { carry, openReplica, registerDevice, type Replica } from '../helpers/sync.ts';

let a: Replica;
let b: Replica;
let image: Buffer;
let ids: { person: string; device: string; entry: string; admin: string; own: { shared: string; local: string }; peer: string };

beforeAll(async () => {
  a = await openReplica('A', { seed: 121 });
  b = await openReplica('B', { seed: 122 });
  const person = (await a.ok('people.register', { full_name: 'Zuhura Said', check_number: '100230', department_id: null })).id;
  const location = (await a.ok('locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' })).id;
  const device = (await registerDevice(a, { custodian_id: person, location_id: location, serial: 'SN-5CG1234', media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EV-1' }] })).id;
  const entry = (await a.ok('maintenance.report', { asset_id: device, reported_on: '2025-03-01', reported_by: 'Zuhura Said', symptoms: 'Haiwaki kabisa' })).id;
  // A second installation's chain, so the origins table holds a peer's row too.
  await registerDevice(b, { serial: 'SN-TAWI-1' });
  await carry(b, a);
  const me = await a.ok('auth.me');
  ids = { person, device, entry, admin: (me as { user: { id: string } }).user.id, own: a.core.services.identity, peer: b.origin };
  image = a.store.sqlite.serialize();
  expect(await verify(copy())).toMatchObject({ ok: true });
});

afterAll(() => {
  a.core.close();
  b.core.close();
});

/** A fresh copy of the untouched file, with nothing in the way of a forger: no foreign keys, no checks. */
function copy(): Store {
  const sqlite = new Sqlite(image);
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  sqlite.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
  return { sqlite, q: compileOnly(), path: ':memory:', statements: new Map(), migrations: registry.migrations };
}

async function verify(store: Store): Promise<VerifyResult> {
  try {
    return await verifyStore(store, registry.domain, { migrations: registry.migrations, checks: registry.checks });
  } finally {
    closeStore(store);
  }
}

interface Column {
  name: string;
  type: string;
}

function columnsOf(store: Store, table: string): Column[] {
  return store.sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as Column[];
}

/** Another value of the column's own type, so a STRICT table takes it. */
function otherValue(value: unknown, type: string): string | number {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return value === '' ? 'bandia' : `${value}X`;
  return /INT/i.test(type) ? 7 : /REAL/i.test(type) ? 7.5 : 'bandia';
}

describe('a journal row changed in the file', () => {
  let row: Record<string, unknown>;
  let columns: Column[];
  beforeAll(() => {
    const store = copy();
    // The log book entry's event: it refers to the device as well (journal_refs).
    row = store.sqlite.prepare("SELECT * FROM journal WHERE type = 'maintenance.reported' AND entity = ?").get(ids.entry) as Record<string, unknown>;
    columns = columnsOf(store, 'journal');
    closeStore(store);
  });

  it('is a row with every column of the journal, and refs', () => {
    expect(columns.map((c) => c.name)).toEqual(['seq', 'origin', 'origin_seq', 'hlc', 'actor', 'type', 'entity', 'payload', 'prev_hash', 'hash']);
    const store = copy();
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM journal_refs WHERE seq = ?').get(row.seq)).toEqual({ n: 1 });
    closeStore(store);
  });

  it.each(['origin', 'origin_seq', 'hlc', 'actor', 'type', 'entity', 'prev_hash', 'hash'])('%s: verify names the event', async (column) => {
    const store = copy();
    const type = columns.find((c) => c.name === column)?.type ?? 'TEXT';
    const changed = otherValue(row[column], type);
    store.sqlite.prepare(`UPDATE journal SET ${column} = ? WHERE seq = ?`).run(changed, row.seq);
    const origin = column === 'origin' ? changed : row.origin;
    const originSeq = column === 'origin_seq' ? changed : row.origin_seq;
    expect(await verify(store)).toEqual({ ok: false, kind: 'event', seq: row.seq, origin, origin_seq: originSeq, problem: 'hash-mismatch' });
  });

  it('payload: a value inside it, the text kept canonical, and verify names the event', async () => {
    const store = copy();
    const payload = JSON.parse(row.payload as string) as Record<string, unknown>;
    const forged = canonicalJson({ ...payload, symptoms: 'Skrini imevunjika' });
    store.sqlite.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(forged, row.seq);
    expect(await verify(store)).toEqual({ ok: false, kind: 'event', seq: row.seq, origin: row.origin, origin_seq: row.origin_seq, problem: 'hash-mismatch' });
  });

  it('payload: its text no longer JSON, and verify names the event', async () => {
    const store = copy();
    store.sqlite.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(`${row.payload as string}X`, row.seq);
    expect(await verify(store)).toEqual({ ok: false, kind: 'event', seq: row.seq, origin: row.origin, origin_seq: row.origin_seq, problem: 'payload-not-json' });
  });

  it('seq: the event moved in the order of arrival loses its refs, and verify names it at its new number', async () => {
    const store = copy();
    const last = (store.sqlite.prepare('SELECT max(seq) AS n FROM journal').get() as { n: number }).n;
    store.sqlite.prepare('UPDATE journal SET seq = ? WHERE seq = ?').run(last + 10, row.seq);
    expect(await verify(store)).toEqual({ ok: false, kind: 'event', seq: last + 10, origin: row.origin, origin_seq: row.origin_seq, problem: 'refs-mismatch' });
  });
});

/** Each column of one row of `table`, changed in turn: verify names the row each time. */
function eachColumnOf(table: string, id: () => string): void {
  const columns = registry.domain.projections.find((p) => p.table === table)?.columns ?? [];

  it('compares every column of the table', () => {
    const store = copy();
    const stored = columnsOf(store, table).map((c) => c.name);
    closeStore(store);
    expect([...columns].sort()).toEqual(stored.sort());
  });

  it.each([...columns])('%s: verify names the row', async (column) => {
    const forged = copy();
    const type = columnsOf(forged, table).find((c) => c.name === column)?.type ?? 'TEXT';
    const before = forged.sqlite.prepare(`SELECT ${column} AS value FROM ${table} WHERE id = ?`).get(id()) as { value: unknown } | undefined;
    expect(before, `${table} ${id()}`).toBeDefined();
    const changed = otherValue(before?.value, type);
    expect(forged.sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(changed, id()).changes).toBe(1);
    // A changed id shows as a row no event gives, under the new id.
    const expected = column === 'id' ? { id: changed, problem: 'row-extra' } : { id: id(), problem: 'row-differs' };
    expect(await verify(forged)).toEqual({ ok: false, kind: 'row', table, ...expected });
  });
}

describe('a projection row changed in the file', () => {
  describe('a device', () => eachColumnOf('assets', () => ids.device));
  describe('a log book entry', () => eachColumnOf('maintenance_entries', () => ids.entry));
  describe('an account, its password hash included', () => eachColumnOf('users', () => ids.admin));
});

/** The device's index row as 0040/0100's triggers write it, with one column's text changed. */
const DEVICE_SEARCH = ['a.tag', 'a.serial', 'a.make', 'a.model', "coalesce((SELECT full_name FROM people WHERE id = a.custodian_id), '')", "coalesce((SELECT name || ' ' || building FROM locations WHERE id = a.location_id), '')"];
const DEVICE_SEARCH_COLUMNS = ['tag', 'serial', 'make', 'model', 'custodian', 'location'];
const PERSON_SEARCH_COLUMNS = ['full_name', 'check_number', 'title', 'institution', 'phone', 'email'];

describe('a full-text search row changed in the file', () => {
  it('indexes the columns the test changes', () => {
    const store = copy();
    expect(columnsOf(store, 'assets_search').map((c) => c.name)).toEqual(DEVICE_SEARCH_COLUMNS);
    expect(columnsOf(store, 'people_search').map((c) => c.name)).toEqual(PERSON_SEARCH_COLUMNS);
    closeStore(store);
  });

  it.each(DEVICE_SEARCH_COLUMNS.map((c, i) => [c, i] as const))('the device index, %s: verify names the device', async (_name, i) => {
    const store = copy();
    const rowid = (store.sqlite.prepare('SELECT rowid FROM assets WHERE id = ?').get(ids.device) as { rowid: number }).rowid;
    store.sqlite.prepare('DELETE FROM assets_search WHERE rowid = ?').run(rowid);
    const values = DEVICE_SEARCH.map((expression, j) => (j === i ? `${expression} || ' bandia'` : expression));
    store.sqlite.prepare(`INSERT INTO assets_search (rowid, ${DEVICE_SEARCH_COLUMNS.join(', ')}) SELECT a.rowid, ${values.join(', ')} FROM assets a WHERE a.id = ?`).run(ids.device);
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'assets_search', id: ids.device, problem: 'search-differs' });
  });

  it.each(PERSON_SEARCH_COLUMNS.map((c) => [c] as const))('the people index, %s: verify names the person', async (column) => {
    const store = copy();
    const person = store.sqlite.prepare(`SELECT rowid, ${PERSON_SEARCH_COLUMNS.join(', ')} FROM people WHERE id = ?`).get(ids.person) as Record<string, string | number>;
    const old = PERSON_SEARCH_COLUMNS.map((c) => person[c]);
    const forged = PERSON_SEARCH_COLUMNS.map((c) => (c === column ? `${String(person[c])} bandia` : person[c]));
    const list = PERSON_SEARCH_COLUMNS.join(', ');
    const marks = PERSON_SEARCH_COLUMNS.map(() => '?').join(', ');
    // An external-content index: its row is taken out with the old words and put back with others.
    store.sqlite.prepare(`INSERT INTO people_search (people_search, rowid, ${list}) VALUES ('delete', ?, ${marks})`).run(person.rowid, ...old);
    store.sqlite.prepare(`INSERT INTO people_search (rowid, ${list}) VALUES (?, ${marks})`).run(person.rowid, ...forged);
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'people_search', id: ids.person, problem: 'search-differs' });
  });
});

describe('the origins table changed in the file', () => {
  it('holds this installation’s two origins and the peer’s', () => {
    const store = copy();
    const rows = store.sqlite.prepare('SELECT origin, scope, is_self FROM origins ORDER BY origin').all();
    closeStore(store);
    expect(rows).toEqual(
      [
        { origin: ids.own.shared, scope: 'shared', is_self: 1 },
        { origin: ids.own.local, scope: 'local', is_self: 1 },
        { origin: ids.peer, scope: 'shared', is_self: 0 },
      ].sort((x, y) => (x.origin < y.origin ? -1 : 1)),
    );
  });

  const rows = () => [
    ['this installation’s shared origin', ids.own.shared],
    ['this installation’s account origin', ids.own.local],
    ['the peer’s origin', ids.peer],
  ] as const;

  it.each([0, 1, 2])('origin renamed (row %i): verify names the origin whose chain lost its row', async (i) => {
    const [, origin] = rows()[i] as readonly [string, string];
    const store = copy();
    store.sqlite.prepare('UPDATE origins SET origin = ? WHERE origin = ?').run(`${origin}X`, origin);
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'origins', id: origin, problem: 'row-missing' });
  });

  it.each([0, 1, 2])('scope changed (row %i): verify names the origin', async (i) => {
    const [, origin] = rows()[i] as readonly [string, string];
    const store = copy();
    store.sqlite.prepare("UPDATE origins SET scope = CASE scope WHEN 'shared' THEN 'local' ELSE 'shared' END WHERE origin = ?").run(origin);
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'origins', id: origin, problem: 'scope-mismatch' });
  });

  it.each([0, 1, 2])('is_self changed (row %i): verify names the origin', async (i) => {
    const [, origin] = rows()[i] as readonly [string, string];
    const store = copy();
    store.sqlite.prepare('UPDATE origins SET is_self = 1 - is_self WHERE origin = ?').run(origin);
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'origins', id: origin, problem: 'row-differs' });
  });

  it('is_self swapped between this installation’s shared origin and the peer’s: verify names the first of the two', async () => {
    const store = copy();
    store.sqlite.prepare('UPDATE origins SET is_self = 1 - is_self WHERE origin IN (?, ?)').run(ids.own.shared, ids.peer);
    const first = [ids.own.shared, ids.peer].sort()[0];
    expect(await verify(store)).toEqual({ ok: false, kind: 'row', table: 'origins', id: first, problem: 'row-differs' });
  });
});
