// Departments and locations: where equipment and people are.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';

export const departmentCreated = defineEvent('departments.created', 'shared', z.object({ name: z.string(), code: z.string() }));
export const departmentUpdated = defineEvent(
  'departments.updated',
  'shared',
  z.object({ name: z.string(), code: z.string(), active: z.boolean() }),
);
export const locationCreated = defineEvent(
  'locations.created',
  'shared',
  z.object({ name: z.string(), building: z.string(), region: z.string() }),
);
export const locationUpdated = defineEvent(
  'locations.updated',
  'shared',
  z.object({ name: z.string(), building: z.string(), region: z.string(), active: z.boolean() }),
);
export const placeEvents = [departmentCreated, departmentUpdated, locationCreated, locationUpdated];
