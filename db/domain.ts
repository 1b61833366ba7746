// Every event type and projection the product knows, derived from the one list of areas (db/areas.ts).
import { registry } from './areas.ts';

export const domain = registry.domain;
