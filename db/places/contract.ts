// Departments and locations: where devices stand and whom they serve. Pure zod, shared with the
// window's forms; messages are catalogue keys.
import { z } from 'zod';
import { Id, optionalText, text } from '../contract/inputs.ts';

export const DepartmentInput = z.strictObject({ name: text(160), code: optionalText(20) });
export const UpdateDepartmentInput = DepartmentInput.extend({ department_id: Id, active: z.boolean() });
export const LocationInput = z.strictObject({ name: text(160), building: optionalText(160), region: optionalText(80) });
export const UpdateLocationInput = LocationInput.extend({ location_id: Id, active: z.boolean() });
