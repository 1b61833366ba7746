// What a report is: rows read a page at a time, the columns shown of each row, the columns that add up,
// and its filters in words. Shared engines write it as CSV, XLSX and PDF; a new report is one more
// definition, declared by the area whose records it reads.
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import enRegisters from '../contract/catalogues/en/registers.json' with { type: 'json' };
import swRegisters from '../contract/catalogues/sw/registers.json' with { type: 'json' };
import type { RegisterKey } from './contract.ts';
import { BUILTIN_CATEGORIES } from '../assets/contract.ts';
import { formatDay, workingDay } from '../contract/days.ts';
import type { Store } from '../store/open.ts';
import type { Registry } from '../area.ts';
import type { SessionUser } from '../core/context.ts';
import { printingOf, type PrintLayout, type Printing } from './print.ts';

/**
 * How a column's values are written. `text` is neutralised against formulas; `day` holds `YYYY-MM-DD`
 * (a date cell in XLSX, dd/MM/yyyy in CSV); `money` whole shillings; `number` any other quantity.
 */
export type ColumnKind = 'text' | 'day' | 'money' | 'number';

/** A cell before it is written: text, a number, or nothing. */
export type CellValue = string | number | null;

/** What a column needs to put a row into words. */
export interface Words {
  t: Translate;
  language: Language;
}

export interface Column<Row> {
  key: string;
  /** Catalogue key of the heading. */
  header: string;
  kind: ColumnKind;
  value(row: Row, words: Words): CellValue;
}

/** Where rows come from: the store, and the working day for anything counted "to date". */
export interface RegisterSource {
  store: Store;
  today: string;
  /** Who asked, for a report that shows each reader only what they may read (the compliance summary); null from a caller that names nobody. */
  reader?: { user: SessionUser; registry: Registry } | null;
}

export interface RegisterDefinition<Row, Filters> {
  key: RegisterKey;
  /** Catalogue keys: the workbook's title, its sheet's name (31 characters at most), the file name's stem. */
  title: string;
  sheet: string;
  file: string;
  columns: readonly Column<Row>[];
  /** Every row, in the register's order, read in pages so that a large register is never held whole. */
  rows(source: RegisterSource, filters: Filters): Iterable<Row>;
  /** How many rows `rows` will give, for the window's progress bar; without it the bar counts rows only. */
  count?(source: RegisterSource, filters: Filters): number;
  /** Keys of the `money` and `number` columns added up in a totals row at the foot of the report. */
  totals?: readonly string[];
  /** The filters besides the period, in words, for the printed report's heading ("State: approved"); the source names what the filters hold by id. */
  describe?(filters: Filters, words: Words, source: RegisterSource): string[];
  /** Keys of the columns an A4 page has room for, in order, when the spreadsheet has more; every column when not given. */
  printed?: readonly string[];
  /** How the report looks on paper when a ruled table of the printed columns is not all the paper says (print.ts). */
  print?: PrintLayout<Row, Filters>;
}

export type ColumnShape = Pick<Column<unknown>, 'key' | 'header' | 'kind'>;

/** A register with its row type hidden: columns and an iterator of finished cells. */
export interface Register<Filters> {
  key: RegisterKey;
  title: string;
  sheet: string;
  file: string;
  columns: readonly ColumnShape[];
  cells(source: RegisterSource, filters: Filters, words: Words): Iterable<CellValue[]>;
  /** The number of rows, or 0 when the register cannot tell beforehand. */
  count(source: RegisterSource, filters: Filters): number;
  totals: readonly string[];
  describe(filters: Filters, words: Words, source: RegisterSource): string[];
  printed: readonly string[];
  /** The report as the PDF engine draws it, for these filters in these words. */
  printing(source: RegisterSource, filters: Filters, words: Words): Printing;
}

