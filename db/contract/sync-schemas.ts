// Input schemas of sync between installations. Pure zod, shared with the window's forms.
import { z } from 'zod';
import { Id, optionalText, text } from './schemas.ts';

/** A bundle passed through the window: base64, up to about 50 MB. Larger ones go by the command line. */
export const BundleFile = z.object({
  name: text(200),
  base64: z.string().min(1, 'validation.required').max(70_000_000, 'validation.file-too-large'),
});
export const ExportInput = z.object({ peer_id: z.string().trim().max(64).nullable().default(null) });
export const PreviewInput = z.object({ file: BundleFile });
export const ImportBundleInput = z.object({ file: BundleFile, accept_new_peer: z.boolean().default(false) });
export const PeerIdInput = z.object({ peer_id: Id });
export const RenamePeerInput = z.object({ peer_id: Id, name: text(120) });
export const RecordWipeInput = z.object({ transfer_id: Id, note: optionalText(300) });
export const ResolveConflictInput = z.object({ conflict_id: Id, note: text(500) });
