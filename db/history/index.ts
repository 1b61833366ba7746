// Reading the journal (the log book itself): an entity's history, the whole-file check, and the check of
// a printed page against the records.
import { defineArea } from '../area.ts';
import { historyRoutes } from './routes.ts';

export const historyArea = defineArea({
  name: 'history',
  routes: historyRoutes,
  // Checking a printed page against the records: open to everyone signed in, as paper is.
  screens: [{ id: 'check-page', route: 'documents.check' }],
});
