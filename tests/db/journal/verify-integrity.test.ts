// What verify sees beyond the chain and the projections: an origin whose scope was edited, a search
// row deleted or forged, and where the password hash lives (docs/journal.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import type { Store } from '../../../db/store/open.ts';
import { carry, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

let r: Replica;
let store: Store;
let person: string;
let device: string;
beforeEach(async () => {
  r = await openReplica('A', { seed: 61 });
  store = r.store;
  person = (await r.ok('people.register', { full_name: 'Zuhura Said', department_id: null })).id;
  device = (await registerDevice(r, { custodian_id: person, serial: 'SN-5CG1234' })).id;
});
afterEach(() => r.core.close());

function rowidOf(table: string, id: string): number {
  return (store.sqlite.prepare(`SELECT rowid FROM ${table} WHERE id = ?`).get(id) as { rowid: number }).rowid;
}

describe('verify checks each origin’s scope against the events in its chain', () => {
  it('finds an untouched file intact, search indexes included', async () => {
    expect(await verifyStore(store, domain)).toMatchObject({ ok: true });
  });

  it('names the origins row when the account chain is called shared', async () => {
    const { local } = r.core.services.identity;
    store.sqlite.prepare("UPDATE origins SET scope = 'shared' WHERE origin = ?").run(local);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'origins', id: local, problem: 'scope-mismatch' });
  });

  it('names the origins row when the shared chain is called local, which would keep it out of every bundle', async () => {
    const { shared } = r.core.services.identity;
    store.sqlite.prepare("UPDATE origins SET scope = 'local' WHERE origin = ?").run(shared);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'origins', id: shared, problem: 'scope-mismatch' });
  });

  it('names the origin whose row was deleted from the origins table', async () => {
    const { shared } = r.core.services.identity;
    store.sqlite.prepare('DELETE FROM origins WHERE origin = ?').run(shared);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'origins', id: shared, problem: 'row-missing' });
  });
});

describe('verify checks the full-text search indexes', () => {
  it('names the person whose search row was deleted', async () => {
    store.sqlite.prepare('DELETE FROM people_search WHERE rowid = ?').run(rowidOf('people', person));
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'people_search', id: person, problem: 'search-differs' });
  });

  it('names a forged search row that no person has', async () => {
    store.sqlite.prepare("INSERT INTO people_search (rowid, full_name, check_number, title, institution, phone, email) VALUES (9999, 'Mtu Bandia', '', '', '', '', '')").run();
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'people_search', id: '#9999', problem: 'search-differs' });
  });

  it('names the device whose search row was deleted, so it no longer came up in a search', async () => {
    store.sqlite.prepare('DELETE FROM assets_search WHERE rowid = ?').run(rowidOf('assets', device));
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'assets_search', id: device, problem: 'search-differs' });
  });

  it('names the device whose search row was forged to answer to another serial', async () => {
    const rowid = rowidOf('assets', device);
    store.sqlite.prepare('DELETE FROM assets_search WHERE rowid = ?').run(rowid);
    store.sqlite
      .prepare("INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location) SELECT ?, tag, 'SN-BANDIA', make, model, 'Zuhura Said', '' FROM assets WHERE id = ?")
      .run(rowid, device);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'assets_search', id: device, problem: 'search-differs' });
  });

  it('keeps the device search current when its custodian is renamed (no false alarm)', async () => {
    await r.ok('people.update', { person_id: person, full_name: 'Zuhura Said Omari', check_number: '', department_id: null });
    expect(await verifyStore(store, domain)).toMatchObject({ ok: true });
  });
});

describe('search after a bundle', () => {
  it('finds a device at the other installation by its custodian’s new name, and that installation verifies', async () => {
    const b = await openReplica('B', { seed: 62, start: '2025-03-03T09:00:00.000Z' });
    try {
      await carry(r, b);
      r.clock.advance(60_000);
      await r.ok('people.update', { person_id: person, full_name: 'Zuhura Said Omari', check_number: '', department_id: null });
      await carry(r, b);
      const found = b.store.sqlite.prepare("SELECT a.id FROM assets_search s JOIN assets a ON a.rowid = s.rowid WHERE assets_search MATCH 'custodian:Omari'").all();
      expect(found).toEqual([{ id: device }]);
      expect(await verifyStore(b.store, domain)).toMatchObject({ ok: true });
    } finally {
      b.core.close();
    }
  });

  it('finds a device by its custodian at a third installation that got the person and the device in one bundle', async () => {
    // B assigns A's person; C receives both through B. With these ids B's chain is folded before A's,
    // so the device row is written before its custodian's: the search row must still carry the name.
    const b = await openReplica('B', { seed: 71, start: '2025-03-03T09:00:00.000Z' });
    const c = await openReplica('C', { seed: 64, start: '2025-03-03T10:00:00.000Z' });
    try {
      await carry(r, b);
      b.clock.advance(60_000);
      const other = (await registerDevice(b, { custodian_id: person, serial: 'SN-B-77' })).id;
      await carry(b, c);
      const found = c.store.sqlite.prepare("SELECT a.id FROM assets_search s JOIN assets a ON a.rowid = s.rowid WHERE assets_search MATCH 'custodian:Zuhura' ORDER BY a.id").all();
      expect(found).toEqual([{ id: device }, { id: other }].sort((x, y) => x.id.localeCompare(y.id)));
      expect(await verifyStore(c.store, domain)).toMatchObject({ ok: true });
    } finally {
      b.core.close();
      c.core.close();
    }
  });
});

describe('the password hash stays in account events (docs/journal.md, "Where the password hash lives")', () => {
  it('is carried only by event types of the local scope, which export refuses to carry', () => {
    const carriers = [...domain.events.values()].filter((definition) => {
      const schema = definition.payload as z.ZodType;
      return schema instanceof z.ZodObject && 'password_hash' in schema.shape;
    });
    expect(carriers.map((d) => d.type).sort()).toEqual(['users.created', 'users.password-changed']);
    expect(carriers.every((d) => d.scope === 'local')).toBe(true);
  });

  it('lets verify name an account whose hash was swapped in the file to take it over', async () => {
    const admin = store.sqlite.prepare("SELECT id FROM users WHERE username = 'asha'").get() as { id: string };
    store.sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run('scrypt$17$8$1$c2FsdA==$a2V5', admin.id);
    expect(await verifyStore(store, domain)).toEqual({ ok: false, kind: 'row', table: 'users', id: admin.id, problem: 'row-differs' });
  });
});
