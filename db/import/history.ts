// How the import's remembered mappings read in a history.
import { sentence } from '../area.ts';
import { mappingRemembered } from './events.ts';

export const importHistory = [
  sentence(mappingRemembered, (p, { actor, t }) => t('import.history.mapping-remembered', { actor, headers: p.headers.join(', ') })),
];
