// From spreadsheet rows to registration inputs: each mapped cell converted, places and people found
// by name, the form's own schema applied, and repeats inside the file caught. Reads, never writes.
import type { z } from 'zod';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ValueField } from './contract.ts';
import { RegisterAssetInput } from '../assets/contract.ts';
import { valueOf } from './choices.ts';
import { columnLetter, type Cell, type Sheet, type SheetRow } from './read.ts';
import { cellText, digitsLost, fieldValue, isExcelError, monthFirstSeen, toCapacity, toClassification, toDate, toMediumKind, toShillings, toYesNo, type Converted } from './values.ts';

export type Registration = z.output<typeof RegisterAssetInput>;

export interface RowError {
  /** The import field at fault; `_` when the rule concerns the whole row. */
  field: ImportField | '_';
  /** The column that fed it, if one did. */
  column: string | null;
  /** The cell as Excel names it ("F91"), if one column fed it. */
  cell: string | null;
  /** The cell as the file holds it. */
  value: string;
  /** Catalogue key of the sentence, the same the form shows. */
  message: string;
  params?: Record<string, string | number>;
}

export interface PreparedRow {
  row: number;
  cells: readonly Cell[];
  /** What would be registered; null while the row has errors of its own. */
  input: Registration | null;
  errors: RowError[];
}

/** A value field's text (and a person's email) → the entry's id, or why not. */
export type Resolve = (field: ValueField, text: string, email: string) => Converted<string | null>;

/** Where the form's schema or a refusal places a problem, in the import's field names. */
export function fieldOfPath(path: readonly PropertyKey[]): ImportField | '_' {
  const [head, , leaf] = path.map(String);
  if (head === 'location_id') return 'location';
  if (head === 'department_id') return 'department';
  if (head === 'custodian_id') return 'custodian';
  if (head === 'media') return leaf === 'capacity_gb' ? 'medium_capacity_gb' : leaf === 'serial' ? 'medium_serial' : 'medium_kind';
  return (head as ImportField | undefined) ?? '_';
}

/** The cell of `field` in a row, by the mapping, as the file holds it. */
export function rawCellIn(sheet: Sheet, mapping: ImportMapping, cells: readonly Cell[], field: ImportField): Cell {
  const header = mapping[field];
  return header === undefined ? null : (cells[sheet.headers.indexOf(header)] ?? null);
}

/** The cell of `field` in a row as the field takes it: "N/A", "-" and Excel's errors are nothing. */
export function cellIn(sheet: Sheet, mapping: ImportMapping, cells: readonly Cell[], field: ImportField): Cell {
  return fieldValue(rawCellIn(sheet, mapping, cells, field));
}

/** How much of a cell an error shows: enough to recognise it, never a whole pasted document. */
const SHOWN = 120;

