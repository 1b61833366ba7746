// How departments and locations read in a history.
import { sentence } from '../area.ts';
import { departmentCreated, departmentUpdated, locationCreated, locationUpdated } from './events.ts';

export const placeHistory = [
  sentence(departmentCreated, (p, { actor, t }) => t('history.departments.created', { actor, name: p.name })),
  sentence(departmentUpdated, (p, { actor, t }) => t('history.departments.updated', { actor, name: p.name })),
  sentence(locationCreated, (p, { actor, t }) => t('history.locations.created', { actor, name: p.name })),
  sentence(locationUpdated, (p, { actor, t }) => t('history.locations.updated', { actor, name: p.name })),
];
