import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import { entityHistory } from '../../../db/history/queries.ts';
import { addUser, okValue, openTestCore, setUp, type TestCore, type TestUser } from '../../helpers/core.ts';

describe("an entity's history", () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  let officer: TestUser;
  beforeEach(async () => {
    t = await openTestCore();
    admin = await setUp(t);
    officer = await addUser(t, admin.token, 'juma', ['ict_officer'], 'Juma Ally');
  });
  afterEach(() => t.core.close());

  it("shows an account's events, newest first, to an administrator, without the password hash", async () => {
    const history = okValue(await t.call(admin.token, 'history.entity', { entity: officer.id }));
    expect(history.map((e) => e.type)).toEqual(['users.password-changed', 'users.signed-in', 'users.created']);
    expect(history.map((e) => e.actor_name)).toEqual(['Juma Ally', 'Juma Ally', 'Asha Mrisho']);
    for (const entry of history) {
      expect(entry.payload).not.toHaveProperty('password_hash');
      expect(entry.payload).not.toHaveProperty('actor_name');
    }
    expect(history[2]?.payload).toEqual({ username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], must_change_password: true, person_id: null });
  });

  it('hides account events from users who may not see accounts', async () => {
    expect(okValue(await t.call(officer.token, 'history.entity', { entity: admin.id }))).toEqual([]);
  });

  it('includes events that name the entity only by reference', async () => {
    const person = okValue(await t.call(officer.token, 'people.register', { full_name: 'Asha Mrisho' }));
    const department = okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu' }));
    const store = t.core.services.store;
    const { seq } = store.sqlite.prepare('SELECT seq FROM journal WHERE entity = ?').get(department.id) as { seq: number };
    store.sqlite.prepare('INSERT INTO journal_refs (seq, entity) VALUES (?, ?)').run(seq, person.id);
    expect(entityHistory(store, domain, person.id, { includeLocal: false }).map((e) => [e.type, e.entity])).toEqual([
      ['departments.created', department.id],
      ['people.registered', person.id],
    ]);
  });

  it('keeps to the limit asked for, the newest kept', async () => {
    const person = okValue(await t.call(officer.token, 'people.register', { full_name: 'Asha Mrisho' }));
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(1000);
      okValue(await t.call(officer.token, 'people.update', { person_id: person.id, full_name: `Asha ${i}` }));
    }
    const latest = entityHistory(t.core.services.store, domain, person.id, { includeLocal: false, limit: 2 });
    expect(latest.map((e) => e.payload.full_name)).toEqual(['Asha 3', 'Asha 2']);
  });
});
