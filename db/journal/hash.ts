// The journal's hash rule (docs/journal.md): SHA-256 over the RFC 8785 canonical JSON of the event.
// The canonical text of an event is assembled from its fields, the payload's canonical text written
// once: bulk paths (a bundle's events, verify, export) already hold that text and never build it again.
import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JournalRow } from '../store/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Every column of the event but its arrival number and its own hash; `payload` as the parsed JSON value. */
export type HashedFields = Omit<JournalRow, 'seq' | 'hash' | 'payload'> & { payload: unknown };

/** The hashed fields with the payload as its canonical text, as the journal stores it. */
export type StoredFields = Omit<JournalRow, 'seq' | 'hash'>;

/** What JSON escapes in a string, and what may be a lone surrogate: text without any is written as it is. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON escapes
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A JSON string as RFC 8785 writes it (ECMAScript's own string form); a lone surrogate has no JSON form. */
function jsonString(value: string): string {
  if (!NEEDS_CARE.test(value)) return `"${value}"`;
  if (LONE_SURROGATE.test(value)) throw new Error('value has no JSON form');
  return JSON.stringify(value);
}

/**
 * RFC 8785 for what JSON.parse gives and commands build (plain objects, arrays, strings, finite numbers,
 * booleans, null), written directly; anything else (a value with toJSON, a class instance) goes to the
 * reference implementation. Members sort by UTF-16 code units, as Array.prototype.sort compares them.
 */
function canonicalOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('value has no JSON form');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + (canonicalOf(value[i]) ?? 'null');
        return `${text}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if ((prototype !== Object.prototype && prototype !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalize(value);
      const record = value as Record<string, unknown>;
      let text = '{';
      let first = true;
      for (const key of Object.keys(record).sort()) {
        const member = canonicalOf(record[key]);
        if (member === undefined) continue;
        text += `${first ? '' : ','}${jsonString(key)}:${member}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      // undefined, functions, symbols: no JSON form; a member holding one is left out, as JSON.stringify does.
      return undefined;
  }
}

export function canonicalJson(value: unknown): string {
  const text = canonicalOf(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

/**
 * The canonical text of the hashed fields, `payload` given as its canonical text. The eight members in
 * RFC 8785 order: actor, entity, hlc, origin, origin_seq, payload, prev_hash, type.
 */
export function hashedText(fields: StoredFields): string {
  return (
    `{"actor":${jsonString(fields.actor)},"entity":${jsonString(fields.entity)},"hlc":${jsonString(fields.hlc)},` +
    `"origin":${jsonString(fields.origin)},"origin_seq":${JSON.stringify(fields.origin_seq)},"payload":${fields.payload},` +
    `"prev_hash":${jsonString(fields.prev_hash)},"type":${jsonString(fields.type)}}`
  );
}

/**
 * An event's line in a bundle: the canonical JSON of its nine columns (the hashed fields and the hash),
 * with the payload's canonical text as stored. Members in RFC 8785 order: actor, entity, hash, hlc,
 * origin, origin_seq, payload, prev_hash, type.
 */
export function eventLineText(row: StoredFields & { hash: string }): string {
  return (
    `{"actor":${jsonString(row.actor)},"entity":${jsonString(row.entity)},"hash":${jsonString(row.hash)},"hlc":${jsonString(row.hlc)},` +
    `"origin":${jsonString(row.origin)},"origin_seq":${JSON.stringify(row.origin_seq)},"payload":${row.payload},` +
    `"prev_hash":${jsonString(row.prev_hash)},"type":${jsonString(row.type)}}`
  );
}

/** SHA-256 of the text's UTF-8 bytes, lowercase hex; one call, no hash object (the hot path of every bulk pass). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The hash of an event whose payload is already canonical text (stored, or just canonicalized). */
export function storedEventHash(fields: StoredFields): string {
  return sha256Hex(hashedText(fields));
}

export function eventHash(fields: HashedFields): string {
  return storedEventHash({ ...fields, payload: canonicalJson(fields.payload) });
}
