// Departments and locations: where devices and people are.
import { defineArea } from '../area.ts';
import { placeEvents } from './events.ts';
import { placeHistory } from './history.ts';
import { departmentsProjection, locationsProjection } from './reducer.ts';
import { placeRoutes } from './routes.ts';

export const placesArea = defineArea({
  name: 'places', routes: placeRoutes, events: placeEvents, history: placeHistory,
  projections: [departmentsProjection, locationsProjection],
  screens: [{ id: 'places', route: 'departments.list' }],
});
