// The institution's particulars, shared by every installation of one institution.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';

const Particulars = z.object({
  name: z.string(),
  code: z.string(),
  postal_address: z.string(),
  accounting_officer_title: z.string(),
  head_title: z.string(),
});

export const institutionConfigured = defineEvent('institution.configured', 'shared', Particulars);
export const institutionUpdated = defineEvent('institution.updated', 'shared', Particulars);
export const institutionEvents = [institutionConfigured, institutionUpdated];
