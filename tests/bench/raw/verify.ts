// Raw baseline of verify: read every journal row in chain order, canonicalize each event (the payload
// parsed, then RFC 8785 over the hashed fields, as db/journal/hash.ts defines the hash) and SHA-256 it.
// Counts the events whose hash differs, so the work cannot be optimised away and a broken copy shows.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { openRaw } from './sqlite.ts';

type Row = [origin: string, origin_seq: number, hlc: string, actor: string, type: string, entity: string, payload: string, prev_hash: string, hash: string];

export function rawVerify(sourcePath: string): { events: number; mismatches: number } {
  const sqlite = openRaw(sourcePath);
  let events = 0;
  let mismatches = 0;
  try {
    const rows = sqlite.prepare('SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal ORDER BY origin, origin_seq').raw();
    for (const [origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash] of rows.iterate() as IterableIterator<Row>) {
      const body = canonicalize({ origin, origin_seq, hlc, actor, type, entity, payload: JSON.parse(payload) as unknown, prev_hash }) as string;
      if (createHash('sha256').update(body, 'utf8').digest('hex') !== hash) mismatches += 1;
      events += 1;
    }
  } finally {
    sqlite.close();
  }
  return { events, mismatches };
}
