// From spreadsheet rows to registration inputs: each mapped cell converted, places and people found
// by name, the form's own schema applied, and repeats inside the file caught. Reads, never writes.
import type { z } from 'zod';
import type { ImportField, ImportMapping } from '../contract/import-schemas.ts';
import { BUILTIN_CATEGORIES, RegisterAssetInput } from '../contract/register-schemas.ts';
import { ListInput } from '../contract/schemas.ts';
import { listCategories } from '../assets/queries.ts';
import { listPeople } from '../people/queries.ts';
import { listDepartments, listLocations } from '../places/queries.ts';
import type { Store } from '../store/open.ts';
import { fold } from './mapping.ts';
import type { Cell, Sheet } from './read.ts';
import {
  categoryResolver,
  cellText,
  toCapacity,
  toClassification,
  toDate,
  toMediumKind,
  toShillings,
  toYesNo,
  type Converted,
} from './values.ts';

export type Registration = z.output<typeof RegisterAssetInput>;

export interface RowError {
  /** The import field at fault; `_` when the rule concerns the whole row. */
  field: ImportField | '_';
  /** The column that fed it, if one did. */
  column: string | null;
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

type Resolve = (cell: Cell) => Converted<string | null>;

export interface Lookups {
  category(cell: Cell): Converted<string>;
  location: Resolve;
  department: Resolve;
  custodian: Resolve;
}

/**
 * Finds an entity by the words a register uses for it. Keys are tried tier by tier (a check number
 * before a name); several matches narrow to the active ones, and if still several, the row is told
 * to be more precise rather than given a guess.
 */
function nameResolver<T extends { id: string; active: boolean }>(
  items: readonly T[],
  tiers: readonly ((item: T) => string[])[],
  notFound: string,
  ambiguous: string,
): Resolve {
  const maps = tiers.map((keysOf) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      for (const key of new Set(keysOf(item).map(fold).filter(Boolean))) map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  });
  return (cell) => {
    const text = cellText(cell);
    if (text === '') return { ok: true, value: null };
    const key = fold(text);
    for (const map of maps) {
      const found = map.get(key);
      if (!found) continue;
      const active = found.filter((item) => item.active);
      const chosen = found.length === 1 ? found : active;
      if (chosen.length === 1) return { ok: true, value: (chosen[0] as T).id };
      return { ok: false, message: ambiguous, params: { value: text } };
    }
    return { ok: false, message: notFound, params: { value: text } };
  };
}

const ALL = ListInput.parse({ status: 'all' });

function everyone(store: Store) {
  const people: { id: string; full_name: string; check_number: string; active: boolean }[] = [];
  let after: string | null = null;
  do {
    const page = listPeople(store, { ...ALL, after, limit: 1000 });
    people.push(...page.items);
    after = page.next;
  } while (after);
  return people;
}

export function loadLookups(store: Store): Lookups {
  const custom = listCategories(store).filter((c) => !c.builtin);
  const locations = listLocations(store, ALL).map((l) => ({ ...l, active: l.active === 1 }));
  const departments = listDepartments(store, ALL).map((d) => ({ ...d, active: d.active === 1 }));
  return {
    category: categoryResolver(BUILTIN_CATEGORIES, custom),
    location: nameResolver(
      locations,
      [(l) => [l.name], (l) => [`${l.name} ${l.building}`, `${l.building} ${l.name}`]],
      'errors.location-not-found',
      'import.errors.ambiguous-location',
    ),
    department: nameResolver(departments, [(d) => [d.name], (d) => [d.code]], 'errors.department-not-found', 'import.errors.ambiguous-department'),
    custodian: nameResolver(everyone(store), [(p) => [p.check_number], (p) => [p.full_name]], 'errors.person-not-found', 'import.errors.ambiguous-person'),
  };
}

/** Where the form's schema or a refusal places a problem, in the import's field names. */
export function fieldOfPath(path: readonly PropertyKey[]): ImportField | '_' {
  const [head, , leaf] = path.map(String);
  if (head === 'location_id') return 'location';
  if (head === 'department_id') return 'department';
  if (head === 'custodian_id') return 'custodian';
  if (head === 'media') return leaf === 'capacity_gb' ? 'medium_capacity_gb' : leaf === 'serial' ? 'medium_serial' : 'medium_kind';
  return (head as ImportField | undefined) ?? '_';
}

/** The cell of `field` in a row, by the mapping. */
export function cellIn(sheet: Sheet, mapping: ImportMapping, cells: readonly Cell[], field: ImportField): Cell {
  const header = mapping[field];
  return header === undefined ? null : (cells[sheet.headers.indexOf(header)] ?? null);
}

export function rowError(
  sheet: Sheet,
  mapping: ImportMapping,
  cells: readonly Cell[],
  field: ImportField | '_',
  message: string,
  params?: Record<string, string | number>,
): RowError {
  return {
    field,
    column: field === '_' ? null : (mapping[field] ?? null),
    value: field === '_' ? '' : cellText(cellIn(sheet, mapping, cells, field)),
    message,
    ...(params ? { params } : {}),
  };
}

const TEXT_FIELDS = ['tag', 'make', 'model', 'serial', 'supplier', 'funding_source', 'notes'] as const;

export function prepareRows(lookups: Lookups, sheet: Sheet, mapping: ImportMapping): PreparedRow[] {
  const prepared = sheet.rows.map(({ row, cells }) => {
    const cellOf = (field: ImportField) => cellIn(sheet, mapping, cells, field);
    const errors: RowError[] = [];
    const failed = new Set<ImportField>();
    const errorAt = (field: ImportField | '_', message: string, params?: Record<string, string | number>) =>
      rowError(sheet, mapping, cells, field, message, params);
    const take = <T>(field: ImportField, result: Converted<T>): T | undefined => {
      if (result.ok) return result.value;
      failed.add(field);
      errors.push(errorAt(field, result.message, result.params));
      return undefined;
    };

    const raw: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) raw[field] = cellText(cellOf(field));
    raw.category = take('category', lookups.category(cellOf('category')));
    raw.purchase_date = take('purchase_date', toDate(cellOf('purchase_date')));
    raw.warranty_end = take('warranty_end', toDate(cellOf('warranty_end')));
    raw.cost_tzs = take('cost_tzs', toShillings(cellOf('cost_tzs')));
    raw.location_id = take('location', lookups.location(cellOf('location')));
    raw.department_id = take('department', lookups.department(cellOf('department')));
    raw.custodian_id = take('custodian', lookups.custodian(cellOf('custodian')));
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
        errors.push(errorAt(field, issue.message));
      }
    }
    return { row, cells, input: parsed.success && errors.length === 0 ? parsed.data : null, errors };
  });
  flagRepeats(prepared, sheet, mapping, 'serial', 'import.errors.duplicate-serial');
  flagRepeats(prepared, sheet, mapping, 'tag', 'import.errors.duplicate-tag');
  return prepared;
}

/** The second and later rows carrying a serial or tag already used higher up in the same file. */
function flagRepeats(prepared: PreparedRow[], sheet: Sheet, mapping: ImportMapping, field: 'serial' | 'tag', message: string): void {
  if (mapping[field] === undefined) return;
  const firstRow = new Map<string, number>();
  sheet.rows.forEach(({ row, cells }, i) => {
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
    target.errors.push(rowError(sheet, mapping, cells, field, message, { [field]: value, row: first }));
    target.input = null;
  });
}
