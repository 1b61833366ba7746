// Carrying bundles between installations: importing is idempotent, an installation never imports
// itself, a never-seen installation waits for an administrator, a revoked one is turned away, and a
// bundle for a peer carries only what that peer lacks — and never an account.
import { afterEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import { addUser, countRows, okValue } from '../../helpers/core.ts';
import {
  carry,
  conflictsOf,
  eventsOf,
  everything,
  exportBundle,
  importBundle,
  openReplica,
  refusedUnchanged,
  registerDevice,
  sharedDigest,
  sharedJournalCount,
  type Imported,
  type Replica,
} from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});
async function replica(name: string, seed: number): Promise<Replica> {
  const r = await openReplica(name, { seed, start: `2025-03-03T0${seed % 10}:00:00.000Z` });
  open.push(r);
  return r;
}

async function withPeopleAndDevice(r: Replica): Promise<void> {
  const person = await r.ok('people.register', { full_name: `Zuhura Said (${r.name})` });
  await registerDevice(r, { custodian_id: person.id, media: [{ kind: 'hdd', capacity_gb: 1000, serial: `WD-${r.name}` }] });
}

describe('importing is idempotent', () => {
  it('importing the same bundle twice adds nothing the second time', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    await withPeopleAndDevice(a);
    const bundle = await exportBundle(a);
    const first = okValue<Imported>(await importBundle(b, bundle, true));
    expect(first.new_events).toBe(eventsOf(bundle).length);
    expect(first.held_events).toBe(0);

    const shared = { digest: sharedDigest(b.store), events: sharedJournalCount(b.store), conflicts: await conflictsOf(b) };
    const transfers = countRows(b.store, 'bundle_transfers');
    const second = okValue<Imported>(await importBundle(b, bundle));
    expect(second.new_events).toBe(0);
    expect(second.held_events).toBe(eventsOf(bundle).length);
    expect({ digest: sharedDigest(b.store), events: sharedJournalCount(b.store), conflicts: await conflictsOf(b) }).toEqual(shared);
    // What does change is this installation's own record of the transfer (3.6.9: the medium is to be wiped).
    expect(countRows(b.store, 'bundle_transfers')).toBe(transfers + 1);
  });

  it('refuses a bundle an installation made itself', async () => {
    const a = await replica('A', 1);
    await withPeopleAndDevice(a);
    await refusedUnchanged(a, await exportBundle(a), 'bundle-from-self', true);
  });

  it('a never-seen installation is refused until an administrator accepts its key, and nothing is kept meanwhile', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    await withPeopleAndDevice(a);
    const bundle = await exportBundle(a);
    const error = await refusedUnchanged(b, bundle, 'peer-unknown', false);
    expect(error.params?.fingerprint).toBe(a.core.services.signingKey().fingerprint);

    // The preview shows who it is from and what it would bring, and keeps nothing either.
    const before = await everything(b);
    const preview = await b.ok('sync.preview', {
      file: { name: 'a.daftari', base64: bundle.toString('base64') },
    });
    expect(preview.peer).toMatchObject({ status: 'new', fingerprint: a.core.services.signingKey().fingerprint });
    expect(preview.new_events).toBe(eventsOf(bundle).length);
    expect(await everything(b)).toEqual(before);

    // An ICT officer may carry bundles but not accept a new installation's key.
    const officer = await addUser(b.t, b.token, 'juma', ['ict_officer']);
    const byOfficer = await b.core.call(officer.token, 'sync.import', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, accept_new_peer: true });
    expect(byOfficer.result.ok ? null : byOfficer.result.error.code).toBe('forbidden');

    okValue(await importBundle(b, bundle, true));
    const peers = await b.ok('peers.list');
    expect(peers).toEqual([expect.objectContaining({ id: a.origin, status: 'trusted' })]);
    // Once trusted, the officer's later imports need no acceptance.
    await a.ok('people.register', { full_name: 'Hamisi Juma' });
    const later = await b.t.ok(officer.token, 'sync.import', { file: { name: 'a2.daftari', base64: (await exportBundle(a)).toString('base64') }, accept_new_peer: false });
    expect(later.new_events).toBe(1);
  });

  it('refuses a bundle from an installation whose key was revoked', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    await withPeopleAndDevice(a);
    await carry(a, b);
    await b.ok('peers.revoke', { peer_id: a.origin });
    await a.ok('people.register', { full_name: 'Hamisi Juma' });
    await refusedUnchanged(b, await exportBundle(a), 'peer-revoked', true);
  });
});

