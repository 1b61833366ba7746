import type { z } from 'zod';
import type { DepartmentInput, LocationInput, UpdateDepartmentInput, UpdateLocationInput } from './contract.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { emit } from '../journal/types.ts';
import { first } from '../store/open.ts';
import type { DepartmentRow, LocationRow } from '../store/schema.ts';
import { departmentCreated, departmentUpdated, locationCreated, locationUpdated } from './events.ts';
import { findDepartment, findLocation } from './queries.ts';

function refuseDuplicateName(ctx: CallContext, table: 'departments' | 'locations', name: string, exceptId: string): void {
  const clash = first(
    ctx.store,
    ctx.store.q.selectFrom(table).select('id').where('name', '=', name).where('id', '!=', exceptId),
  );
  if (clash) refuse('name-taken', { name }, { name: 'errors.name-taken' });
}

export function createDepartment(ctx: CallContext, input: z.output<typeof DepartmentInput>): DepartmentRow {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    refuseDuplicateName(ctx, 'departments', input.name, '');
    return { events: [emit(departmentCreated, id, input)], result: null };
  });
  return findDepartment(ctx.store, id) as DepartmentRow;
}

export function updateDepartment(ctx: CallContext, input: z.output<typeof UpdateDepartmentInput>): DepartmentRow {
  const { department_id, ...fields } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!findDepartment(ctx.store, department_id)) refuse('department-not-found');
    refuseDuplicateName(ctx, 'departments', fields.name, department_id);
    return { events: [emit(departmentUpdated, department_id, fields)], result: null };
  });
  return findDepartment(ctx.store, department_id) as DepartmentRow;
}

export function createLocation(ctx: CallContext, input: z.output<typeof LocationInput>): LocationRow {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    refuseDuplicateName(ctx, 'locations', input.name, '');
    return { events: [emit(locationCreated, id, input)], result: null };
  });
  return findLocation(ctx.store, id) as LocationRow;
}

export function updateLocation(ctx: CallContext, input: z.output<typeof UpdateLocationInput>): LocationRow {
  const { location_id, ...fields } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!findLocation(ctx.store, location_id)) refuse('location-not-found');
    refuseDuplicateName(ctx, 'locations', fields.name, location_id);
    return { events: [emit(locationUpdated, location_id, fields)], result: null };
  });
  return findLocation(ctx.store, location_id) as LocationRow;
}
