// Preview and commit of a register import. Both run every row through `registerAsset` itself inside
// one transaction: the commit keeps it, the preview rolls it back. The preview's verdict and the
// commit's checks are therefore the same code, and a refused row in the commit undoes every row
// (unless the user chose to leave the rows in error out). Entries the register names but the
// installation lacks are made in that same transaction. Each is a long job (a ministry's register is
// tens of thousands of rows): it pauses between chunks of rows to say how far it is, and a stop rolls
// the whole transaction back.
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { registerAsset } from '../assets/commands.ts';
import { findAssetBySerial, findAssetByTag } from '../assets/queries.ts';
import { translator } from '../contract/catalogues/index.ts';
import {
  type ImportCommitInput,
  type ImportField,
  type ImportMapping,
  type ImportPreviewInput,
  type ImportRejectsInput,
  REQUIRED_IMPORT_FIELDS,
  type ValueChoice,
  type ValueField,
} from './contract.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { jobTransaction, stepper, type JobHandle } from '../core/jobs.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import { canonicalJson } from '../journal/hash.ts';
import { emit } from '../journal/types.ts';
import { mappingRemembered } from './events.ts';
import type { Store } from '../store/open.ts';
import { applyChoices, loadDirectory, resolverOf, unmatchedValues, type UnmatchedValue } from './choices.ts';
import { fieldOfHeading, headerSetKey, suggestMapping, unknownColumns, unmappedLookalikes } from './mapping.ts';
import { remembered as rememberedFor, type Remembered } from './queries.ts';
import { findHeaderRow, headingScore, readSpreadsheet, sheetAt, topRows, type Cell, type ReadResult, type Sheet } from './read.ts';
import { cellIn, fieldOfPath, prepareRows, rowError, type PreparedRow, type Registration, type RowError } from './rows.ts';
import { splitRows, type SkippedRow } from './skipped.ts';
import { cellText } from './values.ts';

export type MappingSource = 'given' | 'remembered' | 'suggested';

export interface ImportPreview {
  sheets: string[];
  /** The worksheet read; '' for CSV. */
  sheet: string;
  /** The row that holds the headings, and the first rows of the sheet to choose it from. */
  header_row: number;
  top_rows: { row: number; text: string }[];
  headers: string[];
  mapping: ImportMapping;
  mapping_source: MappingSource;
  /** Fields every device needs that no column feeds yet. */
  unmapped_required: ImportField[];
  /** Columns left unused whose heading names a field no column feeds. */
  lookalikes: { column: string; field: ImportField }[];
  rows: { total: number; valid: number; invalid: number; skipped: number };
  invalid_rows: { row: number; errors: RowError[] }[];
  /** Lines that are not devices (blank, footer, total), left out of the count. */
  skipped_rows: SkippedRow[];
  /** Devices on rows hidden in Excel, read like the rest: how many, and the first of them. */
  hidden_rows: { count: number; rows: number[] };
  /** Values that match no entry, each once, with what the commit will do with it. */
  values: UnmatchedValue[];
  /** Entries a value can be mapped to (people: the suggestions only). */
  entries: Record<Exclude<ValueField, 'custodian'>, { id: string; label: string }[]>;
  /** Whether this user may have a category made (administrators, as for `categories.create`). */
  can_create_categories: boolean;
  /** The first rows as they would be registered, with the tag each would get. */
  sample: { row: number; tag: string | null; values: Registration | null }[];
}

export interface ImportSummary {
  imported: number;
  first_tag: string;
  last_tag: string;
  /** Rows in error the user chose to leave out. */
  left_out: number;
  created: Record<ValueField, number>;
}

const SAMPLE_SIZE = 20;

type Source = { file: { name: string; base64: string }; sheet?: string | undefined; header_row?: number | undefined };

const recognised = (heading: string) => fieldOfHeading(heading) !== undefined;

/** The file as read; of a workbook, the sheet chosen, else the one whose headings have a mapping remembered, else the one naming most fields. */
async function readInput(store: Store, input: Source): Promise<ReadResult> {
  const known = (headers: string[]) => rememberedFor(store, headerSetKey(headers)) !== undefined;
  return readSpreadsheet({ name: input.file.name, bytes: Buffer.from(input.file.base64, 'base64') }, input.sheet, (grid) => headingScore(grid, recognised, known));
}

