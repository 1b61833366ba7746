// The printed log book as the window asks for it (3.6.4): a device's page, and the institution's book
// for a period. Both are the log book report printed by the one engine (log-book-sheet.ts declares it,
// log-book-print.ts lays it out as the paper book); here they get the file names the ICT office files
// them under. A period's book is a long job the window follows and may stop.
import type { z } from 'zod';
import { findAsset } from '../assets/queries.ts';
import { translator } from '../contract/catalogues/index.ts';
import type { CallContext } from '../core/context.ts';
import type { JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { safeFilename, type PrintedDocument } from '../documents/pdf.ts';
import { exportRegister } from '../registers/export.ts';
import type { LogBookPageInput, LogBookPeriodInput } from './contract.ts';

export async function logBookPage(ctx: CallContext, input: z.output<typeof LogBookPageInput>): Promise<PrintedDocument> {
  const asset = findAsset(ctx.store, input.asset_id) ?? refuse('asset-not-found');
  const file = await exportRegister(ctx, { register: 'log-book', format: 'pdf', language: input.language, filters: { from: '', to: '', asset_id: asset.id } });
  const t = translator(input.language);
  return { filename: safeFilename(t('documents.log-book.filename', { tag: asset.tag })), mime: 'application/pdf', base64: file.base64 };
}

export async function logBookPeriod(ctx: CallContext, input: z.output<typeof LogBookPeriodInput>, job: JobHandle): Promise<PrintedDocument> {
  const file = await exportRegister(ctx, { register: 'log-book', format: 'pdf', language: input.language, filters: { from: input.from, to: input.to } }, { job });
  const t = translator(input.language);
  return { filename: safeFilename(t('documents.period.filename', { from: input.from, to: input.to })), mime: 'application/pdf', base64: file.base64 };
}
