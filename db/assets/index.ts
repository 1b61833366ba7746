// The register of devices (3.6.12's inventory): devices, categories, the tag format and the drives
// inside each device (3.6.3), with their labels and the spreadsheet register.
import { defineArea } from '../area.ts';
import { devicesRegister } from './register-sheet.ts';
import { assetConflicts } from './conflicts.ts';
import { assetEvents } from './events.ts';
import { assetHistory } from './history.ts';
import { assetSettingsProjection, assetsProjection, categoriesProjection, storageMediaProjection } from './reducer.ts';
import { assetRoutes } from './routes.ts';

export const assetsArea = defineArea({
  name: 'assets', routes: assetRoutes, events: assetEvents, history: assetHistory, conflicts: assetConflicts,
  registers: [devicesRegister],
  projections: [categoriesProjection, assetSettingsProjection, assetsProjection, storageMediaProjection],
  screens: [{ id: 'assets', route: 'assets.list' }],
});
