// The one list of areas. Everything that lists every area is derived from it (db/area.ts): the route
// table, the domain of events and projections, the history sentences, the conflict detector,
// `routes --json` and the window's navigation, whose order is this list's order. A new area is a folder
// `db/<area>/` with an index.ts, and one line here (docs/architecture.md, "Adding an area").
import { createRegistry } from './area.ts';
import { assetsArea } from './assets/index.ts';
import { backupsArea } from './backups/index.ts';
import { dashboardArea } from './dashboard/index.ts';
import { handoversArea } from './handovers/index.ts';
import { disposalArea } from './disposal/index.ts';
import { historyArea } from './history/index.ts';
import { importArea } from './import/index.ts';
import { inboxArea } from './inbox/index.ts';
import { institutionArea } from './institution/index.ts';
import { jobsArea } from './jobs/index.ts';
import { maintenanceArea } from './maintenance/index.ts';
import { mediaArea } from './media/index.ts';
import { movementsArea } from './movements/index.ts';
import { peopleArea } from './people/index.ts';
import { personalDevicesArea } from './personal-devices/index.ts';
import { placesArea } from './places/index.ts';
import { registersArea } from './registers/index.ts';
import { stocktakeArea } from './stocktake/index.ts';
import { syncArea } from './sync/index.ts';
import { usersArea } from './users/index.ts';

export const AREAS = [
  dashboardArea,
  assetsArea,
  inboxArea,
  maintenanceArea,
  movementsArea,
  handoversArea,
  personalDevicesArea,
  mediaArea,
  disposalArea,
  stocktakeArea,
  importArea,
  peopleArea,
  placesArea,
  syncArea,
  backupsArea,
  usersArea,
  institutionArea,
  historyArea,
  registersArea,
  jobsArea,
] as const;

export const registry = createRegistry(AREAS);