describe('a bundle for a peer carries only what it lacks', () => {
  it('after B’s high-water reached A, A’s bundle for B holds only A’s events B does not have', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    await withPeopleAndDevice(a);
    await withPeopleAndDevice(b);
    await carry(a, b);
    // B's bundle tells A how far B holds each origin.
    await carry(b, a);
    const heldByB = sharedJournalCount(b.store);

    await a.ok('people.register', { full_name: 'Rehema Mollel' });
    await a.ok('departments.create', { name: 'TEHAMA', code: 'IT' });
    const forB = eventsOf(await exportBundle(a, b.origin));
    expect(forB.map((e) => e.type)).toEqual(['people.registered', 'departments.created']);
    expect(forB.every((e) => e.origin === a.origin)).toBe(true);

    const result = okValue<Imported>(await importBundle(b, await exportBundle(a, b.origin)));
    expect(result).toMatchObject({ new_events: 2, held_events: 0 });
    expect(sharedJournalCount(b.store)).toBe(heldByB + 2);
    expect(sharedDigest(b.store)).toEqual(sharedDigest(a.store));

    // Nothing new since B's last report: still the same two (A cannot know B took them), and B holds them.
    const again = okValue<Imported>(await importBundle(b, await exportBundle(a, b.origin)));
    expect(again).toMatchObject({ new_events: 0, held_events: 2 });
    // Once B says so, A's bundle for B is empty.
    await carry(b, a, { onlyUnacknowledged: true });
    expect(eventsOf(await exportBundle(a, b.origin))).toEqual([]);
  });

  it('exporting for a peer twice before it imports either: the second still starts where the peer said it stood', async () => {
    // Only the peer's own bundle moves its acknowledgement: a lost flash disk never leaves a gap.
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    await withPeopleAndDevice(a);
    await carry(a, b);
    await carry(b, a);
    await a.ok('people.register', { full_name: 'Rehema Mollel' });
    const first = await exportBundle(a, b.origin);
    await a.ok('people.register', { full_name: 'Ally Hassan' });
    const second = await exportBundle(a, b.origin);
    expect(eventsOf(first).map((e) => e.payload.full_name)).toEqual(['Rehema Mollel']);
    expect(eventsOf(second).map((e) => e.payload.full_name)).toEqual(['Rehema Mollel', 'Ally Hassan']);

    // The first is lost; the second alone brings B level, and the late first then adds nothing.
    expect(okValue<Imported>(await importBundle(b, second))).toMatchObject({ new_events: 2, held_events: 0 });
    expect(okValue<Imported>(await importBundle(b, first))).toMatchObject({ new_events: 0, held_events: 1 });
    expect(sharedDigest(b.store)).toEqual(sharedDigest(a.store));
  });

  it('refuses to export for an installation it has never heard of', async () => {
    const a = await replica('A', 1);
    const result = await a.call('sync.export', { peer_id: 'no-such-installation' });
    expect(result.ok ? null : result.error.code).toBe('peer-not-found');
  });

  it('never puts an account event, or any local event, in a bundle', async () => {
    const a = await replica('A', 1);
    const b = await replica('B', 2);
    const t = a.t;
    await addUser(t, a.token, 'juma', ['ict_officer'], 'Juma Ally');
    await a.ok('security.update', { password_max_age_days: 60 });
    await withPeopleAndDevice(a);
    await carry(a, b);
    await carry(b, a);
    await a.ok('users.update', { user_id: (await addUser(t, a.token, 'neema', ['auditor'])).id, display_name: 'Neema K.', roles: ['auditor'] });
    await withPeopleAndDevice(a);

    const local = new Set([a.core.services.identity.local, b.core.services.identity.local]);
    for (const bundle of [await exportBundle(a), await exportBundle(a, b.origin), await exportBundle(b)]) {
      const events = eventsOf(bundle);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.type).not.toMatch(/^(users|security|peers|sync)\./);
        expect(domain.events.get(event.type)?.scope).toBe('shared');
        expect(local.has(event.origin)).toBe(false);
        expect(JSON.stringify(event.payload)).not.toContain('scrypt$');
      }
    }
    // A full bundle is exactly the shared journal: every shared event, nothing else.
    expect(eventsOf(await exportBundle(a)).length).toBe(sharedJournalCount(a.store));
  });
});