export function defineRegister<Row, Filters>(definition: RegisterDefinition<Row, Filters>): Register<Filters> {
  const { columns } = definition;
  for (const key of definition.printed ?? []) {
    if (!columns.some((c) => c.key === key)) throw new Error(`register ${definition.key} prints ${key}, which is not one of its columns`);
  }
  for (const key of definition.totals ?? []) {
    const column = columns.find((c) => c.key === key);
    if (!column || (column.kind !== 'money' && column.kind !== 'number')) throw new Error(`register ${definition.key} totals ${key}, which is not a number column`);
  }
  const printed = definition.printed ?? columns.map((column) => column.key);
  const totals = definition.totals ?? [];
  return {
    key: definition.key,
    title: definition.title,
    sheet: definition.sheet,
    file: definition.file,
    columns,
    *cells(source, filters, words) {
      for (const row of definition.rows(source, filters)) yield columns.map((column) => column.value(row, words));
    },
    count: (source, filters) => definition.count?.(source, filters) ?? 0,
    totals,
    printed,
    printing: (source, filters, words) => printingOf({ key: definition.key, columns, printed, totals, rows: definition.rows, print: definition.print }, source, filters, words),
    describe: (filters, words, source) => [...periodWords(filters, words), ...(definition.describe?.(filters, words, source) ?? [])],
  };
}

/** A report's period in words, when its filters have one: both ends, one end, or none. */
export function periodWords(filters: unknown, words: Words): string[] {
  const { from, to } = (typeof filters === 'object' && filters !== null ? filters : {}) as { from?: unknown; to?: unknown };
  if (typeof from === 'string' && from && typeof to === 'string' && to) return [words.t('registers.period.between', { from: formatDay(from), to: formatDay(to) })];
  if (typeof from === 'string' && from) return [words.t('registers.period.from', { from: formatDay(from) })];
  if (typeof to === 'string' && to) return [words.t('registers.period.to', { to: formatDay(to) })];
  return [];
}

/** Rows a page at a time by keyset: `page(after)` returns up to `size` rows after the last one seen. */
export function* keysetPages<Row, Key>(page: (after: Key | null) => Row[], keyOf: (row: Row) => Key, size: number): Generator<Row> {
  let after: Key | null = null;
  for (;;) {
    const rows = page(after);
    yield* rows;
    const last = rows[rows.length - 1];
    if (rows.length < size || last === undefined) return;
    after = keyOf(last);
  }
}

/** How many rows a page reads: large enough to keep SQLite busy, small enough to stay out of the way. */
export const PAGE_SIZE = 500;

const OWN: Record<Language, Record<string, unknown>> = { sw: swRegisters, en: enRegisters };

function lookup(catalogue: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The words of a register in one language. Headings come from registers.json, read here directly so
 * that the export says them whichever catalogue files the shared translator merges; every other key
 * (statuses, categories…) is the shared translator's.
 */
export function wordsIn(language: Language): Words {
  const shared = translator(language);
  const own = OWN[language];
  const t: Translate = (key, params) => {
    const template = key.startsWith('registers.') ? lookup(own, key) : undefined;
    if (template === undefined) return shared(key, params);
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
  };
  return { t, language };
}

/** An enum value in words (`statuses.in_service` → "Kinatumika"); a value from a newer version reads as itself. */
export function term(words: Words, group: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${group}.${value}`;
  const text = words.t(key);
  return text === key ? value : text;
}

export function yesNo(words: Words, value: boolean): string {
  return words.t(value ? 'registers.yes' : 'registers.no');
}

/** The day of a stored timestamp as people in Dar es Salaam lived it. */
export function dayOf(iso: string): string {
  return workingDay(new Date(iso));
}

/** Built-in categories are named by the catalogues; an institution's own by the name it gave in that language. */
export function categoryName(words: Words, id: string, custom: { sw: string | null; en: string | null }): string {
  if ((BUILTIN_CATEGORIES as readonly string[]).includes(id)) return term(words, 'categories', id);
  const own = words.language === 'sw' ? custom.sw : custom.en;
  return own || custom.sw || custom.en || id;
}
