import { registry } from '../../../db/areas.ts';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import { foldAll, verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { countRows, jcs, openTestCore, recordWorkday, rowsOf, type TestCore, type Workday } from '../../helpers/core.ts';

interface Row {
  seq: number;
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

const PROJECTION_TABLES = domain.projections.map((p) => p.table);
const CORE_TABLES = ['institution', 'security_settings', 'users', 'people', 'departments', 'locations'];

function eventRow(store: Store, where: string, ...params: unknown[]): Row {
  const row = store.sqlite.prepare(`SELECT * FROM journal WHERE ${where} ORDER BY seq LIMIT 1`).get(...params) as Row | undefined;
  if (!row) throw new Error(`no event where ${where}`);
  return row;
}

/** What a person with the file and a SQLite shell can do: the guarding triggers are theirs to drop. */
function dropJournalGuards(store: Store): void {
  store.sqlite.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
}

function setColumn(store: Store, seq: number, column: keyof Row, value: string | number): void {
  store.sqlite.prepare(`UPDATE journal SET ${column} = ? WHERE seq = ?`).run(value, seq);
}

/** Rewrites an event and recomputes its own hash, as a careful forger would. */
function forge(store: Store, seq: number, changes: Partial<Row>): void {
  const row = { ...(store.sqlite.prepare('SELECT * FROM journal WHERE seq = ?').get(seq) as Row), ...changes };
  const body = jcs({
    origin: row.origin,
    origin_seq: row.origin_seq,
    hlc: row.hlc,
    actor: row.actor,
    type: row.type,
    entity: row.entity,
    payload: JSON.parse(row.payload) as unknown,
    prev_hash: row.prev_hash,
  });
  const hash = createHash('sha256').update(body, 'utf8').digest('hex');
  store.sqlite
    .prepare('UPDATE journal SET origin_seq = ?, hlc = ?, actor = ?, type = ?, entity = ?, payload = ?, prev_hash = ?, hash = ? WHERE seq = ?')
    .run(row.origin_seq, row.hlc, row.actor, row.type, row.entity, row.payload, row.prev_hash, hash, seq);
}

function nextOfOrigin(store: Store, row: Row): Row {
  return eventRow(store, 'origin = ? AND origin_seq > ?', row.origin, row.origin_seq);
}

describe('verifying the journal and the projections', () => {
  let t: TestCore;
  let store: Store;
  let day: Workday;
  beforeEach(async () => {
    t = await openTestCore();
    day = await recordWorkday(t);
    store = t.core.services.store;
  });
  afterEach(() => t.core.close());

  it('finds an untouched file intact, counting every event and row', async () => {
    const result = await verifyStore(store, domain);
    const rows = PROJECTION_TABLES.reduce((sum, table) => sum + countRows(store, table), 0);
    expect(result).toEqual({ ok: true, events: countRows(store, 'journal'), rows });
    expect(rows).toBeGreaterThan(15);
  });

  it('names the event whose payload was edited in the file', async () => {
    const target = eventRow(store, "type = 'people.registered'");
    dropJournalGuards(store);
    setColumn(store, target.seq, 'payload', target.payload.replace('Rehema', 'Rahema').replace('Hamisi', 'Hamusi').replace('Zuhura', 'Zuhira'));
    expect(await verifyStore(store, domain)).toEqual({
      ok: false,
      kind: 'event',
      seq: target.seq,
      origin: target.origin,
      origin_seq: target.origin_seq,
      problem: 'hash-mismatch',
    });
  });

  it('names the edited event whichever byte of its payload was changed', async () => {
    const target = eventRow(store, "type = 'people.registered'");
    expect(Buffer.byteLength(target.payload)).toBe(target.payload.length); // one byte per character
    dropJournalGuards(store);
    const problems = new Set<string>();
    for (let i = 0; i < target.payload.length; i += 1) {
      const replacement = target.payload[i] === 'x' ? 'y' : 'x';
      setColumn(store, target.seq, 'payload', target.payload.slice(0, i) + replacement + target.payload.slice(i + 1));
      const result = await verifyStore(store, domain);
      expect(result.ok, `byte ${i} changed to ${replacement}`).toBe(false);
      if (!result.ok && result.kind === 'event') {
        expect([i, result.seq]).toEqual([i, target.seq]);
        expect(['hash-mismatch', 'payload-not-json', 'payload-not-canonical']).toContain(result.problem);
        problems.add(result.problem);
      } else {
        expect.fail(`byte ${i}: expected an event problem, got ${JSON.stringify(result)}`);
      }
    }
    expect(problems).toEqual(new Set(['hash-mismatch', 'payload-not-json', 'payload-not-canonical']));
    setColumn(store, target.seq, 'payload', target.payload);
    expect((await verifyStore(store, domain)).ok).toBe(true);
  });

  it('names an event whose stored hash was changed', async () => {
    const target = eventRow(store, "type = 'departments.created'");
    dropJournalGuards(store);
    setColumn(store, target.seq, 'hash', 'f'.repeat(64));
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, kind: 'event', seq: target.seq, problem: 'hash-mismatch' });
  });

  it('finds the broken link at the next event when an event is rewritten with a fresh hash', async () => {
    const target = eventRow(store, "type = 'departments.created'");
    const next = nextOfOrigin(store, target);
    dropJournalGuards(store);
    forge(store, target.seq, { payload: target.payload.replace('Uhasibu', 'Uhasibi') });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, kind: 'event', seq: next.seq, problem: 'broken-link' });
  });

  it('finds the gap when an event is deleted', async () => {
    const target = eventRow(store, "type = 'locations.created'");
    const next = nextOfOrigin(store, target);
    dropJournalGuards(store);
    store.sqlite.prepare('DELETE FROM journal WHERE seq = ?').run(target.seq);
    expect(await verifyStore(store, domain)).toMatchObject({
      ok: false,
      kind: 'event',
      seq: next.seq,
      origin: target.origin,
      origin_seq: target.origin_seq + 1,
      problem: 'sequence-gap',
    });
  });

  it('finds a gap in the account chain too', async () => {
    const target = eventRow(store, "type = 'users.deactivated'");
    const next = nextOfOrigin(store, target);
    dropJournalGuards(store);
    store.sqlite.prepare('DELETE FROM journal WHERE seq = ?').run(target.seq);
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, kind: 'event', seq: next.seq, problem: 'sequence-gap' });
  });

  it('names a payload that is not JSON', async () => {
    const target = eventRow(store, "type = 'people.updated'");
    dropJournalGuards(store);
    setColumn(store, target.seq, 'payload', target.payload.slice(0, -1));
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'payload-not-json' });
  });

  it('names a payload re-shaped out of canonical form, even with the same content', async () => {
    const target = eventRow(store, "type = 'people.updated'");
    dropJournalGuards(store);
    setColumn(store, target.seq, 'payload', JSON.stringify(JSON.parse(target.payload), null, 2));
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'payload-not-canonical' });
  });

  it('names a forged event whose payload does not fit its type', async () => {
    const target = eventRow(store, "type = 'departments.created'");
    dropJournalGuards(store);
    forge(store, target.seq, { payload: jcs({ ...(JSON.parse(target.payload) as object), name: 42 }) });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'payload-invalid' });
  });

  it('names a forged event without the actor name', async () => {
    const target = eventRow(store, "type = 'departments.created'");
    dropJournalGuards(store);
    const { actor_name: _dropped, ...rest } = JSON.parse(target.payload) as Record<string, unknown>;
    forge(store, target.seq, { payload: jcs(rest) });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'payload-invalid' });
  });

  it('names a forged event of a type nobody defined', async () => {
    const target = eventRow(store, "type = 'locations.updated'");
    dropJournalGuards(store);
    forge(store, target.seq, { type: 'locations.teleported' });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'unknown-type' });
  });

  it('names a forged event with a timestamp that is not an HLC', async () => {
    const target = eventRow(store, "type = 'locations.updated'");
    dropJournalGuards(store);
    forge(store, target.seq, { hlc: 'yesterday' });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'bad-hlc' });
  });

  it('names a forged event dated before its predecessor', async () => {
    const target = eventRow(store, "type = 'locations.updated'");
    dropJournalGuards(store);
    forge(store, target.seq, { hlc: '2020-01-01T00:00:00.000Z-00000' });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, seq: target.seq, problem: 'hlc-backwards' });
  });

  it('names an event whose list of referenced entities was changed', async () => {
    const target = eventRow(store, "type = 'people.registered'");
    store.sqlite.prepare('INSERT INTO journal_refs (seq, entity) VALUES (?, ?)').run(target.seq, day.people[4]);
    expect(await verifyStore(store, domain)).toMatchObject({ ok: false, kind: 'event', seq: target.seq, problem: 'refs-mismatch' });
  });

  it('names a projection row edited in the file', async () => {
    store.sqlite.prepare('UPDATE users SET display_name = ? WHERE id = ?').run('Mtu Mwingine', day.officer.id);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'users', id: day.officer.id, problem: 'row-differs' });
  });

  it('names a projection row whose lock was lifted by hand', async () => {
    store.sqlite.prepare('UPDATE users SET active = 1 WHERE id = ?').run(day.accountant.id);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'users', id: day.accountant.id, problem: 'row-differs' });
  });

  it('names a projection row no event describes', async () => {
    store.sqlite
      .prepare("INSERT INTO departments (id, name, code, active, created_at, updated_at) VALUES ('ghost', 'Idara Hewa', 'IH', 1, 'x', 'x')")
      .run();
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'departments', id: 'ghost', problem: 'row-extra' });
  });

  it('names a projection row deleted from the file', async () => {
    const id = day.people[3] as string;
    store.sqlite.prepare('DELETE FROM people WHERE id = ?').run(id);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'people', id, problem: 'row-missing' });
  });

  it('is what the journal.verify route reports to an administrator', async () => {
    const before = await t.call(day.admin.token, 'journal.verify');
    expect(before).toMatchObject({ ok: true, value: { ok: true } });
    store.sqlite.prepare("UPDATE locations SET region = 'Arusha' WHERE id = ?").run(day.locations[0]);
    expect(await t.call(day.admin.token, 'journal.verify')).toEqual({
      ok: true,
      value: { ok: false, kind: 'row', table: 'locations', id: day.locations[0], problem: 'row-differs' },
    });
  });
});

