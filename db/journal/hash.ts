// The journal's hash rule (docs/journal.md): SHA-256 over the RFC 8785 canonical JSON of the event.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JournalRow } from '../store/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Every column of the event but its arrival number and its own hash; `payload` as the parsed JSON value. */
export type HashedFields = Omit<JournalRow, 'seq' | 'hash' | 'payload'> & { payload: unknown };

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

export function eventHash(fields: HashedFields): string {
  const body = canonicalJson({
    origin: fields.origin,
    origin_seq: fields.origin_seq,
    hlc: fields.hlc,
    actor: fields.actor,
    type: fields.type,
    entity: fields.entity,
    payload: fields.payload,
    prev_hash: fields.prev_hash,
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
