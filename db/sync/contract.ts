// Input schemas of sync between installations. Pure zod, shared with the window's forms. Every input
// is strict: a field nobody defined is refused by name rather than dropped unseen.
import { z } from 'zod';
import { Id, NullableId, multilineText, optionalMultilineText, safeString, text } from '../contract/inputs.ts';
import { JobKey } from '../jobs/contract.ts';

/** A bundle passed through the window: base64, up to about 50 MB. Larger ones go by the command line. */
export const BundleFile = z.strictObject({
  name: text(200),
  base64: safeString().min(1, 'validation.required').max(70_000_000, 'validation.file-too-large'),
});
export const ExportInput = z.strictObject({ peer_id: NullableId, job: JobKey.optional() });
export const PreviewInput = z.strictObject({ file: BundleFile, job: JobKey.optional() });
export const ImportBundleInput = z.strictObject({ file: BundleFile, accept_new_peer: z.boolean().default(false), job: JobKey.optional() });
export const PeerIdInput = z.strictObject({ peer_id: Id });
export const RenamePeerInput = z.strictObject({ peer_id: Id, name: text(120) });
/** The fingerprint the administrator checked with that office, as shown (groups of four hex digits). */
export const TrustPeerAgainInput = z.strictObject({ peer_id: Id, fingerprint: text(80) });
export const RecordWipeInput = z.strictObject({ transfer_id: Id, note: optionalMultilineText(300) });
export const ResolveConflictInput = z.strictObject({ conflict_id: Id, note: multilineText(500) });
export const ConflictIdInput = z.strictObject({ conflict_id: Id });
