// The register of people: a person's particulars and the register's filters. Pure zod, shared with the
// window's forms and export dialog; messages are catalogue keys.
import { z } from 'zod';
import { CONTROL_CHARACTERS_KEY, hasControlCharacters, Id, NullableId, optionalText, SearchText, text } from '../contract/inputs.ts';

const Email = z
  .string()
  .trim()
  .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY)
  .max(200, 'validation.too-long')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'validation.email')
  .default('');
const Phone = z
  .string()
  .trim()
  .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY)
  .max(40, 'validation.too-long')
  .refine((v) => v === '' || /^\+?[\d\s-]{9,20}$/.test(v), 'validation.phone')
  .default('');

export const PersonInput = z.strictObject({
  full_name: text(160),
  check_number: z
    .string()
    .trim()
    .max(20, 'validation.too-long')
    .refine((v) => v === '' || /^[A-Za-z0-9/-]+$/.test(v), 'validation.check-number')
    .default(''),
  title: optionalText(160),
  department_id: NullableId,
  institution: optionalText(200),
  phone: Phone,
  email: Email,
});
export type PersonInput = z.input<typeof PersonInput>;
export const UpdatePersonInput = PersonInput.extend({ person_id: Id });
export const PersonIdInput = z.strictObject({ person_id: Id });

/** The whole register of people unless told otherwise: those who left still answer for what they held. */
export const PeopleFilters = z.strictObject({
  search: SearchText,
  status: z.enum(['active', 'inactive', 'all']).default('all'),
});
