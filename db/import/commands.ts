// Preview and commit of a register import. Both run every row through `registerAsset` itself inside
// one transaction: the commit keeps it, the preview rolls it back. The preview's verdict and the
// commit's checks are therefore the same code, and a refused row in the commit undoes every row.
import type { z } from 'zod';
import { registerAsset } from '../assets/commands.ts';
import { findAssetBySerial, findAssetByTag } from '../assets/queries.ts';
import { REQUIRED_IMPORT_FIELDS, type ImportCommitInput, type ImportField, type ImportMapping, type ImportPreviewInput } from '../contract/import-schemas.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import { canonicalJson } from '../journal/hash.ts';
import { transaction, type Store } from '../store/open.ts';
import { headerSetKey, suggestMapping, unknownColumns } from './mapping.ts';
import { rememberedMapping } from './queries.ts';
import { readSpreadsheet, type Sheet } from './read.ts';
import { cellText } from './values.ts';
import { cellIn, fieldOfPath, loadLookups, prepareRows, rowError, type PreparedRow, type Registration, type RowError } from './rows.ts';

export type MappingSource = 'given' | 'remembered' | 'suggested';

export interface ImportPreview {
  sheets: string[];
  /** The worksheet read; '' for CSV. */
  sheet: string;
  headers: string[];
  mapping: ImportMapping;
  mapping_source: MappingSource;
  /** Fields every device needs that no column feeds yet. */
  unmapped_required: ImportField[];
  rows: { total: number; valid: number; invalid: number };
  invalid_rows: { row: number; errors: RowError[] }[];
  /** The first rows as they would be registered, with the tag each would get. */
  sample: { row: number; tag: string | null; values: Registration | null }[];
}

export interface ImportSummary {
  imported: number;
  first_tag: string;
  last_tag: string;
}

const SAMPLE_SIZE = 20;

async function readInput(input: { file: { name: string; base64: string }; sheet?: string | undefined }) {
  return readSpreadsheet({ name: input.file.name, bytes: Buffer.from(input.file.base64, 'base64') }, input.sheet);
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

/**
 * Registers each row that converted cleanly, in file order, each in its own savepoint: a refusal
 * (serial already registered, person no longer active…) becomes the row's error and the rest go on.
 * Returns the tags given, in file order. Call inside a transaction.
 */
function rehearse(ctx: CallContext, sheet: Sheet, mapping: ImportMapping, prepared: PreparedRow[]): Map<number, string> {
  const tags = new Map<number, string>();
  for (const row of prepared) {
    if (!row.input) continue;
    try {
      tags.set(row.row, registerAsset(ctx, row.input).tag);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const [path, key] = Object.entries(error.value.fields ?? {})[0] ?? ['_', error.value.message];
      row.errors.push(rowError(sheet, mapping, row.cells, fieldOfPath([path]), key, error.value.params));
    }
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
    if (holder) row.errors.push(rowError(sheet, mapping, row.cells, 'serial', 'errors.serial-taken', { serial, tag: holder.tag }));
    const tag = flagged.has('tag') ? '' : cellText(cellIn(sheet, mapping, row.cells, 'tag'));
    if (tag && findAssetByTag(ctx.store, tag)) row.errors.push(rowError(sheet, mapping, row.cells, 'tag', 'errors.tag-taken', { tag }));
  }
}

class RolledBack extends Error {
  constructor() {
    super('preview rolled back');
  }
}

/** Runs `work` in a write transaction and always rolls it back: the preview writes nothing. */
function rolledBack<T>(store: Store, work: () => T): T {
  let outcome: { value: T } | undefined;
  try {
    transaction(store, () => {
      outcome = { value: work() };
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return (outcome as { value: T }).value;
}

export async function previewImport(ctx: CallContext, input: z.output<typeof ImportPreviewInput>): Promise<ImportPreview> {
  const { sheets, sheet } = await readInput(input);
  const remembered = input.mapping ? undefined : onHeaders(rememberedMapping(ctx.store, headerSetKey(sheet.headers)), sheet.headers);
  const mapping = input.mapping ?? remembered ?? suggestMapping(sheet.headers);
  const source: MappingSource = input.mapping ? 'given' : remembered ? 'remembered' : 'suggested';
  refuseUnknownColumns(mapping, sheet.headers);

  const { prepared, tags } = rolledBack(ctx.store, () => {
    const rows = prepareRows(loadLookups(ctx.store), sheet, mapping);
    flagRegistered(ctx, sheet, mapping, rows);
    return { prepared: rows, tags: rehearse(ctx, sheet, mapping, rows) };
  });
  const invalid = prepared.filter((row) => row.errors.length > 0);
  return {
    sheets,
    sheet: sheet.name,
    headers: sheet.headers,
    mapping,
    mapping_source: source,
    unmapped_required: REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined),
    rows: { total: prepared.length, valid: prepared.length - invalid.length, invalid: invalid.length },
    invalid_rows: invalid.map((row) => ({ row: row.row, errors: row.errors })),
    sample: prepared.slice(0, SAMPLE_SIZE).map((row) => ({
      row: row.row,
      tag: tags.get(row.row) ?? null,
      values: row.errors.length === 0 ? row.input : null,
    })),
  };
}

/** Remembers the mapping for these headings, unless it is already what is remembered. */
function remember(ctx: CallContext, headers: readonly string[], mapping: ImportMapping): void {
  const key = headerSetKey(headers);
  const current = rememberedMapping(ctx.store, key);
  if (current && canonicalJson(current) === canonicalJson(mapping)) return;
  command(ctx, actorOf(signedIn(ctx)), () => ({
    events: [{ type: 'import.mapping-remembered', entity: key, payload: { headers: [...headers], mapping } }],
    result: null,
  }));
}

/**
 * Registers every row or none. The file is read and checked again here, not trusted from the preview:
 * the register may have changed in between, and then the commit refuses with the count of rows at fault.
 */
export async function commitImport(ctx: CallContext, input: z.output<typeof ImportCommitInput>): Promise<ImportSummary> {
  const { sheet } = await readInput(input);
  refuseUnknownColumns(input.mapping, sheet.headers);
  if (sheet.rows.length === 0) refuse('file-empty');
  return transaction(ctx.store, () => {
    const prepared = prepareRows(loadLookups(ctx.store), sheet, input.mapping);
    flagRegistered(ctx, sheet, input.mapping, prepared);
    const tags = rehearse(ctx, sheet, input.mapping, prepared);
    const invalid = prepared.filter((row) => row.errors.length > 0);
    if (invalid.length > 0) refuse('import-has-errors', { count: invalid.length, row: (invalid[0] as PreparedRow).row });
    remember(ctx, sheet.headers, input.mapping);
    const given = [...tags.values()];
    return { imported: given.length, first_tag: given[0] as string, last_tag: given[given.length - 1] as string };
  });
}
