// What the procedure tab works out for itself: which version is in force, which is still to come, and
// whether a chosen file can be the signed document (3.6.1) before it is sent to the core.
import type { z } from 'zod';
import { MAX_FILE_BYTES, MAX_FILE_MEGABYTES, type FileInput } from '../../../db/maintenance/contract.ts';
import { readAsBase64 } from '../../components/assets/download.ts';

/** The core's own limit on a stored file. */
export const MAX_DOCUMENT_MEGABYTES = MAX_FILE_MEGABYTES;

export type ProcedureStatus = 'in-force' | 'upcoming' | 'superseded';

/**
 * A version is in force when the core says so; one taking effect after today is still to come; any
 * other has been overtaken by a later version.
 */
export function procedureStatus(version: { id: string; effective_date: string }, inForceId: string | null, today: string): ProcedureStatus {
  if (version.id === inForceId) return 'in-force';
  return version.effective_date > today ? 'upcoming' : 'superseded';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; params?: Record<string, string | number> };

const PDF_MAGIC = '%PDF-';

/**
 * The signed document as the core takes it. A file that is not a PDF or is over the limit is refused
 * here with the core's own sentence, so nobody waits for 15 MB to travel only to be told so.
 */
export async function pdfDocument(file: Blob & { name: string }): Promise<Checked<z.input<typeof FileInput>>> {
  const problem = await documentProblem(file);
  if (problem) return { ok: false, ...problem };
  return { ok: true, value: { name: file.name, mime: 'application/pdf', base64: await readAsBase64(file) } };
}

/** What is wrong with a chosen file, without reading more than its first bytes; null when nothing. */
export async function documentProblem(file: Blob): Promise<{ message: string; params?: Record<string, string | number> } | null> {
  if (file.size === 0) return { message: 'errors.file-empty' };
  if (file.size > MAX_FILE_BYTES) return { message: 'errors.file-too-large', params: { megabytes: MAX_DOCUMENT_MEGABYTES } };
  const head = new Uint8Array(await file.slice(0, PDF_MAGIC.length).arrayBuffer());
  return String.fromCharCode(...head) === PDF_MAGIC ? null : { message: 'errors.document-not-pdf' };
}
