import { assertNever } from '../core/assert.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { PersonRow } from '../store/schema.ts';
import type { personRegistered } from './events.ts';

type PersonEventType = 'people.registered' | 'people.updated' | 'people.deactivated' | 'people.reactivated';
export const PERSON_EVENT_TYPES: readonly PersonEventType[] = ['people.registered', 'people.updated', 'people.deactivated', 'people.reactivated'];

export function reducePerson(row: PersonRow | undefined, event: FoldEvent): PersonRow | undefined {
  const at = hlcInstant(event.hlc);
  const type = event.type as PersonEventType;
  switch (type) {
    case 'people.registered':
    case 'people.updated': {
      // After a merge an update may be folded where no registration was seen yet: it still makes a row.
      const p = event.payload as PayloadOf<typeof personRegistered>;
      // Columns named one by one: a payload never chooses the row's id or adds columns of its own.
      return {
        id: event.entity,
        full_name: p.full_name,
        check_number: p.check_number,
        title: p.title,
        department_id: p.department_id,
        institution: p.institution,
        phone: p.phone,
        email: p.email,
        active: row?.active ?? 1,
        created_at: row?.created_at ?? at,
        updated_at: at,
      };
    }
    case 'people.deactivated':
      return row ? { ...row, active: 0, updated_at: at } : undefined;
    case 'people.reactivated':
      return row ? { ...row, active: 1, updated_at: at } : undefined;
    default:
      return assertNever(type, 'person event');
  }
}

export const peopleProjection = defineProjection<PersonRow>({
  table: 'people',
  columns: ['id', 'full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email', 'active', 'created_at', 'updated_at'],
  types: PERSON_EVENT_TYPES,
  reduce: (row, event) => reducePerson(row, event),
});
