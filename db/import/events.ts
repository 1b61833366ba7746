// The import's one event: a mapping remembered for the next file with the same headings. `local`:
// it describes how this office's spreadsheets are laid out, which no other installation needs.
import { z } from 'zod';
import { IMPORT_FIELDS } from '../contract/import-schemas.ts';
import { defineEvent } from '../journal/types.ts';

export const mappingRemembered = defineEvent(
  'import.mapping-remembered',
  'local',
  z.object({ headers: z.array(z.string()), mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()) }),
);

export const importEvents = [mappingRemembered];
