// The live preview of an asset tag format, with the core's own rule (db/contract/register-schemas.ts).
import { formatTag } from '../../../db/contract/register-schemas.ts';

export { TAG_PLACEHOLDERS } from '../../../db/contract/register-schemas.ts';

export const previewTag = formatTag;

/** A format the core would take: {SEQ} keeps every tag unique. */
export function isUsableFormat(format: string): boolean {
  const trimmed = format.trim();
  return trimmed.length > 0 && trimmed.length <= 60 && trimmed.includes('{SEQ}');
}
