// Which column feeds which field: a suggestion from the headings (Swahili, English, and Snipe-IT's
// export, which must import untouched), and the key under which a committed mapping is remembered.
import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../contract/import-schemas.ts';

/** A heading or a value as compared: lower case, no accents, punctuation and spacing folded. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Headings per field, most specific first. The first field to claim a heading keeps it, so a field
// that Snipe-IT fills twice (Location, Default Location) takes the better column.
const HEADINGS: Record<ImportField, readonly string[]> = {
  tag: [
    'namba ya kifaa',
    'namba ya mali',
    'asset tag',
    'tag',
    'tag no',
    'tag number',
    'asset no',
    'asset number',
    'asset id',
    'inventory number',
    'inventory no',
    'lebo',
    'namba ya lebo',
    'namba ya usajili',
  ],
  category: ['aina ya kifaa', 'aina', 'category', 'asset category', 'device type', 'asset type', 'type', 'kundi'],
  make: ['mtengenezaji', 'make', 'manufacturer', 'brand', 'chapa'],
  model: ['model', 'modeli', 'model name', 'model no', 'model number'],
  serial: [
    'serial',
    'serial no',
    'serial number',
    's n',
    'sn',
    'namba ya utambulisho',
    'namba ya seriali',
    'namba ya serial',
  ],
  purchase_date: [
    'tarehe ya kununua',
    'tarehe ya ununuzi',
    'tarehe ya kununuliwa',
    'purchase date',
    'date purchased',
    'date of purchase',
    'acquisition date',
    'date acquired',
  ],
  supplier: ['msambazaji', 'mzabuni', 'muuzaji', 'supplier', 'vendor'],
  cost_tzs: ['bei', 'gharama', 'bei tzs', 'bei tsh', 'gharama tzs', 'cost', 'cost tzs', 'purchase cost', 'price', 'thamani', 'value', 'amount'],
  funding_source: ['chanzo cha fedha', 'chanzo cha fedha za ununuzi', 'mfadhili', 'funding source', 'source of funds', 'source of fund', 'fund', 'funded by'],
  warranty_end: [
    'mwisho wa dhamana',
    'dhamana hadi',
    'tarehe ya mwisho wa dhamana',
    'warranty expires',
    'warranty end',
    'warranty expiry',
    'warranty expiry date',
    'warranty end date',
    'warranty until',
  ],
  location: ['mahali', 'mahali kilipo', 'eneo', 'location', 'default location', 'room', 'chumba', 'ofisi'],
  department: ['idara', 'idara kitengo', 'kitengo', 'department', 'dept', 'section', 'division'],
  custodian: [
    'mtumiaji',
    'mtunzaji',
    'mwenye kifaa',
    'jina la mtumiaji',
    'custodian',
    'assigned to',
    'checked out to',
    'user',
    'namba ya cheki',
    'check number',
    'check no',
  ],
  classification: ['uainishaji', 'daraja la usalama', 'usiri', 'classification', 'security classification'],
  can_hold_records: [
    'kinahifadhi kumbukumbu',
    'huhifadhi kumbukumbu',
    'can hold records',
    'holds records',
    'stores records',
  ],
  notes: ['maelezo', 'maoni', 'notes', 'note', 'remarks', 'comments'],
  medium_kind: ['aina ya diski', 'aina ya hifadhi', 'storage', 'storage type', 'disk type', 'drive type'],
  medium_capacity_gb: ['ukubwa wa diski', 'ukubwa wa hifadhi', 'capacity', 'storage capacity', 'capacity gb', 'disk size', 'hdd size', 'storage size'],
  medium_serial: ['namba ya diski', 'serial ya diski', 'disk serial', 'storage serial', 'hdd serial', 'drive serial'],
};

/** The mapping the headings suggest. A heading nobody recognises stays unmapped. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const byFolded = new Map<string, string>();
  for (const header of headers) if (!byFolded.has(fold(header))) byFolded.set(fold(header), header);
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    for (const heading of HEADINGS[field]) {
      const header = byFolded.get(heading);
      if (header && !taken.has(header)) {
        mapping[field] = header;
        taken.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** The set of headings, folded and sorted: the same register saved again finds its mapping. */
export function headerSetKey(headers: readonly string[]): string {
  const set = [...new Set(headers.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase()))].sort();
  return `import-mapping-${createHash('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 32)}`;
}

/** A mapping names only columns the file has; any other is a mistake to refuse, not to ignore. */
export function unknownColumns(mapping: ImportMapping, headers: readonly string[]): string[] {
  const present = new Set(headers);
  return Object.values(mapping).filter((header): header is string => header !== undefined && !present.has(header));
}
