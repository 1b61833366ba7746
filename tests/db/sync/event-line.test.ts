// The import reads each event line with `readEventLine`, written by hand for speed; the schema
// `EventLine` stays the rule. Both must accept and refuse the same lines, and give the same event.
import { describe, expect, it } from 'vitest';
import { EventLine, readEventLine } from '../../../db/sync/format.ts';

const good = {
  origin: '5f0c6a1e-2b7d-4c3a-9e8f-0a1b2c3d4e5f',
  origin_seq: 12,
  hlc: '2025-03-03T08:00:00.000Z-00000',
  actor: 'u-7',
  type: 'people.updated',
  entity: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  payload: { full_name: 'Zuhura Said', actor_name: 'Asha Mrisho' },
  prev_hash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

const cases: [string, unknown][] = [
  ['a good line', good],
  ['a line with a member more (left behind)', { ...good, note: 'ziada' }],
  ['not an object', 'mstari'],
  ['null', null],
  ['an array', [good]],
  ['no origin', { ...good, origin: undefined }],
  ['an empty origin', { ...good, origin: '' }],
  ['an origin of 64', { ...good, origin: 'o'.repeat(64) }],
  ['an origin of 65', { ...good, origin: 'o'.repeat(65) }],
  ['a number 0', { ...good, origin_seq: 0 }],
  ['a fractional number', { ...good, origin_seq: 1.5 }],
  ['a number past 2^53', { ...good, origin_seq: 2 ** 53 }],
  ['a number as text', { ...good, origin_seq: '12' }],
  ['an hlc as a number', { ...good, hlc: 5 }],
  ['an actor of 65', { ...good, actor: 'a'.repeat(65) }],
  ['a type of 64', { ...good, type: 't'.repeat(64) }],
  ['a type of 65', { ...good, type: 't'.repeat(65) }],
  ['an entity of 128', { ...good, entity: 'e'.repeat(128) }],
  ['an entity of 129', { ...good, entity: 'e'.repeat(129) }],
  ['a payload array', { ...good, payload: [] }],
  ['a payload null', { ...good, payload: null }],
  ['a payload text', { ...good, payload: '{}' }],
  ['an empty payload', { ...good, payload: {} }],
  ['an uppercase hash', { ...good, hash: 'B'.repeat(64) }],
  ['a short prev_hash', { ...good, prev_hash: 'a'.repeat(63) }],
  ['a hash with a newline after', { ...good, hash: `${'b'.repeat(64)}\n` }],
];

describe('reading an event line by hand', () => {
  it.each(cases)('agrees with the schema on %s', (_, value) => {
    const schema = EventLine.safeParse(value);
    expect(readEventLine(value)).toEqual(schema.success ? schema.data : null);
  });
});
