import { pick, standing } from '../journal/fold.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { DepartmentRow, LocationRow } from '../store/schema.ts';
import { departmentCreated, departmentUpdated, locationCreated, locationUpdated } from './events.ts';

const DEPARTMENT_FIELDS = ['name', 'code'] as const;
const LOCATION_FIELDS = ['name', 'building', 'region'] as const;

export const departmentsProjection = defineProjection<DepartmentRow>({
  table: 'departments',
  columns: ['id', 'name', 'code', 'active', 'created_at', 'updated_at'],
  on: [
    on(departmentCreated, (row, p, event) => ({ ...standing(row, event), ...pick(p, DEPARTMENT_FIELDS) })),
    on(departmentUpdated, (row, p, event) => ({ ...standing(row, event, p.active), ...pick(p, DEPARTMENT_FIELDS) })),
  ],
});

export const locationsProjection = defineProjection<LocationRow>({
  table: 'locations',
  columns: ['id', 'name', 'building', 'region', 'active', 'created_at', 'updated_at'],
  on: [
    on(locationCreated, (row, p, event) => ({ ...standing(row, event), ...pick(p, LOCATION_FIELDS) })),
    on(locationUpdated, (row, p, event) => ({ ...standing(row, event, p.active), ...pick(p, LOCATION_FIELDS) })),
  ],
});

export const reduceDepartment = departmentsProjection.reduce;
export const reduceLocation = locationsProjection.reduce;
