import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { DepartmentRow, LocationRow } from '../store/schema.ts';
import type { departmentUpdated, locationUpdated } from './events.ts';

export function reduceDepartment(row: DepartmentRow | undefined, event: FoldEvent): DepartmentRow {
  const p = event.payload as PayloadOf<typeof departmentUpdated>;
  const at = hlcInstant(event.hlc);
  const active = event.type === 'departments.updated' ? (p.active ? 1 : 0) : (row?.active ?? 1);
  return { id: event.entity, name: p.name, code: p.code, active, created_at: row?.created_at ?? at, updated_at: at };
}

export function reduceLocation(row: LocationRow | undefined, event: FoldEvent): LocationRow {
  const p = event.payload as PayloadOf<typeof locationUpdated>;
  const at = hlcInstant(event.hlc);
  const active = event.type === 'locations.updated' ? (p.active ? 1 : 0) : (row?.active ?? 1);
  return { id: event.entity, name: p.name, building: p.building, region: p.region, active, created_at: row?.created_at ?? at, updated_at: at };
}

export const departmentsProjection = defineProjection<DepartmentRow>({
  table: 'departments',
  columns: ['id', 'name', 'code', 'active', 'created_at', 'updated_at'],
  types: ['departments.created', 'departments.updated'],
  reduce: (row, event) => reduceDepartment(row, event),
});

export const locationsProjection = defineProjection<LocationRow>({
  table: 'locations',
  columns: ['id', 'name', 'building', 'region', 'active', 'created_at', 'updated_at'],
  types: ['locations.created', 'locations.updated'],
  reduce: (row, event) => reduceLocation(row, event),
});
