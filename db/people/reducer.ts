import { onExisting, pick, standing } from '../journal/fold.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { PersonRow } from '../store/schema.ts';
import { personDeactivated, personReactivated, personRegistered, personUpdated } from './events.ts';

export const peopleProjection = defineProjection<PersonRow>({
  table: 'people',
  columns: ['id', 'full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email', 'active', 'created_at', 'updated_at'],
  on: [
    // After a merge an update may be folded where no registration was seen yet: it still makes a row.
    on([personRegistered, personUpdated], (row, p, event) => ({
      ...standing(row, event),
      ...pick(p, ['full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email']),
    })),
    onExisting(personDeactivated, (row: PersonRow, _p, at) => ({ ...row, active: 0, updated_at: at })),
    onExisting(personReactivated, (row: PersonRow, _p, at) => ({ ...row, active: 1, updated_at: at })),
  ],
});

export const reducePerson = peopleProjection.reduce;
