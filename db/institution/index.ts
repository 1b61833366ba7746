// The institution: the first run and its particulars (name, code, vote, the heads who approve).
import { defineArea } from '../area.ts';
import { institutionEvents } from './events.ts';
import { institutionHistory } from './history.ts';
import { institutionProjection } from './reducer.ts';
import { institutionRoutes } from './routes.ts';

export const institutionArea = defineArea({
  name: 'institution', routes: institutionRoutes, events: institutionEvents, history: institutionHistory,
  projections: [institutionProjection],
  screens: [{ id: 'settings', route: 'institution.update' }],
});