function refuseUnknownColumns(mapping: ImportMapping, headers: readonly string[]): void {
  const [missing] = unknownColumns(mapping, headers);
  if (missing !== undefined) refuse('import-column-not-found', { column: missing });
}

/** A remembered mapping put onto this file's headings, whose case may have changed since. */
function onHeaders(mapping: ImportMapping | undefined, headers: readonly string[]): ImportMapping | undefined {
  if (!mapping) return undefined;
  const byLower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const placed: ImportMapping = {};
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    const present = byLower.get(header.toLowerCase());
    if (present === undefined) return undefined;
    placed[field] = present;
  }
  return placed;
}

/** The table of the file: the heading row chosen, found by content, or the one a remembered mapping knows. */
function tableOf(store: Store, read: ReadResult, chosen: number | undefined): { sheet: Sheet; kept: Remembered | undefined } {
  const header = findHeaderRow(read.grid, {
    chosen,
    known: (headers) => rememberedFor(store, headerSetKey(headers)) !== undefined,
    recognised,
  });
  const sheet = sheetAt(read.name, read.grid, header);
  return { sheet, kept: rememberedFor(store, headerSetKey(sheet.headers)) };
}

/**
 * Registers each row that converted cleanly, in file order, each in its own savepoint: a refusal
 * (serial already registered, person no longer active…) becomes the row's error and the rest go on.
 * Returns the tags given, in file order. Call inside a transaction.
 */
async function rehearse(ctx: CallContext, sheet: Sheet, mapping: ImportMapping, prepared: PreparedRow[], step: (done: number) => Promise<void> | undefined): Promise<Map<number, string>> {
  const tags = new Map<number, string>();
  let done = 0;
  for (const row of prepared) {
    done += 1;
    if (row.input) {
      try {
        tags.set(row.row, registerAsset(ctx, row.input).tag);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        const [path, key] = Object.entries(error.value.fields ?? {})[0] ?? ['_', error.value.message];
        row.errors.push(rowError(sheet, mapping, row.cells, fieldOfPath([path]), key, error.value.params, row.row));
        row.input = null;
      }
    }
    await step(done);
  }
  return tags;
}

/**
 * Rows that stay out of the rehearsal (they have errors of their own) are still told now if their
 * serial or tag is already registered, so that one round of corrections is enough.
 */
function flagRegistered(ctx: CallContext, sheet: Sheet, mapping: ImportMapping, prepared: PreparedRow[]): void {
  for (const row of prepared) {
    if (row.input) continue;
    const flagged = new Set(row.errors.map((e) => e.field));
    const serial = flagged.has('serial') ? '' : cellText(cellIn(sheet, mapping, row.cells, 'serial'));
    const holder = serial ? findAssetBySerial(ctx.store, serial) : undefined;
    if (holder) row.errors.push(rowError(sheet, mapping, row.cells, 'serial', 'errors.serial-taken', { serial, tag: holder.tag }, row.row));
    const tag = flagged.has('tag') ? '' : cellText(cellIn(sheet, mapping, row.cells, 'tag'));
    if (tag && findAssetByTag(ctx.store, tag)) row.errors.push(rowError(sheet, mapping, row.cells, 'tag', 'errors.tag-taken', { tag }, row.row));
  }
}

interface Examined {
  sheet: Sheet;
  mapping: ImportMapping;
  skipped: SkippedRow[];
  values: UnmatchedValue[];
  prepared: PreparedRow[];
  tags: Map<number, string>;
  created: Record<ValueField, number>;
}

/**
 * Everything short of keeping it: entries made for unknown values, rows converted and registered.
 * Call inside a job's transaction. `rehearsal` lets a category still waiting for the user's choice
 * stand as "other", so that the preview can still judge the rest of its rows. The job is told it is
 * `reading`, then how many rows it has checked (`checking`) or registered (`registering`).
 */
