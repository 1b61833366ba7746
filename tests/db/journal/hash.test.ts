import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson, eventHash, eventLineText, GENESIS_HASH, hashedText, storedEventHash, type HashedFields } from '../../../db/journal/hash.ts';
import { jcs } from '../../helpers/core.ts';

const example: HashedFields = {
  origin: '5f0c6a1e-2b7d-4c3a-9e8f-0a1b2c3d4e5f',
  origin_seq: 1,
  hlc: '2025-03-03T08:00:00.000Z-00000',
  actor: 'system',
  type: 'people.registered',
  entity: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  payload: {
    full_name: 'Zuhura Ñandú',
    check_number: '100234',
    rank: 2.5,
    tags: ['b', 'a'],
    extra: { z: true, m: null },
    actor_name: 'Asha Mrisho',
  },
  prev_hash: '0'.repeat(64),
};

// Written by hand: members sorted by key at every level, no whitespace, arrays keep their order.
const exampleCanonical =
  '{"actor":"system","entity":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","hlc":"2025-03-03T08:00:00.000Z-00000",' +
  '"origin":"5f0c6a1e-2b7d-4c3a-9e8f-0a1b2c3d4e5f","origin_seq":1,' +
  '"payload":{"actor_name":"Asha Mrisho","check_number":"100234","extra":{"m":null,"z":true},"full_name":"Zuhura Ñandú","rank":2.5,"tags":["b","a"]},' +
  '"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","type":"people.registered"}';

describe('the journal hash rule', () => {
  it('is SHA-256 of the RFC 8785 canonical JSON of the eight hashed fields', () => {
    const independent = createHash('sha256').update(Buffer.from(exampleCanonical, 'utf8')).digest('hex');
    expect(eventHash(example)).toBe(independent);
  });

  it('gives the published hash for the fixed example, so other tools can check their implementation', () => {
    // Computed once with `sha256sum` over the hand-written text above; it must never change.
    expect(eventHash(example)).toBe('c1e2f7b690ca96e2b950fb3ec2108a15ee88a6c0b60ea7f9fb8835a5e5b0872f');
  });

  it('writes the canonical form byte for byte', () => {
    expect(canonicalJson(example)).toBe(exampleCanonical);
    expect(jcs(example)).toBe(exampleCanonical);
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = {
      prev_hash: example.prev_hash,
      payload: { actor_name: 'Asha Mrisho', extra: { m: null, z: true }, tags: ['b', 'a'], rank: 2.5, check_number: '100234', full_name: 'Zuhura Ñandú' },
      entity: example.entity,
      type: example.type,
      actor: example.actor,
      hlc: example.hlc,
      origin_seq: example.origin_seq,
      origin: example.origin,
    };
    expect(eventHash(reordered)).toBe(eventHash(example));
  });

  it('changes when any hashed field changes', () => {
    const base = eventHash(example);
    const changes: Partial<HashedFields>[] = [
      { origin: '5f0c6a1e-2b7d-4c3a-9e8f-0a1b2c3d4e50' },
      { origin_seq: 2 },
      { hlc: '2025-03-03T08:00:00.000Z-00001' },
      { actor: 'someone' },
      { type: 'people.updated' },
      { entity: 'another' },
      { payload: { ...(example.payload as object), rank: 2.51 } },
      { prev_hash: '1'.repeat(64) },
    ];
    const hashes = changes.map((change) => eventHash({ ...example, ...change }));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(changes.length);
  });

  it('ignores anything outside the eight hashed fields', () => {
    expect(eventHash({ ...example, seq: 99, hash: 'x' } as HashedFields)).toBe(eventHash(example));
  });

  it('links a first event to 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('assembles the hashed text from stored columns exactly as the canonical JSON of the parsed event', () => {
    const stored = { ...example, payload: canonicalJson(example.payload) };
    expect(hashedText(stored)).toBe(exampleCanonical);
    expect(storedEventHash(stored)).toBe(eventHash(example));
  });

  it('writes a bundle line from stored columns exactly as the canonical JSON of the whole event', () => {
    const hash = eventHash(example);
    expect(eventLineText({ ...example, payload: canonicalJson(example.payload), hash })).toBe(canonicalize({ ...example, hash }));
  });
});

describe('canonical JSON (RFC 8785)', () => {
  // The values payloads hold, and the edges where a hand-written writer goes wrong.
  const values: unknown[] = [
    { b: 1, a: [3, 2, { y: null, x: false }], ñ: 'Ñandú', '€': 'euro', 'e\u0301': 1, é: 2, ab: 0, aa: 1, A: 2, '': 3 },
    { n: [0, -0, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, -1.5, 2 ** 53] },
    { text: 'mstari\nmpya "nukuu" \\ \u0007 \u2028 \ud83d\ude00', emoji: '🙂', tz: 'Dar es Salaam' },
    { kept: 1, dropped: undefined, list: [undefined, 1] },
    { '\ud83d\ude00': 1, '\uffff': 2, '\ue000': 3 },
    [],
    {},
    'mstari',
    7,
    null,
    true,
  ];
  it.each(values.map((value) => [JSON.stringify(value), value]))('%s is written as the reference implementation writes it', (_, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses what has no JSON form: a lone surrogate, a number that is not finite, nothing at all', () => {
    expect(() => canonicalJson({ broken: '\ud800' })).toThrow();
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow();
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('writes a value with toJSON (a date) as the reference implementation does', () => {
    const value = { at: new Date('2025-03-03T05:00:00Z') };
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });
});
