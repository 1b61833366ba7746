// Which column feeds which field: a suggestion from the headings (Swahili, English, and Snipe-IT's
// export, which must import untouched), and the key under which a committed mapping is remembered.
import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './contract.ts';

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
// that Snipe-IT fills twice (Location, Default Location) takes the better column. Registers mix the
// languages in one heading ("Namba ya Utambulisho (Serial No.)"): each part is tried on its own.
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
    'asset code',
    'inventory number',
    'inventory no',
    'lebo',
    'namba ya lebo',
    'namba ya usajili',
    'namba ya rejista',
    'alama ya mali',
  ],
  category: ['aina ya kifaa', 'aina', 'aina ya vifaa', 'kundi la kifaa', 'category', 'asset category', 'device type', 'asset type', 'equipment type', 'item type', 'type', 'kundi', 'kifaa', 'item', 'description of item'],
  make: ['mtengenezaji', 'kampuni iliyotengeneza', 'make', 'manufacturer', 'brand', 'chapa', 'aina ya chapa', 'make brand'],
  model: ['model', 'modeli', 'model name', 'model no', 'model number', 'namba ya modeli', 'toleo'],
  serial: [
    'serial',
    'serial no',
    'serial number',
    'serial nos',
    's n',
    'sn',
    'sno',
    'namba ya utambulisho',
    'namba ya seriali',
    'namba ya serial',
    'namba ya siri ya kiwanda',
    'namba ya kiwanda',
    'manufacturer serial',
  ],
  purchase_date: [
    'tarehe ya kununua',
    'tarehe ya ununuzi',
    'tarehe ya kununuliwa',
    'tarehe ya kupokea',
    'tarehe ya kupokelewa',
    'tarehe ilinunuliwa',
    'purchase date',
    'date purchased',
    'date of purchase',
    'acquisition date',
    'date acquired',
    'date received',
    'date of acquisition',
  ],
  supplier: ['msambazaji', 'mzabuni', 'muuzaji', 'mgavi', 'supplier', 'vendor', 'supplied by'],
  cost_tzs: [
    'bei',
    'gharama',
    'bei tzs',
    'bei tsh',
    'gharama tzs',
    'gharama tsh',
    'bei ya kununulia',
    'gharama ya ununuzi',
    'thamani tzs',
    'cost',
    'cost tzs',
    'cost tsh',
    'purchase cost',
    'unit cost',
    'price',
    'unit price',
    'purchase price',
    'thamani',
    'value',
    'amount',
  ],
  funding_source: ['chanzo cha fedha', 'chanzo cha fedha za ununuzi', 'mfadhili', 'funding source', 'source of funds', 'source of fund', 'fund', 'funded by', 'donor'],
  warranty_end: [
    'mwisho wa dhamana',
    'dhamana hadi',
    'dhamana inaisha',
    'tarehe ya mwisho wa dhamana',
    'warranty expires',
    'warranty end',
    'warranty expiry',
    'warranty expiry date',
    'warranty end date',
    'warranty until',
  ],
  location: ['mahali', 'mahali kilipo', 'mahali kilipo kifaa', 'eneo', 'chumba', 'ofisi', 'jengo', 'location', 'default location', 'room', 'office', 'site', 'station', 'kituo'],
  department: ['idara', 'idara kitengo', 'kitengo', 'idara au kitengo', 'department', 'dept', 'section', 'division', 'unit', 'department unit'],
  custodian: [
    'mtumiaji',
    'mtunzaji',
    'mwenye kifaa',
    'jina la mtumiaji',
    'mtumiaji wa kifaa',
    'aliyekabidhiwa',
    'amekabidhiwa',
    'mhusika',
    'custodian',
    'assigned to',
    'checked out to',
    'checked out to first name',
    'checked out to name',
    'checked out to username',
    'user',
    'user name',
    'allocated to',
    'issued to',
    'namba ya cheki',
    'check number',
    'check no',
  ],
  custodian_last_name: ['checked out to last name', 'user last name', 'last name', 'surname', 'jina la ukoo'],
  custodian_email: ['checked out to email', 'user email', 'barua pepe ya mtumiaji', 'email', 'barua pepe'],
  classification: ['uainishaji', 'daraja la usalama', 'usiri', 'classification', 'security classification'],
  can_hold_records: [
    'kinahifadhi kumbukumbu',
    'huhifadhi kumbukumbu',
    'can hold records',
    'holds records',
    'stores records',
  ],
  notes: ['maelezo', 'maoni', 'notes', 'note', 'remarks', 'comments', 'maelezo ya ziada'],
  medium_kind: ['aina ya diski', 'aina ya hifadhi', 'storage', 'storage type', 'disk type', 'drive type'],
  medium_capacity_gb: ['ukubwa wa diski', 'ukubwa wa hifadhi', 'capacity', 'storage capacity', 'capacity gb', 'disk size', 'hdd size', 'storage size'],
  medium_serial: ['namba ya diski', 'serial ya diski', 'disk serial', 'storage serial', 'hdd serial', 'drive serial'],
};

