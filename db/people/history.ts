// How the register of people reads in a history.
import { sentence } from '../area.ts';
import { personDeactivated, personReactivated, personRegistered, personUpdated } from './events.ts';

export const peopleHistory = [
  sentence(personRegistered, (p, { actor, t }) => t('history.people.registered', { actor, name: p.full_name })),
  sentence(personUpdated, (p, { actor, t }) => t('history.people.updated', { actor, name: p.full_name })),
  sentence(personDeactivated, (_p, { actor, t }) => t('history.people.deactivated', { actor })),
  sentence(personReactivated, (_p, { actor, t }) => t('history.people.reactivated', { actor })),
];
