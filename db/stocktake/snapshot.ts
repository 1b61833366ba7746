// The frozen snapshot's order and fingerprint, shared by the opening and by `verify`: rows in tag order
// (then by device, for tags a merge made twice), and the SHA-256 of their canonical JSON.
import { canonicalJson, sha256Hex } from '../journal/hash.ts';
import { binaryOrder } from '../journal/project.ts';
import type { ExpectedRow } from './events.ts';

export function inTagOrder(rows: ExpectedRow[]): ExpectedRow[] {
  return rows.sort((a, b) => binaryOrder(a.tag, b.tag) || binaryOrder(a.asset_id, b.asset_id));
}

/**
 * The SHA-256 of the rows' canonical JSON; the rows must already be in tag order and hold exactly the
 * expected row's fields (as the opening's query, the events' parsed payloads and the table's select
 * give them): a member added to a row changes the hash, which is what `verify` wants to see.
 */
export function snapshotHash(rows: readonly ExpectedRow[]): string {
  return sha256Hex(canonicalJson(rows));
}