async function examine(
  ctx: CallContext,
  job: JobHandle,
  sheet: Sheet,
  mapping: ImportMapping,
  given: readonly ValueChoice[],
  kept: Remembered | undefined,
  rehearsal: boolean,
  language: 'sw' | 'en' = 'sw',
): Promise<Examined> {
  // Reading the rows is told as one phase of no particular length; registering them is counted.
  const reading = stepper(job, 'reading', 0);
  const { data, skipped } = await splitRows(sheet, mapping, reading);
  const directory = loadDirectory(ctx.store, language);
  const values = await unmatchedValues(directory, sheet, data, mapping, given, kept?.values ?? [], reading);
  const waiting = values.filter((v) => v.choice === null);
  if (!rehearsal && waiting.length > 0) refuse('import-values-unresolved', { count: waiting.length, value: (waiting[0] as UnmatchedValue).value });
  const applied = applyChoices(ctx, values, sheet, data, mapping);
  const prepared = await prepareRows(resolverOf(directory, applied, rehearsal ? 'other' : null), sheet, data, mapping, reading);
  flagRegistered(ctx, sheet, mapping, prepared);
  const tags = await rehearse(ctx, sheet, mapping, prepared, stepper(job, rehearsal ? 'checking' : 'registering', prepared.length));
  return { sheet, mapping, skipped, values, prepared, tags, created: applied.created };
}

function languageOf(input: { language?: 'sw' | 'en' | undefined }): 'sw' | 'en' {
  return input.language ?? 'sw';
}

export async function previewImport(ctx: CallContext, input: z.output<typeof ImportPreviewInput>, job: JobHandle): Promise<ImportPreview> {
  job.report(0, 0, 'reading');
  const read = await readInput(ctx.store, input);
  const { sheet, kept } = tableOf(ctx.store, read, input.header_row);
  const remembered = input.mapping ? undefined : onHeaders(kept?.mapping, sheet.headers);
  const sample = sheet.rows.slice(0, 50).map((r) => r.cells);
  const mapping = input.mapping ?? remembered ?? suggestMapping(sheet.headers, sample);
  const source: MappingSource = input.mapping ? 'given' : remembered ? 'remembered' : 'suggested';
  refuseUnknownColumns(mapping, sheet.headers);

  // A dry run: the rehearsal is rolled back whatever happens.
  const result = await jobTransaction(ctx.store, () => examine(ctx, job, sheet, mapping, input.values ?? [], kept, true), false);
  const directory = loadDirectory(ctx.store);
  const invalid = result.prepared.filter((row) => row.errors.length > 0);
  const pick = (field: Exclude<ValueField, 'custodian'>) => directory.entries[field].map(({ id, label }) => ({ id, label }));
  return {
    sheets: read.sheets,
    sheet: sheet.name,
    header_row: sheet.header_row,
    top_rows: topRows(read.grid),
    headers: sheet.headers,
    mapping,
    mapping_source: source,
    unmapped_required: REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined),
    lookalikes: unmappedLookalikes(sheet.headers, mapping, sample),
    rows: { total: result.prepared.length, valid: result.prepared.length - invalid.length, invalid: invalid.length, skipped: result.skipped.length },
    invalid_rows: invalid.map((row) => ({ row: row.row, errors: row.errors })),
    skipped_rows: result.skipped,
    hidden_rows: hiddenDevices(read, result.prepared),
    values: result.values,
    entries: { category: pick('category'), location: pick('location'), department: pick('department') },
    can_create_categories: signedIn(ctx).roles.includes('admin'),
    sample: result.prepared.slice(0, SAMPLE_SIZE).map((row) => ({
      row: row.row,
      tag: result.tags.get(row.row) ?? null,
      values: row.errors.length === 0 ? row.input : null,
    })),
  };
}

/**
 * Rows hidden in Excel are often filtered out, sometimes devices hidden rather than deleted (sold,
 * lost): either way they are in the file and are read, and the preview says which, so that nobody
 * imports a device they could not see.
 */
function hiddenDevices(read: ReadResult, prepared: readonly PreparedRow[]): { count: number; rows: number[] } {
  const hidden = new Set(read.hidden);
  const rows = prepared.filter((row) => hidden.has(row.row)).map((row) => row.row);
  return { count: rows.length, rows: rows.slice(0, 20) };
}

/** The answers worth keeping: those the user gave or confirmed, not the defaults. */
function answersToKeep(values: readonly UnmatchedValue[]): ValueChoice[] {
  return values.filter((v) => v.choice && (v.source === 'given' || v.source === 'remembered')).map((v) => v.choice as ValueChoice);
}

