// Printed witnesses (issue 12): every printed form carries the head of the records at printing time —
// a short code a person can type, and a QR code a scanner reads — and "Check a printed page" says later
// whether this file still holds that head and whether the entries printed are unchanged. A signed
// paper in a drawer is then a witness the file cannot reach: a forger who rewrites and re-hashes the
// file changes every head after the change, and the paper still shows the old one.
import { createHash } from 'node:crypto';
import { hlcInstant } from '../journal/hlc.ts';
import { statement, type Store } from '../store/open.ts';

/** What a printed page witnesses. */
export interface Witness {
  /** The newest event when it was printed: its number in this file and its hash. */
  seq: number;
  hash: string;
  /** A digest of every event of the printed entries up to the head (empty when the form names none). */
  digest: string;
  entities: string[];
}

const QR_PREFIX = 'DAFTARI-W1';
/** A QR code holds the entries' ids only while it stays small enough to scan from a footer. */
export const MAX_ENTITIES = 4;

/** The events of `entities` (their own and those referring to them) written up to `seq`, in file order. */
function entityHashes(store: Store, entities: readonly string[], seq: number): string[] {
  const own = statement(store, 'SELECT seq, hash FROM journal WHERE entity = ? AND seq <= ?');
  const referring = statement(store, 'SELECT j.seq, j.hash FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = ? AND j.seq <= ?');
  const found = new Map<number, string>();
  for (const entity of entities) {
    for (const row of [...own.all(entity, seq), ...referring.all(entity, seq)] as { seq: number; hash: string }[]) found.set(row.seq, row.hash);
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, hash]) => hash);
}

function digestOf(hashes: readonly string[]): string {
  return createHash('sha256').update(hashes.join('\n')).digest('hex').slice(0, 12);
}

/** The witness of a form printed now, naming the entries it prints (a handover, a permit, a device). */
export function printWitness(store: Store, entities: readonly string[]): Witness | null {
  // The newest event of the records that travel: a sign-in or a bundle sent (local events) heads only
  // this installation's own chain, and a page headed by one would not witness the register it prints.
  const head = statement(store, "SELECT seq, hash FROM journal WHERE origin IN (SELECT origin FROM origins WHERE scope = 'shared') ORDER BY seq DESC LIMIT 1").get() as
    | { seq: number; hash: string }
    | undefined;
  if (!head) return null;
  return witnessAt(store, head, entities);
}

/**
 * The witness of a form fixed at one event rather than at the newest: a pack frozen when it was submitted
 * (db/disposal/pack-form.ts) names the submission as its head, so it is the same bytes whenever printed.
 */
export function witnessAt(store: Store, head: { seq: number; hash: string }, entities: readonly string[]): Witness {
  const named = entities.length <= MAX_ENTITIES ? [...new Set(entities)] : [];
  return { seq: head.seq, hash: head.hash, digest: named.length > 0 ? digestOf(entityHashes(store, named, head.seq)) : '', entities: named };
}

/** The code printed under the QR code: the head's number and the first 16 hex of its hash, in groups. */
export function witnessCode(witness: Pick<Witness, 'seq' | 'hash'>): string {
  const h = witness.hash;
  return `${witness.seq}-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}`;
}

/** Hex digits of the head's hash the QR code holds: 96 bits, and a symbol small enough for a footer. */
const QR_HASH = 24;

/**
 * What the QR code holds: the head, the entries' digest and their ids, in capitals, so that the whole
 * text is in QR's alphanumeric mode and the symbol stays small enough to print in a footer.
 */
export function witnessQrText(witness: Witness): string {
  return [QR_PREFIX, witness.seq, witness.hash.slice(0, QR_HASH), witness.digest || '-', witness.entities.join(',') || '-'].join(' ').toUpperCase();
}

/** A witness as given back: `hash` is the start of the head's hash (16 hex typed, 24 scanned). */
type Parsed = { seq: number; hash: string; full: boolean; digest: string; entities: string[] };

/** A typed code or a scanned QR text, as a person or a scanner gives it; null when it is neither. */
export function parseWitness(text: string): Parsed | null {
  const trimmed = text.trim();
  if (trimmed.toUpperCase().startsWith(QR_PREFIX)) {
    // Ids and hashes are kept in small letters; the QR code carries them in capitals.
    const [, seq, hash, digest, entities] = trimmed.toLowerCase().split(/\s+/);
    if (!seq || !/^\d+$/.test(seq) || !hash || !/^[0-9a-f]{24}$/.test(hash) || !digest || !entities) return null;
    return { seq: Number(seq), hash, full: true, digest: digest === '-' ? '' : digest, entities: entities === '-' ? [] : entities.split(',') };
  }
  const code = /^(\d+)[\s-]*([0-9a-f]{4})[\s-]*([0-9a-f]{4})[\s-]*([0-9a-f]{4})[\s-]*([0-9a-f]{4})$/i.exec(trimmed);
  if (!code) return null;
  return { seq: Number(code[1]), hash: code.slice(2, 6).join('').toLowerCase(), full: false, digest: '', entities: [] };
}

export interface PageCheck {
  /** `held`: the file holds the head printed; `not-held`: it does not — it has been rewritten or cut since. */
  head: 'held' | 'not-held';
  /** When the head was written (ISO UTC), if held. */
  printed_at: string | null;
  /** `unchanged` / `changed`: the printed entries' events; `not-checked`: a typed code carries no digest. */
  entries: 'unchanged' | 'changed' | 'not-checked';
  entities: number;
}

/** Checks a printed page's code against this file. */
export function checkPage(store: Store, parsed: Parsed): PageCheck {
  const row = statement(store, 'SELECT hash, hlc FROM journal WHERE seq = ?').get(parsed.seq) as { hash: string; hlc: string } | undefined;
  const held = row !== undefined && row.hash.startsWith(parsed.hash);
  let entries: PageCheck['entries'] = 'not-checked';
  if (parsed.full && parsed.digest) entries = digestOf(entityHashes(store, parsed.entities, parsed.seq)) === parsed.digest ? 'unchanged' : 'changed';
  return { head: held ? 'held' : 'not-held', printed_at: held && row ? hlcInstant(row.hlc) : null, entries, entities: parsed.entities.length };
}
