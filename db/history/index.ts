// Reading the journal (the log book itself): an entity's history and the whole-file check.
import { defineArea } from '../area.ts';
import { historyRoutes } from './routes.ts';

export const historyArea = defineArea({ name: 'history', routes: historyRoutes });
