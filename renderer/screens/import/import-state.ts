// What the import screen decides without the core: whether a file may be sent at all, the mapping the
// user is editing against the one last checked, whether the import may go ahead, and how the errors
// of the dry run are laid out.
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  MAX_IMPORT_BYTES,
  REQUIRED_IMPORT_FIELDS,
  type ValueChoice,
  type ValueField,
} from '../../../db/import/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';

export type Preview = RouteOutput<'import.preview'>;
export type InvalidRow = Preview['invalid_rows'][number];
export type RowError = InvalidRow['errors'][number];
export type UnmatchedValue = Preview['values'][number];

export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

export type Problem = { message: string; params?: Record<string, string | number> };

/** The kind of register a file name says it is; the core reads by the same extension. */
export function importKindOf(name: string): 'xlsx' | 'csv' | null {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** Why a chosen file cannot be checked, said before it travels; null when it can. */
export function fileProblem(file: { name: string; size: number }): Problem | null {
  if (!importKindOf(file.name)) return { message: 'importUi.file.wrong-type' };
  if (file.size === 0) return { message: 'importUi.file.empty' };
  if (file.size > MAX_IMPORT_BYTES) return { message: 'errors.file-too-large', params: { megabytes: MAX_IMPORT_MEGABYTES } };
  return null;
}

/** The mapping with `field` fed by `column`, or by nothing. */
export function withColumn(mapping: ImportMapping, field: ImportField, column: string | null): ImportMapping {
  const next: ImportMapping = { ...mapping };
  if (column) next[field] = column;
  else delete next[field];
  return next;
}

export function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  return IMPORT_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/** For each field, the other fields fed by the same column: one cell rarely means two things. */
export function sharedColumns(mapping: ImportMapping): Map<ImportField, ImportField[]> {
  const byColumn = new Map<string, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  const shared = new Map<ImportField, ImportField[]>();
  for (const fields of byColumn.values()) {
    if (fields.length < 2) continue;
    for (const field of fields) shared.set(field, fields.filter((other) => other !== field));
  }
  return shared;
}

/** Required fields first, then the rest in the register's order. */
export const FIELD_ORDER: readonly ImportField[] = [
  ...REQUIRED_IMPORT_FIELDS,
  ...IMPORT_FIELDS.filter((field) => !REQUIRED_IMPORT_FIELDS.includes(field)),
];

export type Readiness = 'ready' | 'mapping-changed' | 'unmapped' | 'no-rows' | 'values-unresolved' | 'has-errors';

/**
 * Whether "Import" may be pressed: only on the mapping that was checked, with every required field
 * mapped, at least one row, every value that matched nothing decided, and no row in error unless the
 * user chose to leave the rows in error out. Anything less would only be refused.
 */
export function readiness(
  preview: Pick<Preview, 'mapping' | 'unmapped_required' | 'rows'> & { values?: Pick<UnmatchedValue, 'choice'>[] },
  draft: ImportMapping,
  leaveOut = false,
): Readiness {
  if (!sameMapping(preview.mapping, draft)) return 'mapping-changed';
  if (preview.unmapped_required.length > 0) return 'unmapped';
  if (preview.rows.total === 0) return 'no-rows';
  if ((preview.values ?? []).some((value) => value.choice === null)) return 'values-unresolved';
  if (preview.rows.invalid > 0 && !(leaveOut && preview.rows.valid > 0)) return 'has-errors';
  return 'ready';
}

/**
 * How many devices the import will register: the rows without errors. A row in error is never
 * registered (the import waits until it is corrected or left out), so counting it would promise a
 * device the register will not get.
 */
export function rowsToImport(preview: Pick<Preview, 'rows'>): number {
  return preview.rows.valid;
}

/** A value of the file, told apart from the same words in another field. */
export function valueKey(value: { field: ValueField; value: string }): string {
  return `${value.field}:${value.value.trim().toLowerCase()}`;
}

/** The user's answers with `choice` put in the place of any earlier answer for the same value. */
export function withChoice(choices: readonly ValueChoice[], choice: ValueChoice): ValueChoice[] {
  return [...choices.filter((c) => valueKey(c) !== valueKey(choice)), choice];
}

/** A select option's value for a choice: "create", or the entry's id. */
export const CREATE = '__create__';

export function choiceOption(value: Pick<UnmatchedValue, 'choice'>): string | null {
  if (!value.choice) return null;
  return value.choice.action === 'create' ? CREATE : value.choice.id;
}

/** The choice a select option stands for. */
export function choiceOf(value: Pick<UnmatchedValue, 'field' | 'value'>, option: string): ValueChoice {
  return option === CREATE ? { field: value.field, value: value.value, action: 'create' } : { field: value.field, value: value.value, action: 'map', id: option };
}

export interface ChoiceGroup {
  group: 'create' | 'suggested' | 'all';
  items: { value: string; label: string }[];
}

/**
 * What a value may become: made new (not a category unless the user may make one), one of its close
 * matches, or any entry of the list (people are many: their close matches only).
 */
export function choiceGroups(
  value: Pick<UnmatchedValue, 'field' | 'value' | 'suggestions'>,
  entries: Preview['entries'],
  canCreateCategories: boolean,
): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  if (value.field !== 'category' || canCreateCategories) groups.push({ group: 'create', items: [{ value: CREATE, label: value.value }] });
  const suggested = value.suggestions.map((s) => ({ value: s.id, label: s.label }));
  if (suggested.length > 0) groups.push({ group: 'suggested', items: suggested });
  if (value.field !== 'custodian') {
    const taken = new Set(suggested.map((s) => s.value));
    const rest = entries[value.field].filter((e) => !taken.has(e.id)).map((e) => ({ value: e.id, label: e.label }));
    if (rest.length > 0) groups.push({ group: 'all', items: rest });
  }
  return groups;
}

/**
 * The mapping to try first with a newly chosen file: the one the user set by hand, when there was one
 * (a corrected copy of the same register keeps its headings). The remembered or suggested mapping is
 * the core's to choose again.
 */
export function mappingToCarry(previous: Pick<Preview, 'mapping' | 'mapping_source'> | null, draft: ImportMapping): ImportMapping | undefined {
  if (!previous) return undefined;
  if (previous.mapping_source !== 'given' && sameMapping(previous.mapping, draft)) return undefined;
  return Object.keys(draft).length > 0 ? draft : undefined;
}

const DUPLICATE_MESSAGES: readonly string[] = ['import.errors.duplicate-serial', 'import.errors.duplicate-tag', 'errors.serial-taken', 'errors.tag-taken'];

/** A repeat inside the file, or a serial or tag the register already holds. */
export function isDuplicate(error: Pick<RowError, 'message'>): boolean {
  return DUPLICATE_MESSAGES.includes(error.message);
}

export interface ErrorLine {
  row: number;
  /** The first line of its row carries the row number, spanning the row's other lines. */
  span: number;
  error: RowError;
}

/** Every error of the given rows, one line each, grouped under its row. */
export function errorLines(rows: readonly InvalidRow[]): ErrorLine[] {
  return rows.flatMap((row) => row.errors.map((error, i) => ({ row: row.row, span: i === 0 ? row.errors.length : 0, error })));
}

/** One page of invalid rows; every row stays reachable however many there are. */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
