// Whether a typed asset tag format can be saved, by the core's own schema (db/assets/contract.ts): the
// settings screen greys out "save" rather than wait for a refusal. The preview is the core's formatTag.
import { TagFormatInput } from '../../../db/assets/contract.ts';

/** A format the core would take: {SEQ} keeps every tag unique, and it fits the register's column. */
export function isUsableFormat(format: string): boolean {
  return TagFormatInput.safeParse({ tag_format: format }).success;
}
