// The register of people who hold equipment: public servants inside or outside the institution.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';

const Particulars = z.object({
  full_name: z.string(),
  check_number: z.string(),
  title: z.string(),
  department_id: z.string().nullable(),
  institution: z.string(),
  phone: z.string(),
  email: z.string(),
});

export const personRegistered = defineEvent('people.registered', 'shared', Particulars);
export const personUpdated = defineEvent('people.updated', 'shared', Particulars);
export const personDeactivated = defineEvent('people.deactivated', 'shared', z.object({}));
export const personReactivated = defineEvent('people.reactivated', 'shared', z.object({}));
export const peopleEvents = [personRegistered, personUpdated, personDeactivated, personReactivated];