export function shortened(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

export function rowError(
  sheet: Sheet,
  mapping: ImportMapping,
  cells: readonly Cell[],
  field: ImportField | '_',
  message: string,
  params?: Record<string, string | number>,
  row?: number,
): RowError {
  const column = field === '_' ? null : (mapping[field] ?? null);
  const cell = column === null || row === undefined ? null : `${columnLetter(sheet.headers.indexOf(column))}${row}`;
  // Every sentence may name the cell; the dates' do, so a person finds "F91" without counting.
  const withCell = cell ? { ...params, cell } : params;
  return {
    field,
    column,
    cell,
    value: field === '_' ? '' : shortened(cellText(rawCellIn(sheet, mapping, cells, field))),
    message,
    ...(withCell ? { params: withCell } : {}),
  };
}

const TEXT_FIELDS = ['tag', 'make', 'model', 'serial', 'supplier', 'funding_source', 'notes'] as const;
const DIGIT_FIELDS = ['tag', 'serial', 'medium_serial'] as const;

/** Per date column, whether it shows it was typed month first (`monthFirstSeen`). */
interface MonthFirst {
  purchase_date: boolean;
  warranty_end: boolean;
}

/**
 * Every row converted, in file order. `step(done)` is called after each row: a long job reports and
 * pauses there (db/core/jobs.ts, `stepper`).
 */
export async function prepareRows(
  resolve: Resolve,
  sheet: Sheet,
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  step: (done: number) => Promise<void> | undefined = () => undefined,
): Promise<PreparedRow[]> {
  const column = (field: ImportField) => rows.map(({ cells }) => cellIn(sheet, mapping, cells, field));
  const monthFirst = { purchase_date: monthFirstSeen(column('purchase_date')), warranty_end: monthFirstSeen(column('warranty_end')) };
  const prepared: PreparedRow[] = [];
  for (const row of rows) {
    prepared.push(prepareRow(resolve, sheet, mapping, row, monthFirst));
    await step(prepared.length);
  }
  flagRepeats(prepared, sheet, mapping, 'serial', 'import.errors.duplicate-serial');
  flagRepeats(prepared, sheet, mapping, 'tag', 'import.errors.duplicate-tag');
  return prepared;
}

function prepareRow(resolve: Resolve, sheet: Sheet, mapping: ImportMapping, { row, cells }: SheetRow, monthFirst: MonthFirst): PreparedRow {
  const cellOf = (field: ImportField) => cellIn(sheet, mapping, cells, field);
  const errors: RowError[] = [];
  const failed = new Set<ImportField>();
  const errorAt = (field: ImportField | '_', message: string, params?: Record<string, string | number>) =>
    rowError(sheet, mapping, cells, field, message, params, row);
  const take = <T>(field: ImportField, result: Converted<T>): T | undefined => {
    if (result.ok) return result.value;
    failed.add(field);
    errors.push(errorAt(field, result.message, result.params));
    return undefined;
  };
  // A formula that failed shows an error where the value should be: the value is missing, and
  // saying so beats a person called "#N/A".
  for (const field of IMPORT_FIELDS) {
    const raw = rawCellIn(sheet, mapping, cells, field);
    if (!isExcelError(raw)) continue;
    failed.add(field === 'custodian_last_name' || field === 'custodian_email' ? 'custodian' : field);
    errors.push(errorAt(field, 'import.errors.excel-error', { value: cellText(raw) }));
  }
  // Excel shows a long number (an IMEI, a serial of digits) as 3.56789E+14 and saves a CSV so; a
  // number cell keeps 15 digits at most. The digits are gone, and devices would share one serial.
  for (const field of DIGIT_FIELDS) {
    const cell = cellOf(field);
    if (!digitsLost(cell)) continue;
    failed.add(field);
    errors.push(errorAt(field, 'import.errors.digits-lost', { value: cellText(cell) }));
  }
  const named = (field: ValueField) => {
    const { text, email } = valueOf(sheet, mapping, cells, field);
    return resolve(field, text, email);
  };

  const raw: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) raw[field] = cellText(cellOf(field));
  raw.category = take('category', named('category'));
  raw.purchase_date = take('purchase_date', toDate(cellOf('purchase_date'), { monthFirstSeen: monthFirst.purchase_date }));
  raw.warranty_end = take('warranty_end', toDate(cellOf('warranty_end'), { monthFirstSeen: monthFirst.warranty_end }));
  raw.cost_tzs = take('cost_tzs', toShillings(cellOf('cost_tzs')));
  raw.location_id = take('location', named('location'));
  raw.department_id = take('department', named('department'));
  raw.custodian_id = take('custodian', named('custodian'));
  raw.classification = take('classification', toClassification(cellOf('classification')));
  raw.can_hold_records = take('can_hold_records', toYesNo(cellOf('can_hold_records')));
  const kind = take('medium_kind', toMediumKind(cellOf('medium_kind')));
  const capacity = take('medium_capacity_gb', toCapacity(cellOf('medium_capacity_gb')));
  const mediumSerial = cellText(cellOf('medium_serial'));
  if (kind || capacity || mediumSerial) raw.media = [{ kind: kind ?? 'other', capacity_gb: capacity ?? null, serial: mediumSerial }];

  const parsed = RegisterAssetInput.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      // A cell that could not be converted has said so already; one sentence per field is enough.
      if ((field !== '_' && failed.has(field)) || seen.has(field)) continue;
      seen.add(field);
      // Too long: say by how much, since the cell itself is shown cut short.
      if (issue.code === 'too_big' && issue.origin === 'string' && field !== '_') {
        errors.push(errorAt(field, 'import.errors.too-long', { length: cellText(cellOf(field)).length, limit: Number(issue.maximum) }));
      } else {
        errors.push(errorAt(field, issue.message));
      }
    }
  }
  return { row, cells, input: parsed.success && errors.length === 0 ? parsed.data : null, errors };
}

/** The second and later rows carrying a serial or tag already used higher up in the same file. */
function flagRepeats(prepared: PreparedRow[], sheet: Sheet, mapping: ImportMapping, field: 'serial' | 'tag', message: string): void {
  if (mapping[field] === undefined) return;
  const firstRow = new Map<string, number>();
  prepared.forEach(({ row, cells }, i) => {
    const value = cellText(cellIn(sheet, mapping, cells, field));
    if (value === '') return;
    // Compared as the register compares them: whatever the case.
    const key = value.toLowerCase();
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, row);
      return;
    }
    const target = prepared[i] as PreparedRow;
    target.errors.push(rowError(sheet, mapping, cells, field, message, { [field]: value, row: first }, row));
    target.input = null;
  });
}
