// Every event type and projection the product knows. A new area adds its lists here.
import { assetEvents } from './assets/events.ts';
import { assetSettingsProjection, assetsProjection, categoriesProjection, storageMediaProjection } from './assets/reducer.ts';
import { importEvents } from './import/events.ts';
import { importMappingsProjection } from './import/reducer.ts';
import { institutionEvents } from './institution/events.ts';
import { institutionProjection } from './institution/reducer.ts';
import { createDomain } from './journal/domain.ts';
import { maintenanceEvents } from './maintenance/events.ts';
import { entriesProjection, plansProjection, proceduresProjection, providersProjection } from './maintenance/reducer.ts';
import { peopleEvents } from './people/events.ts';
import { peopleProjection } from './people/reducer.ts';
import { placeEvents } from './places/events.ts';
import { departmentsProjection, locationsProjection } from './places/reducer.ts';
import { syncEvents } from './sync/events.ts';
import { peersProjection, resolutionsProjection, transfersProjection } from './sync/reducer.ts';
import { userEvents } from './users/events.ts';
import { securitySettingsProjection, usersProjection } from './users/reducer.ts';

export const domain = createDomain(
  [...institutionEvents, ...userEvents, ...peopleEvents, ...placeEvents, ...assetEvents, ...maintenanceEvents, ...importEvents, ...syncEvents],
  [
    institutionProjection,
    securitySettingsProjection,
    usersProjection,
    peopleProjection,
    departmentsProjection,
    locationsProjection,
    categoriesProjection,
    assetSettingsProjection,
    assetsProjection,
    storageMediaProjection,
    proceduresProjection,
    plansProjection,
    providersProjection,
    entriesProjection,
    importMappingsProjection,
    peersProjection,
    transfersProjection,
    resolutionsProjection,
  ],
);
