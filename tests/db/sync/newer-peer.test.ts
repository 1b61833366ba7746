// Event types from a newer Daftari (docs/journal.md, "Event types this version does not know"): a bundle
// carrying one is accepted; the event is kept and verified with its chain but not folded, and once a
// version that knows the type starts, it is folded where it belongs.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { foldHeldEvents } from '../../../db/journal/append.ts';
import { createDomain } from '../../../db/journal/domain.ts';
import { nextHlc } from '../../../db/journal/hlc.ts';
import { defineEvent, type AnyProjection } from '../../../db/journal/types.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { locationsProjection } from '../../../db/places/reducer.ts';
import {
  eventsOf,
  exportBundle,
  importBundle,
  openReplica,
  privateKeyOf,
  reseal,
  sharedDigest,
  unpack,
  type EventLine,
  type Replica,
} from '../../helpers/sync.ts';

/** What the newer version added: a location renamed on its own, and the fold that applies it. */
const locationRenamed = defineEvent('locations.renamed', 'shared', z.object({ name: z.string() }));
const locations: AnyProjection = locationsProjection;
const renaming: AnyProjection = {
  ...locations,
  types: [...locations.types, locationRenamed.type],
  reduce: (row, event, entity) =>
    event.type === locationRenamed.type ? (row ? { ...row, name: String(event.payload.name) } : row) : locations.reduce(row, event, entity),
};
const newerDomain = createDomain(
  [...domain.events.values(), locationRenamed],
  domain.projections.map((p) => (p === locations ? renaming : p)),
);

function location(replica: Replica, id: string): string | undefined {
  return (replica.store.sqlite.prepare('SELECT name FROM locations WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

describe('an event type from a newer peer', () => {
  const open: Replica[] = [];
  afterEach(() => {
    for (const replica of open.splice(0)) replica.core.close();
  });

  it('is kept, verified and passed on but not folded, then folded once this version knows the type', async () => {
    const a = await openReplica('A', { seed: 31 });
    open.push(a);
    const place = await a.ok('locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' });
    const genuine = await exportBundle(a);
    // The newer build appends its own type at the end of A's chain, signed with A's key.
    const events = eventsOf(genuine);
    const last = events.filter((e) => e.origin === a.origin).at(-1) as EventLine;
    const renamed: EventLine = {
      origin: a.origin,
      origin_seq: last.origin_seq + 1,
      hlc: nextHlc(last.hlc, new Date(0)),
      actor: last.actor,
      type: locationRenamed.type,
      entity: place.id,
      payload: { name: 'Ghorofa 3', actor_name: 'Asha (A)' },
      prev_hash: last.hash,
      hash: '',
    };
    const newer = reseal(unpack(genuine).header, [...events, renamed], privateKeyOf(a));

    const b = await openReplica('B', { seed: 32, start: '2025-03-03T09:00:00.000Z' });
    const c = await openReplica('C', { seed: 33, start: '2025-03-03T09:00:00.000Z' });
    open.push(b, c);
    expect((await importBundle(b, newer, true)).ok).toBe(true);
    expect((await importBundle(c, genuine, true)).ok).toBe(true);

    // Kept, in its chain, marked held; verify finds the file intact.
    const stored = b.store.sqlite.prepare('SELECT seq, type, entity FROM journal WHERE type = ?').get(locationRenamed.type) as { seq: number };
    expect(stored).toMatchObject({ type: 'locations.renamed', entity: place.id });
    expect(b.store.sqlite.prepare('SELECT seq FROM journal_held').all()).toEqual([{ seq: stored.seq }]);
    expect(await verifyStore(b.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    // Not folded: every shared projection is what the same bundle without it gives.
    expect(location(b, place.id)).toBe('Ghorofa 2');
    expect(sharedDigest(b.store)).toEqual(sharedDigest(c.store));

    // It travels on: B's own bundle carries it to C, which keeps it held in turn.
    const onward = await exportBundle(b);
    expect(eventsOf(onward).map((e) => e.type)).toContain(locationRenamed.type);
    expect((await importBundle(c, onward, true)).ok).toBe(true);
    expect(c.store.sqlite.prepare('SELECT count(*) AS n FROM journal_held').get()).toEqual({ n: 1 });
    expect(location(c, place.id)).toBe('Ghorofa 2');

    // This version starting again folds nothing new.
    expect(foldHeldEvents(b.store, domain)).toBe(0);
    // A version that knows the type folds it at startup, and the file still verifies under it.
    expect(foldHeldEvents(b.store, newerDomain)).toBe(1);
    expect(location(b, place.id)).toBe('Ghorofa 3');
    expect(b.store.sqlite.prepare('SELECT count(*) AS n FROM journal_held').get()).toEqual({ n: 0 });
    expect(await verifyStore(b.store, newerDomain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    expect(foldHeldEvents(b.store, newerDomain)).toBe(0);
  });
});
