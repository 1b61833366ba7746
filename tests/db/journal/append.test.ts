import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../../db/core/context.ts';
import { manualClock } from '../../../db/core/clock.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { domain } from '../../../db/domain.ts';
import { append, ensureIdentity, readIdentity, SYSTEM_ACTOR, type Identity } from '../../../db/journal/append.ts';
import { GENESIS_HASH } from '../../../db/journal/hash.ts';
import { defineEvent, emit, type NewEvent } from '../../../db/journal/types.ts';
import { z } from 'zod';
import { closeStore, openStore, transaction, type Store } from '../../../db/store/open.ts';
import {
  addUser,
  jcs,
  okValue,
  openTestCore,
  refusal,
  setUp,
  snapshotRows,
  START,
  tempDir,
  type TestCore,
} from '../../helpers/core.ts';

/** An event named by its stored type, as the tests below write the journal's own words. */
function newEvent(type: string, entity: string, payload: Record<string, unknown>): NewEvent {
  const event = domain.events.get(type);
  if (!event) throw new Error(`unknown type ${type}`);
  return { event, entity, payload };
}

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

function journal(store: Store): Row[] {
  return store.sqlite.prepare('SELECT * FROM journal ORDER BY seq').all() as Row[];
}

const IDENTITY: Identity = { shared: 'aaaaaaaa-0000-4000-a000-000000000001', local: 'bbbbbbbb-0000-4000-a000-000000000002' };

