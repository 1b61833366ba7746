// Importing a register kept in Excel or CSV: preview, mapping, matching and the remembered mappings.
import { defineArea } from '../area.ts';
import { importEvents } from './events.ts';
import { importHistory } from './history.ts';
import { importMappingsProjection } from './reducer.ts';
import { importRoutes } from './routes.ts';

export const importArea = defineArea({
  name: 'import', routes: importRoutes, events: importEvents, history: importHistory,
  projections: [importMappingsProjection],
  screens: [{ id: 'import', route: 'import.preview' }],
});