/** Remembers the mapping (with the chosen heading row and the answers) for these headings, unless unchanged. */
function remember(ctx: CallContext, sheet: Sheet, mapping: ImportMapping, headerRow: number | undefined, values: ValueChoice[]): void {
  const key = headerSetKey(sheet.headers);
  const payload = { headers: [...sheet.headers], mapping, ...(headerRow !== undefined ? { header_row: headerRow } : {}), ...(values.length > 0 ? { values } : {}) };
  const current = rememberedFor(ctx.store, key);
  const same = current && canonicalJson({ m: current.mapping, h: current.header_row ?? null, v: current.values }) === canonicalJson({ m: mapping, h: headerRow ?? null, v: values });
  if (same) return;
  command(ctx, actorOf(signedIn(ctx)), () => ({ events: [emit(mappingRemembered, key, payload)], result: null }));
}

/**
 * Registers every row or none; or, when the user chose to leave the rows in error out, every other
 * row. The file is read and checked again here, not trusted from the preview: the register may have
 * changed in between, and then the commit refuses with the count of rows at fault.
 */
export async function commitImport(ctx: CallContext, input: z.output<typeof ImportCommitInput>, job: JobHandle): Promise<ImportSummary> {
  job.report(0, 0, 'reading');
  const read = await readInput(ctx.store, input);
  const { sheet, kept } = tableOf(ctx.store, read, input.header_row);
  refuseUnknownColumns(input.mapping, sheet.headers);
  return jobTransaction(ctx.store, async () => {
    const result = await examine(ctx, job, sheet, input.mapping, input.values, kept, false);
    const invalid = result.prepared.filter((row) => row.errors.length > 0);
    if (result.prepared.length === 0) refuse('file-empty');
    if (invalid.length > 0 && (!input.leave_out_invalid || invalid.length === result.prepared.length)) {
      refuse('import-has-errors', { count: invalid.length, row: (invalid[0] as PreparedRow).row });
    }
    remember(ctx, sheet, input.mapping, input.header_row, answersToKeep(result.values));
    const given = [...result.tags.values()];
    return { imported: given.length, first_tag: given[0] as string, last_tag: given[given.length - 1] as string, left_out: invalid.length, created: result.created };
  });
}

/** Excel will not open a workbook with a cell over 32,767 characters; a longer one is cut, and its error says so. */
const EXCEL_CELL_LIMIT = 32_767;

function excelSafe(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  return typeof cell === 'string' && cell.length > EXCEL_CELL_LIMIT ? cell.slice(0, EXCEL_CELL_LIMIT) : cell;
}

export interface RejectsFile {
  filename: string;
  mime: string;
  base64: string;
}

/**
 * The rows in error as a workbook of the same columns, with the row they came from and what is wrong
 * in the user's language, to correct and import again.
 */
export async function rejectedRows(ctx: CallContext, input: z.output<typeof ImportRejectsInput>, job: JobHandle): Promise<RejectsFile> {
  job.report(0, 0, 'reading');
  const read = await readInput(ctx.store, input);
  const { sheet, kept } = tableOf(ctx.store, read, input.header_row);
  refuseUnknownColumns(input.mapping, sheet.headers);
  const language = languageOf(input);
  const result = await jobTransaction(ctx.store, () => examine(ctx, job, sheet, input.mapping, input.values, kept, true, language), false);
  const t = translator(language);
  const book = new ExcelJS.Workbook();
  const out = book.addWorksheet(t('import.rejects.sheet').slice(0, 31));
  const header = out.addRow([...sheet.headers, t('import.rejects.errors'), t('import.rejects.row')]);
  header.font = { bold: true };
  for (const row of result.prepared.filter((r) => r.errors.length > 0)) {
    const errors = row.errors.map((e) => `${t(`import.fields.${e.field}`)}: ${t(e.message, e.params)}`).join('; ');
    out.addRow([...row.cells.map(excelSafe), errors, row.row]);
  }
  out.getColumn(sheet.headers.length + 1).width = 60;
  const base = input.file.name.replace(/\.[a-z0-9]+$/i, '');
  return {
    filename: `${base}-${t('import.rejects.suffix')}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
  };
}

