// Fold of remembered mappings into `import_mappings`. Pure.
import { canonicalJson } from '../journal/hash.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { ImportMappingRow } from '../store/schema.ts';
import { mappingRemembered } from './events.ts';

export const importMappingsProjection = defineProjection<ImportMappingRow>({
  table: 'import_mappings',
  columns: ['id', 'headers', 'mapping', 'updated_at'],
  on: [
    on(mappingRemembered, (_row, p, event) => {
      // Canonical, so the row written at append and the row rebuilt from the journal are the same text.
      // A mapping alone keeps its old shape, so rows folded before the heading row and the answers were
      // remembered rebuild to the same text.
      const extra = p.header_row !== undefined || (p.values !== undefined && p.values.length > 0);
      const stored = extra ? { columns: p.mapping, ...(p.header_row !== undefined ? { header_row: p.header_row } : {}), values: p.values ?? [] } : p.mapping;
      return { id: event.entity, headers: JSON.stringify(p.headers), mapping: canonicalJson(stored), updated_at: hlcInstant(event.hlc) };
    }),
  ],
});

export const reduceImportMapping = importMappingsProjection.reduce;
