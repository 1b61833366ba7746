// Long jobs (imports, exports): how far they are, and stopping one.
import { defineArea } from '../area.ts';
import { jobRoutes } from './routes.ts';

export const jobsArea = defineArea({ name: 'jobs', routes: jobRoutes });
