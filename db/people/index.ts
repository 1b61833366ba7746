// The register of people: custodians, reporters, officers who answer for equipment.
import { defineArea } from '../area.ts';
import { peopleRegister } from './register-sheet.ts';
import { peopleEvents } from './events.ts';
import { peopleHistory } from './history.ts';
import { peopleProjection } from './reducer.ts';
import { peopleRoutes } from './routes.ts';

export const peopleArea = defineArea({
  name: 'people', routes: peopleRoutes, events: peopleEvents, history: peopleHistory,
  registers: [peopleRegister],
  projections: [peopleProjection],
  screens: [{ id: 'people', route: 'people.list' }],
});
