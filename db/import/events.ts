// The import's one event: a mapping remembered for the next file with the same headings, with the
// heading row the user chose and the answers given for values that matched nothing. `local`: it
// describes how this office's spreadsheets are laid out, which no other installation needs.
import { z } from 'zod';
import { IMPORT_FIELDS, ValueChoice } from './contract.ts';
import { defineEvent } from '../journal/types.ts';

export const mappingRemembered = defineEvent(
  'import.mapping-remembered',
  'local',
  z.object({
    headers: z.array(z.string()),
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
    header_row: z.number().int().min(1).optional(),
    values: z.array(ValueChoice).optional(),
  }),
);

export const importEvents = [mappingRemembered];
