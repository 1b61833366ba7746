import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, on, type FoldEvent } from '../journal/types.ts';
import type { DepartmentRow, LocationRow } from '../store/schema.ts';
import { departmentCreated, departmentUpdated, locationCreated, locationUpdated } from './events.ts';

function department(row: DepartmentRow | undefined, p: { name: string; code: string }, event: FoldEvent, active: number): DepartmentRow {
  const at = hlcInstant(event.hlc);
  return { id: event.entity, name: p.name, code: p.code, active, created_at: row?.created_at ?? at, updated_at: at };
}

function location(row: LocationRow | undefined, p: { name: string; building: string; region: string }, event: FoldEvent, active: number): LocationRow {
  const at = hlcInstant(event.hlc);
  return { id: event.entity, name: p.name, building: p.building, region: p.region, active, created_at: row?.created_at ?? at, updated_at: at };
}

export const departmentsProjection = defineProjection<DepartmentRow>({
  table: 'departments',
  columns: ['id', 'name', 'code', 'active', 'created_at', 'updated_at'],
  on: [
    on(departmentCreated, (row, p, event) => department(row, p, event, row?.active ?? 1)),
    on(departmentUpdated, (row, p, event) => department(row, p, event, p.active ? 1 : 0)),
  ],
});

export const locationsProjection = defineProjection<LocationRow>({
  table: 'locations',
  columns: ['id', 'name', 'building', 'region', 'active', 'created_at', 'updated_at'],
  on: [
    on(locationCreated, (row, p, event) => location(row, p, event, row?.active ?? 1)),
    on(locationUpdated, (row, p, event) => location(row, p, event, p.active ? 1 : 0)),
  ],
});

export const reduceDepartment = departmentsProjection.reduce;
export const reduceLocation = locationsProjection.reduce;