describe('appending to the journal', () => {
  let store: Store;
  beforeEach(async () => {
    ({ store } = await openStore(':memory:'));
  });
  afterEach(() => closeStore(store));

  function appendOne(type: string, entity: string, payload: Record<string, unknown>, at = START) {
    const clock = manualClock(at);
    return transaction(store, () => append({ store, domain, clock, identity: IDENTITY, actor: { id: 'u-1', name: 'Asha Mrisho' } }, [newEvent(type, entity, payload)]))[0];
  }

  const department = { name: 'Uhasibu', code: 'UH' };

  it('links the first event of an origin to 64 zeros and each next one to its predecessor', () => {
    const first = appendOne('departments.created', 'd-1', department);
    const second = appendOne('departments.updated', 'd-1', { ...department, active: true });
    const third = appendOne('locations.created', 'l-1', { name: 'Ghorofa 2', building: 'Treasury Square', region: 'Dodoma' });
    expect(first?.prev_hash).toBe(GENESIS_HASH);
    expect(second?.prev_hash).toBe(first?.hash);
    expect(third?.prev_hash).toBe(second?.hash);
    expect(journal(store).map((r) => r.prev_hash)).toEqual([GENESIS_HASH, first?.hash, second?.hash]);
  });

  it('numbers events 1, 2, 3 within each origin', () => {
    appendOne('departments.created', 'd-1', department);
    appendOne('security.settings-changed', 'security', { password_max_age_days: 60 });
    appendOne('departments.created', 'd-2', { name: 'Utawala', code: 'UT' });
    appendOne('security.settings-changed', 'security', { password_max_age_days: 90 });
    appendOne('departments.created', 'd-3', { name: 'TEHAMA', code: 'IT' });
    const rows = journal(store);
    expect(rows.filter((r) => r.origin === IDENTITY.shared).map((r) => r.origin_seq)).toEqual([1, 2, 3]);
    expect(rows.filter((r) => r.origin === IDENTITY.local).map((r) => r.origin_seq)).toEqual([1, 2]);
  });

  it('stores the hash of the canonical JSON of the event, recomputed here independently', () => {
    appendOne('departments.created', 'd-1', department);
    appendOne('departments.updated', 'd-1', { ...department, active: false });
    for (const row of journal(store)) {
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
      expect(row.hash).toBe(createHash('sha256').update(body, 'utf8').digest('hex'));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("stores the payload as canonical JSON carrying the actor's display name", () => {
    appendOne('locations.created', 'l-1', { region: 'Dodoma', name: 'Ghorofa 2', building: 'Treasury Square' });
    const [row] = journal(store);
    expect(row?.payload).toBe('{"actor_name":"Asha Mrisho","building":"Treasury Square","name":"Ghorofa 2","region":"Dodoma"}');
    expect(row?.payload).toBe(jcs(JSON.parse(row?.payload ?? 'null')));
    expect(row?.actor).toBe('u-1');
  });

  it('drops payload keys the event type does not define before hashing', () => {
    appendOne('departments.created', 'd-1', { ...department, smuggled: 'x' });
    expect(JSON.parse(journal(store)[0]?.payload ?? '{}')).toEqual({ ...department, actor_name: 'Asha Mrisho' });
  });

  it('folds the event into its projection row in the same step', () => {
    appendOne('departments.created', 'd-1', department);
    expect(store.sqlite.prepare('SELECT * FROM departments').all()).toEqual([
      { id: 'd-1', name: 'Uhasibu', code: 'UH', active: 1, created_at: '2025-03-03T08:00:00.000Z', updated_at: '2025-03-03T08:00:00.000Z' },
    ]);
  });

  it('refuses a payload its event type does not accept, and writes nothing', () => {
    expect(() => appendOne('departments.created', 'd-1', { name: 42 })).toThrow(Refusal);
    expect(journal(store)).toEqual([]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM departments').get()).toEqual({ n: 0 });
  });

  it('refuses an event type nobody defined', () => {
    const exploded = defineEvent('departments.exploded', 'shared', z.object({}));
    const ctx = { store, domain, clock: manualClock(START), identity: IDENTITY, actor: SYSTEM_ACTOR };
    expect(() => transaction(store, () => append(ctx, [emit(exploded, 'd-1', {})]))).toThrow(/not in the domain/);
    expect(journal(store)).toEqual([]);
  });

  it('never lets a journal row be updated or deleted', () => {
    appendOne('departments.created', 'd-1', department);
    expect(() => store.sqlite.prepare("UPDATE journal SET payload = '{}' WHERE seq = 1").run()).toThrow(/never updated/);
    expect(() => store.sqlite.prepare('UPDATE journal SET hash = prev_hash').run()).toThrow(/never updated/);
    expect(() => store.sqlite.prepare('DELETE FROM journal').run()).toThrow(/never deleted/);
    expect(journal(store)).toHaveLength(1);
  });

  it('undoes every event of a command when a later one is refused', () => {
    const ctx = { store, domain, clock: manualClock(START), identity: IDENTITY };
    const before = snapshotRows(store);
    expect(() =>
      command(ctx as never, SYSTEM_ACTOR, () => ({
        events: [
          newEvent('departments.created', 'd-1', department),
          newEvent('locations.created', 'l-1', { name: 'Ghorofa 2' }),
        ],
        result: null,
      })),
    ).toThrow(Refusal);
    expect(snapshotRows(store)).toEqual(before);
  });
});

describe("the installation's identity", () => {
  it('has one shared and one local origin, fixed at first run and kept when the file is opened again', async () => {
    const { dir, remove } = tempDir();
    try {
      const path = `${dir}/daftari.db`;
      const first = await openStore(path);
      const identity = ensureIdentity(first.store, (() => {
        let n = 0;
        return () => `origin-${(n += 1)}`;
      })());
      expect(identity).toEqual({ shared: 'origin-1', local: 'origin-2' });
      closeStore(first.store);
      const again = await openStore(path);
      expect(readIdentity(again.store)).toEqual(identity);
      expect(ensureIdentity(again.store, () => 'never-used')).toEqual(identity);
      expect(again.store.sqlite.prepare('SELECT origin, scope, is_self FROM origins ORDER BY origin').all()).toEqual([
        { origin: 'origin-1', scope: 'shared', is_self: 1 },
        { origin: 'origin-2', scope: 'local', is_self: 1 },
      ]);
      closeStore(again.store);
    } finally {
      remove();
    }
  });
});

describe('the journal of a working installation', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(() => t.core.close());

  async function workday(): Promise<void> {
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    okValue(await t.call(admin.token, 'security.update', { password_max_age_days: 60 }));
    const department = okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    okValue(await t.call(officer.token, 'people.register', { full_name: 'Zuhura Said', department_id: department.id }));
    okValue(await t.call(officer.token, 'locations.create', { name: 'Ghorofa 2' }));
  }

  it('keeps account events on the local origin and everything else on the shared one, as two chains', async () => {
    await workday();
    const { identity, store } = t.core.services;
    expect(identity.shared).not.toBe(identity.local);
    const rows = journal(store);
    for (const row of rows) {
      const local = row.type.startsWith('users.') || row.type.startsWith('security.');
      expect([row.type, row.origin]).toEqual([row.type, local ? identity.local : identity.shared]);
    }
    for (const origin of [identity.shared, identity.local]) {
      const chain = rows.filter((r) => r.origin === origin);
      expect(chain.length).toBeGreaterThan(2);
      expect(chain.map((r) => r.origin_seq)).toEqual(chain.map((_, i) => i + 1));
      chain.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]?.hash));
    }
  });

  it('records who acted by id, and their display name inside the payload', async () => {
    await workday();
    const rows = journal(t.core.services.store);
    const registered = rows.find((r) => r.type === 'people.registered');
    const juma = t.core.services.store.sqlite.prepare("SELECT id FROM users WHERE username = 'juma'").get() as { id: string };
    expect(registered?.actor).toBe(juma.id);
    expect(JSON.parse(registered?.payload ?? '{}')).toMatchObject({ actor_name: 'User juma', full_name: 'Zuhura Said' });
    for (const row of rows) {
      expect(row.payload).toBe(jcs(JSON.parse(row.payload)));
      expect(typeof (JSON.parse(row.payload) as Record<string, unknown>).actor_name).toBe('string');
    }
  });

  it('writes nothing at all when a command refuses', async () => {
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    okValue(await t.call(admin.token, 'people.register', { full_name: 'Zuhura Said', check_number: '100234' }));
    const before = snapshotRows(t.core.services.store);
    const attempts: [string | null, string, unknown][] = [
      [admin.token, 'users.deactivate', { user_id: admin.id, reason: 'transfer' }],
      [admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha', roles: ['ict_officer'] }],
      [admin.token, 'users.create', { username: 'juma', display_name: 'Juma 2', roles: ['auditor'], temporary_password: 'Muda-Wa-Kwanza7' }],
      [officer.token, 'people.register', { full_name: 'Another', check_number: '100234' }],
      [officer.token, 'people.register', { full_name: 'Another', department_id: 'no-such-department' }],
      [officer.token, 'departments.update', { department_id: 'nope', name: 'X', active: true }],
      [officer.token, 'users.create', { username: 'neema', display_name: 'Neema', roles: ['auditor'], temporary_password: 'Muda-Wa-Kwanza7' }],
      [null, 'setup.initialize', { institution: { name: 'X', code: 'XX', postal_address: 'x', accounting_officer_title: 'x', head_title: 'x' }, admin: { username: 'eve', display_name: 'Eve', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' } }],
    ];
    for (const [token, route, input] of attempts) {
      refusal(await t.callRaw(token, route, input));
      expect(snapshotRows(t.core.services.store)).toEqual(before);
    }
  });
});
