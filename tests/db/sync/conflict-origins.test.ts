// Which installation recorded each record of a conflict (conflict-origins.list), so the Sync screen can say
// on which installations it arose: this one, or another by the name given to it here; the same origins
// on every installation, only the names being each one's own.
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, present } from '../../helpers/core.ts';
import { carry, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

/** Two installations that each registered a device under the same tag, then exchanged bundles. */
async function duplicated() {
  const a = await openReplica('A', { seed: 1, start: '2025-03-03T08:00:00.000Z' });
  const b = await openReplica('B', { seed: 2, start: '2025-03-03T08:00:30.000Z' });
  open.push(a, b);
  const onA = await registerDevice(a);
  const onB = await registerDevice(b, { make: 'HP' });
  await exchange(a, b);
  const conflict = present((await a.ok('conflicts.list')).find((c) => c.kind === 'duplicate-tag'), 'the duplicate tag');
  return { a, b, onA, onB, conflict };
}

describe('the installations a conflict arose on', () => {
  it('names each record’s installation: this one, or the other by the name given to it here', async () => {
    const { a, b, onA, onB, conflict } = await duplicated();
    await a.ok('peers.rename', { peer_id: b.origin, name: 'Ofisi ya Dodoma' });
    const seenByA = await a.ok('conflict-origins.list', { conflict_id: conflict.id });
    expect([...seenByA].sort((x, y) => x.entity.localeCompare(y.entity))).toEqual(
      [
        { entity: onA.id, origin: a.origin, self: true, name: null },
        { entity: onB.id, origin: b.origin, self: false, name: 'Ofisi ya Dodoma' },
      ].sort((x, y) => x.entity.localeCompare(y.entity)),
    );
    // The same origins on the other installation, seen from its side.
    const seenByB = await b.ok('conflict-origins.list', { conflict_id: conflict.id });
    expect(seenByB.map((row) => [row.entity, row.origin, row.self])).toEqual(seenByA.map((row) => [row.entity, row.origin, !row.self]));
  });

  it('refuses a conflict that is not open, and a user who does not read the installations', async () => {
    const { a, conflict } = await duplicated();
    const unknown = await a.call('conflict-origins.list', { conflict_id: 'duplicate-tag:000000000000000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conflict-not-found' } });
    const accountant = await addUser(a.t, a.token, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
    const refused = await a.t.call(accountant.token, 'conflict-origins.list', { conflict_id: conflict.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const auditor = await addUser(a.t, a.token, 'mkaguzi', ['auditor'], 'Bw. Salim Kombo');
    expect((await a.t.ok(auditor.token, 'conflict-origins.list', { conflict_id: conflict.id })).length).toBe(2);

    await a.ok('conflicts.resolve', { conflict_id: conflict.id, note: 'Kibandiko kipya kitawekwa kwenye kifaa cha B' });
    expect(await a.call('conflict-origins.list', { conflict_id: conflict.id })).toMatchObject({ ok: false, error: { code: 'conflict-not-found' } });
  });
});