describe('rebuilding the projections from the journal', () => {
  it('gives exactly the stored rows of every projection table', async () => {
    const t = await openTestCore();
    await recordWorkday(t);
    const source = t.core.services.store;
    const { store: fresh } = await openStore(':memory:', { migrations: registry.migrations });
    try {
      const folded = foldAll(source, fresh, domain);
      expect(folded).toBe(countRows(source, 'journal'));
      for (const table of PROJECTION_TABLES) expect(rowsOf(fresh, table), table).toEqual(rowsOf(source, table));
      // The workday used every event type of the core and wrote rows in each of its projections,
      // so the comparison above is not of empty tables.
      const used = new Set((source.sqlite.prepare('SELECT DISTINCT type FROM journal').all() as { type: string }[]).map((r) => r.type));
      const coreTypes = [...domain.events.keys()].filter((type) => /^(institution|security|users|people|departments|locations)\./.test(type));
      expect(coreTypes.filter((type) => !used.has(type))).toEqual([]);
      for (const table of CORE_TABLES) expect(rowsOf(source, table).length, table).toBeGreaterThan(0);
      // The search index follows the rebuilt rows too.
      const search = "SELECT p.id FROM people p WHERE p.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH 'rehema*')";
      expect(fresh.sqlite.prepare(search).all()).toEqual(source.sqlite.prepare(search).all());
      expect(fresh.sqlite.prepare(search).all()).toHaveLength(1);
    } finally {
      closeStore(fresh);
      t.core.close();
    }
  });

  it('gives the same rows whichever order the events arrived in, as long as they fold in HLC order', async () => {
    const t = await openTestCore();
    await recordWorkday(t);
    const source = t.core.services.store;
    // Copy the journal into a second file in reverse arrival order; the fold still orders by HLC.
    const { store: shuffled } = await openStore(':memory:', { migrations: registry.migrations });
    const { store: rebuilt } = await openStore(':memory:', { migrations: registry.migrations });
    try {
      const insert = shuffled.sqlite.prepare(
        'INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (@origin, @origin_seq, @hlc, @actor, @type, @entity, @payload, @prev_hash, @hash)',
      );
      for (const row of source.sqlite.prepare('SELECT * FROM journal ORDER BY seq DESC').all() as Row[]) insert.run(row);
      foldAll(shuffled, rebuilt, domain);
      for (const table of PROJECTION_TABLES) expect(rowsOf(rebuilt, table), table).toEqual(rowsOf(source, table));
    } finally {
      closeStore(shuffled);
      closeStore(rebuilt);
      t.core.close();
    }
  });
});
