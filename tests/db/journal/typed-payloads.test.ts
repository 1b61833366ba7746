// Issue 8: a payload its type's schema refuses is never written, whether a command appends it through
// the typed writer or a well-signed bundle from a buggy build carries it. Random payloads, fixed seed.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../db/core/clock.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { domain } from '../../../db/domain.ts';
import { append, SYSTEM_ACTOR, type Identity } from '../../../db/journal/append.ts';
import { nextHlc } from '../../../db/journal/hlc.ts';
import type { NewEvent } from '../../../db/journal/types.ts';
import { personRegistered } from '../../../db/people/events.ts';
import { closeStore, openStore, transaction, type Store } from '../../../db/store/open.ts';
import { snapshotRows } from '../../helpers/core.ts';
import {
  eventsOf,
  exportBundle,
  importBundle,
  openReplica,
  privateKeyOf,
  reseal,
  unpack,
  type EventLine,
  type Replica,
} from '../../helpers/sync.ts';

const SEED = 20261204;
const FIELDS = ['full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email'] as const;

/** A person's particulars as `people.registered` takes them. */
const wellFormed = fc.record({
  full_name: fc.string(),
  check_number: fc.string({ maxLength: 12 }),
  title: fc.string(),
  department_id: fc.option(fc.uuid(), { nil: null }),
  institution: fc.string(),
  phone: fc.string({ maxLength: 20 }),
  email: fc.string({ maxLength: 30 }),
});

/** Not a string where one is due: what a buggy build might write. */
const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

/** Particulars with one field missing or of the wrong kind. */
const malformed = fc
  .tuple(wellFormed, fc.constantFrom(...FIELDS), wrongValue)
  .filter(([, field, value]) => !(field === 'department_id' && value === null))
  .map(([payload, field, value]) => {
    const broken: Record<string, unknown> = { ...payload };
    if (value === undefined) delete broken[field];
    else broken[field] = value;
    return broken;
  });

const payloads = fc.oneof(
  wellFormed.map((payload) => ({ payload: payload as Record<string, unknown>, valid: true })),
  malformed.map((payload) => ({ payload, valid: false })),
);

/** One digest of the journal, its side tables and every projection. */
function digest(store: Store): string {
  return createHash('sha256').update(JSON.stringify(snapshotRows(store))).digest('hex');
}

describe('a payload its schema refuses is never written', () => {
  it('through the typed writer: refused with nothing written, and a well-formed one appended', async () => {
    const { store } = await openStore(':memory:');
    const identity: Identity = { shared: 'aaaaaaaa-0000-4000-a000-000000000001', local: 'bbbbbbbb-0000-4000-a000-000000000002' };
    const clock = manualClock('2026-12-04T08:00:00.000Z');
    try {
      let n = 0;
      const seen = { valid: 0, malformed: 0 };
      fc.assert(
        fc.property(payloads, ({ payload, valid }) => {
          n += 1;
          seen[valid ? 'valid' : 'malformed'] += 1;
          clock.advance(1000);
          const before = digest(store);
          // Built as a command would through `emit`, but with a payload the compiler would refuse.
          const event: NewEvent = { event: personRegistered, entity: `person-${n}`, payload };
          const write = () => transaction(store, () => append({ store, domain, clock, identity, actor: SYSTEM_ACTOR }, [event]));
          if (valid) {
            expect(write()).toHaveLength(1);
            expect(store.sqlite.prepare('SELECT full_name FROM people WHERE id = ?').get(`person-${n}`)).toEqual({ full_name: payload.full_name });
          } else {
            expect(write).toThrow(Refusal);
            expect(digest(store)).toBe(before);
          }
        }),
        { numRuns: 150, seed: SEED },
      );
      // Both kinds were tried, so neither half of the property holds vacuously.
      expect(seen.valid).toBeGreaterThan(10);
      expect(seen.malformed).toBeGreaterThan(10);
    } finally {
      closeStore(store);
    }
  });

  describe('through sync import, in a bundle signed by the real key', () => {
    let a: Replica;
    let b: Replica;
    /** A's chain as B holds it: a bundle extends it by one event. */
    let chain: EventLine[];
    let header: ReturnType<typeof unpack>['header'];

    beforeAll(async () => {
      a = await openReplica('A', { seed: 41 });
      await a.ok('departments.create', { name: 'Uhasibu', code: 'UH' });
      const genuine = await exportBundle(a);
      header = unpack(genuine).header;
      chain = eventsOf(genuine);
      b = await openReplica('B', { seed: 42, start: '2025-03-04T08:00:00.000Z' });
      expect((await importBundle(b, genuine, true)).ok).toBe(true);
    });
    afterAll(() => {
      a.core.close();
      b.core.close();
    });

    it('refuses a malformed payload with nothing written, and accepts a well-formed one', async () => {
      const seen = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(payloads, fc.boolean(), async ({ payload, valid }, dropName) => {
          const last = chain.at(-1) as EventLine;
          // A missing or non-text `actor_name` is malformed too, whatever the rest says.
          const named = dropName ? payload : { ...payload, actor_name: 'Asha (A)' };
          const event: EventLine = {
            origin: last.origin,
            origin_seq: last.origin_seq + 1,
            hlc: nextHlc(last.hlc, new Date(0)),
            actor: last.actor,
            type: personRegistered.type,
            entity: `person-${last.origin_seq + 1}`,
            payload: named,
            prev_hash: last.hash,
            hash: '',
          };
          const bytes = reseal(header, [...chain, event], privateKeyOf(a));
          const before = digest(b.store);
          const result = await importBundle(b, bytes, true);
          seen[valid && !dropName ? 'accepted' : 'refused'] += 1;
          if (valid && !dropName) {
            expect(result.ok).toBe(true);
            chain = eventsOf(bytes);
            expect(b.store.sqlite.prepare('SELECT full_name FROM people WHERE id = ?').get(event.entity)).toEqual({ full_name: payload.full_name });
          } else {
            expect(result).toMatchObject({ ok: false, error: { code: 'bundle-invalid-payload' } });
            expect(digest(b.store)).toBe(before);
          }
        }),
        { numRuns: 40, seed: SEED },
      );
      expect(seen.accepted).toBeGreaterThan(3);
      expect(seen.refused).toBeGreaterThan(3);
    });
  });
});