/** Heading (folded) → field, for every heading above. */
const FIELD_OF_HEADING = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const heading of HEADINGS[field]) if (!FIELD_OF_HEADING.has(heading)) FIELD_OF_HEADING.set(heading, field);

/**
 * The ways a heading can be read, best first: whole, then each part of a heading that puts one
 * language in brackets or after a slash ("Namba ya Utambulisho (Serial No.)", "Bei / Cost").
 * "S/N" is one word, not two parts.
 */
function readings(header: string): string[] {
  const whole = fold(header);
  // A heading of a group on two rows reads "Ununuzi: Tarehe": the sub-heading said of its group, as
  // each language says it ("Tarehe ya Ununuzi", "Purchase Date", "Date of Purchase"), then each part.
  const grouped = /^([^:]+):\s+(.+)$/.exec(header);
  const composed = grouped ? [`${grouped[2]} ya ${grouped[1]}`, `${grouped[1]} ${grouped[2]}`, `${grouped[2]} of ${grouped[1]}`].map(fold) : [];
  const parts = header
    .split(/[()[\]]|\s[/|-]\s|\s\/|\/\s|;|:\s/)
    .map(fold)
    .filter((part) => part !== '' && part !== whole);
  return [whole, ...new Set([...composed, ...parts])];
}

/** The field a heading names, if any; the rank says how directly (0 whole heading, 1 a part of it). */
export function fieldOfHeading(header: string): { field: ImportField; rank: number } | undefined {
  const [whole, ...parts] = readings(header);
  const direct = whole === undefined ? undefined : FIELD_OF_HEADING.get(whole);
  if (direct) return { field: direct, rank: 0 };
  for (const part of parts) {
    const field = FIELD_OF_HEADING.get(part);
    if (field) return { field, rank: 1 };
  }
  return undefined;
}

/**
 * Whether a column's cells count 1, 2, 3…: the register's running number, not a device's serial.
 * The few words below the table ("Jumla", "Prepared by") do not count against it.
 */
function isRunningNumber(values: readonly unknown[]): boolean {
  const filled = values.map((v) => (v === null || v === undefined ? '' : String(v).trim().replace(/\.$/, ''))).filter((v) => v !== '');
  const numbers = filled.filter((v) => /^\d+$/.test(v)).map(Number);
  if (numbers.length < 2 || filled.length - numbers.length > 3) return false;
  return numbers.every((n, i) => n === (numbers[0] as number) + i);
}

/**
 * The mapping the headings suggest. A heading nobody recognises stays unmapped. `sample` (the first
 * data rows, by column) keeps a "S/N" column of running numbers away from the serial field.
 */
export function suggestMapping(headers: readonly string[], sample: readonly (readonly unknown[])[] = []): ImportMapping {
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  const column = (header: string) => sample.map((row) => row[headers.indexOf(header)]);
  for (const rank of [0, 1]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      // Most specific heading first, as listed; then the first column whose heading names it.
      const candidates = headers.filter((header) => !taken.has(header) && fieldOfHeading(header)?.field === field && fieldOfHeading(header)?.rank === rank);
      const ordered = [...candidates].sort((a, b) => HEADINGS[field].indexOf(readingOf(a, field)) - HEADINGS[field].indexOf(readingOf(b, field)));
      const header = ordered.find((h) => field !== 'serial' || !isRunningNumber(column(h)));
      if (header === undefined) continue;
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

function readingOf(header: string, field: ImportField): string {
  return readings(header).find((reading) => FIELD_OF_HEADING.get(reading) === field) ?? '';
}

/**
 * Columns left unused whose heading names a field that no column feeds: most often a column the
 * suggestion missed or the user cleared by mistake, and its values would be dropped silently.
 */
export function unmappedLookalikes(headers: readonly string[], mapping: ImportMapping, sample: readonly (readonly unknown[])[] = []): { column: string; field: ImportField }[] {
  const used = new Set(Object.values(mapping));
  const found: { column: string; field: ImportField }[] = [];
  for (const header of headers) {
    if (used.has(header)) continue;
    const field = fieldOfHeading(header)?.field;
    if (field === 'serial' && isRunningNumber(sample.map((row) => row[headers.indexOf(header)]))) continue;
    if (field && mapping[field] === undefined && !found.some((f) => f.field === field)) found.push({ column: header, field });
  }
  return found;
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
