// The institution's particulars and the first run's setup. Pure zod, shared with the setup wizard and
// the settings screen; messages are catalogue keys.
import { z } from 'zod';
import { multilineText, text } from '../contract/inputs.ts';
import { NewAccount } from '../users/contract.ts';

export const InstitutionInput = z.strictObject({
  name: text(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/, 'validation.institution-code'),
  postal_address: multilineText(300),
  accounting_officer_title: text(120),
  head_title: text(120),
});
export type InstitutionInput = z.infer<typeof InstitutionInput>;

export const SetupInput = z.strictObject({ institution: InstitutionInput, admin: NewAccount });
export type SetupInput = z.input<typeof SetupInput>;
