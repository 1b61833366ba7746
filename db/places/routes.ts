// The routes of departments and locations: everyone signed in reads them, registrars keep them.
import { REGISTRARS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { ListInput } from '../contract/inputs.ts';
import { DepartmentInput, LocationInput, UpdateDepartmentInput, UpdateLocationInput } from './contract.ts';
import { createDepartment, createLocation, updateDepartment, updateLocation } from './commands.ts';
import { listDepartments, listLocations } from './queries.ts';

export const placeRoutes = {
  'departments.list': route({ access: 'signed-in', input: ListInput, handler: (ctx, input) => listDepartments(ctx.store, input) }),
  'departments.create': route({ access: REGISTRARS, input: DepartmentInput, handler: (ctx, input) => createDepartment(ctx, input) }),
  'departments.update': route({ access: REGISTRARS, input: UpdateDepartmentInput, handler: (ctx, input) => updateDepartment(ctx, input) }),
  'locations.list': route({ access: 'signed-in', input: ListInput, handler: (ctx, input) => listLocations(ctx.store, input) }),
  'locations.create': route({ access: REGISTRARS, input: LocationInput, handler: (ctx, input) => createLocation(ctx, input) }),
  'locations.update': route({ access: REGISTRARS, input: UpdateLocationInput, handler: (ctx, input) => updateLocation(ctx, input) }),
};
