// Migration 0190-account-person (STYLE.md: one test per migration): a file written before it gains the
// account's person, filled once where exactly one person of the register has the account's name; each
// link is written to the journal at the next opening, so the file still verifies intact; down takes it away.
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import * as m0190 from '../../../db/users/migration.ts';
import { openTestCore, tempDir, TEMPORARY_PASSWORD } from '../../helpers/core.ts';
import { openOffice } from '../../helpers/office.ts';

const BEFORE = '0180-dashboard';
const columns = (store: Store) => (store.sqlite.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name);
const kysely = (store: Store) => new Kysely<unknown>({ dialect: new SqliteDialect({ database: store.sqlite }) });

/** Takes a file back to just before 0190 (and whatever came after it), as an older version left it. */
async function backToBefore(path: string): Promise<void> {
  const { store } = await openStore(path, { migrations: registry.migrations });
  const later = Object.keys(registry.migrations).filter((name) => name > BEFORE).sort().reverse();
  for (const name of later) {
    await registry.migrations[name]?.down?.(kysely(store));
    store.sqlite.prepare('DELETE FROM kysely_migration WHERE name = ?').run(name);
  }
  closeStore(store);
}

describe('migration 0190-account-person', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('links each account to the one person of the register with its name, in the journal, and the file still verifies', async () => {
    const o = await openOffice({ path });
    const open = (username: string, display_name: string) =>
      o.ok(o.admin, 'users.create', { username, display_name, roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD });
    // Zuhura's account spelled in capitals: the old rule ignored case.
    await open('zsaid', 'ZUHURA SAID');
    // Baraka has left the service: the link is made all the same, so 3.1.2 still sees his account.
    const baraka = (await o.ok(o.officer.token, 'people.register', { full_name: 'Baraka Mushi', check_number: '100240' })).id;
    await o.ok(o.officer.token, 'people.deactivate', { person_id: baraka });
    await open('bmushi', 'Baraka Mushi');
    // Two people named Rehema Mollel: which one holds the account is for the administrator to say.
    await o.ok(o.officer.token, 'people.register', { full_name: 'Rehema Mollel', check_number: '100299' });
    await open('rmollel', 'Rehema Mollel');
    // Two accounts named Hamisi Juma for one person: neither is linked.
    await open('hjuma', 'Hamisi Juma');
    await open('hamisi.j', 'hamisi juma');
    // No person of that name.
    await open('jmwita', 'Joseph Mwita');
    o.core.close();
    await backToBefore(path);

    const before = await openStore(path, { migrations: registry.migrations, migrateTo: BEFORE });
    expect(columns(before.store)).not.toContain('person_id');
    const events = before.store.sqlite.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrations: registry.migrations, migrateTo: '0190-account-person' });
    expect(applied).toEqual(['0190-account-person']);
    const usernames = (ids: string) =>
      store.sqlite.prepare(`SELECT u.username, p.full_name, p.active FROM ${ids} ORDER BY u.username`).all() as { username: string; full_name: string; active: number }[];
    const found = [
      { username: 'bmushi', full_name: 'Baraka Mushi', active: 0 },
      { username: 'zsaid', full_name: 'Zuhura Said', active: 1 },
    ];
    // Found by the migration, and waiting: a migration writes no event.
    expect(usernames('users_person_links l JOIN users u ON u.id = l.user_id JOIN people p ON p.id = l.person_id')).toEqual(found);
    expect(store.sqlite.prepare('SELECT count(*) FROM users WHERE person_id IS NOT NULL').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(events);
    closeStore(store);

    // The next opening records each link as a change of the account by Daftari itself, once.
    for (let opening = 0; opening < 2; opening += 1) {
      const t = await openTestCore({ path });
      t.core.close();
    }
    const { store: after } = await openStore(path, { migrations: registry.migrations });
    const linked = after.sqlite.prepare('SELECT u.username, p.full_name, p.active FROM users u JOIN people p ON p.id = u.person_id ORDER BY u.username').all();
    expect(linked).toEqual(found);
    const written = after.sqlite.prepare('SELECT actor, type, payload FROM journal ORDER BY seq').all().slice(events) as { actor: string; type: string; payload: string }[];
    expect(written.map((e) => [e.actor, e.type, (JSON.parse(e.payload) as { actor_name: string }).actor_name])).toEqual([
      ['system', 'users.updated', 'Daftari'],
      ['system', 'users.updated', 'Daftari'],
    ]);
    expect(after.sqlite.prepare('SELECT count(*) FROM users_person_links').pluck().get()).toBe(0);
    expect(await verifyStore(after, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(after);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrations: registry.migrations, migrateTo: '0190-account-person' });
    expect(columns(store)).toContain('person_id');
    await m0190.down(kysely(store));
    expect(columns(store)).not.toContain('person_id');
    closeStore(store);
  });
});
