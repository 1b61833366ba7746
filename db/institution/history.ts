// How the institution's events read in a history.
import { sentence } from '../area.ts';
import { institutionConfigured, institutionUpdated } from './events.ts';

export const institutionHistory = [
  sentence(institutionConfigured, (p, { actor, t }) => t('history.institution.configured', { actor, name: p.name, code: p.code })),
  sentence(institutionUpdated, (p, { actor, t }) => t('history.institution.updated', { actor, name: p.name, code: p.code })),
];
