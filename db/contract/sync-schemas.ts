// Input schemas of sync between installations. Pure zod, shared with the window's forms.
import { z } from 'zod';
import { Id, optionalText, text } from './schemas.ts';

/** A bundle passed through the window: base64, up to about 50 MB. Larger ones go by the command line. */
export const BundleFile = z.object({
  name: text(200),
  base64: z.string().min(1, 'validation.required').max(70_000_000, 'validation.file-too-large'),
});
export const ExportInput = z.object({ peer_id: z.string().trim().max(64).nullable().default(null) });
/**
 * A long job's key, made by the window (random) so it can ask how far the job is, or stop it, before
 * the call running it returns. Kept here until a second area has long jobs.
 */
export const JobKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.invalid_format');
export const JobInput = z.object({ job: JobKey });
export const PreviewInput = z.object({ file: BundleFile, job: JobKey.optional() });
export const ImportBundleInput = z.object({ file: BundleFile, accept_new_peer: z.boolean().default(false), job: JobKey.optional() });
export const PeerIdInput = z.object({ peer_id: Id });
export const RenamePeerInput = z.object({ peer_id: Id, name: text(120) });
export const RecordWipeInput = z.object({ transfer_id: Id, note: optionalText(300) });
export const ResolveConflictInput = z.object({ conflict_id: Id, note: text(500) });
