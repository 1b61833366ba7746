// The links of accounts to people that migration 0190 found by name (db/users/migration.ts), recorded in
// the journal at the first opening after it, as any change of an account is: so the rows rebuild from
// the journal alone and `verify` finds the file intact. Every later opening finds nothing waiting.
import { command, type Services } from '../core/context.ts';
import { SYSTEM_ACTOR } from '../journal/append.ts';
import { emit, type NewEvent } from '../journal/types.ts';
import { statement } from '../store/open.ts';
import { userUpdated } from './events.ts';

interface Waiting {
  user_id: string;
  person_id: string;
  person_name: string;
  display_name: string;
  roles: string;
  linked: string | null;
}

export function recordLinksByName(services: Services): void {
  const { store } = services;
  const waiting = statement(
    store,
    `SELECT l.user_id, l.person_id, p.full_name AS person_name, u.display_name, u.roles, u.person_id AS linked
       FROM users_person_links l JOIN users u ON u.id = l.user_id JOIN people p ON p.id = l.person_id ORDER BY l.user_id`,
  ).all() as Waiting[];
  if (waiting.length === 0) return;
  command(services, SYSTEM_ACTOR, () => {
    const events: NewEvent[] = [];
    for (const row of waiting) {
      const payload = { display_name: row.display_name, roles: JSON.parse(row.roles) as unknown, person_id: row.person_id, person_name: row.person_name };
      // An account linked since (by an administrator) keeps that link; a row this build cannot write is left unlinked.
      if (row.linked !== null || !userUpdated.payload.safeParse(payload).success) continue;
      events.push(emit(userUpdated, row.user_id, userUpdated.payload.parse(payload)));
    }
    statement(store, 'DELETE FROM users_person_links').run();
    return { events, result: null };
  });
}
