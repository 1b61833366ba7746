import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { Institution } from '../store/schema.ts';
import { institutionConfigured, institutionUpdated } from './events.ts';

export const INSTITUTION_ID = 'institution';

export const institutionProjection = defineProjection<Institution>({
  table: 'institution',
  columns: ['id', 'name', 'code', 'postal_address', 'accounting_officer_title', 'head_title', 'configured_at', 'updated_at'],
  on: [
    on([institutionConfigured, institutionUpdated], (row, p, event) => {
      const at = hlcInstant(event.hlc);
      return {
        id: INSTITUTION_ID,
        name: p.name,
        code: p.code,
        postal_address: p.postal_address,
        accounting_officer_title: p.accounting_officer_title,
        head_title: p.head_title,
        configured_at: row?.configured_at ?? at,
        updated_at: at,
      };
    }),
  ],
});

export const reduceInstitution = institutionProjection.reduce;
