import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { PersonRow } from '../store/schema.ts';
import { personDeactivated, personReactivated, personRegistered, personUpdated } from './events.ts';

export const peopleProjection = defineProjection<PersonRow>({
  table: 'people',
  columns: ['id', 'full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email', 'active', 'created_at', 'updated_at'],
  on: [
    // After a merge an update may be folded where no registration was seen yet: it still makes a row.
    on([personRegistered, personUpdated], (row, p, event) => {
      const at = hlcInstant(event.hlc);
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
    }),
    on(personDeactivated, (row, _p, event) => (row ? { ...row, active: 0, updated_at: hlcInstant(event.hlc) } : undefined)),
    on(personReactivated, (row, _p, event) => (row ? { ...row, active: 1, updated_at: hlcInstant(event.hlc) } : undefined)),
  ],
});

export const reducePerson = peopleProjection.reduce;
