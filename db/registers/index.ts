// The spreadsheet export of the areas' registers (the engine; each register's columns are its area's).
import { defineArea } from '../area.ts';
import { registerRoutes } from './routes.ts';

export const registersArea = defineArea({ name: 'registers', routes: registerRoutes });
