// The frozen snapshot's order and fingerprint, shared by the opening and by `verify`: rows in tag order
// (then by device, for tags a merge made twice), and the SHA-256 of their canonical JSON.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../journal/hash.ts';
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
  // The array's canonical text, `[` rows joined by `,` `]`, hashed a thousand rows at a time: the same
  // digest as of the whole text, without holding tens of megabytes of it at once.
  const digest = createHash('sha256');
  for (let start = 0; start < rows.length; start += 1000) {
    let text = start === 0 ? '[' : ',';
    for (let i = start; i < Math.min(rows.length, start + 1000); i += 1) text += (i === start ? '' : ',') + canonicalJson(rows[i]);
    digest.update(text);
  }
  digest.update(rows.length === 0 ? '[]' : ']');
  return digest.digest('hex');
}
