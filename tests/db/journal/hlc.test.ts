import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../db/core/clock.ts';
import { formatHlc, hlcInstant, isHlc, nextHlc, parseHlc } from '../../../db/journal/hlc.ts';
import { addUser, ADMIN_PASSWORD, HOUR, okValue, openTestCore, setUp } from '../../helpers/core.ts';

const T0 = Date.parse('2025-03-03T08:00:00.000Z');

describe('hybrid logical clock', () => {
  it('starts at the wall time with counter zero', () => {
    expect(nextHlc(null, new Date(T0))).toBe('2025-03-03T08:00:00.000Z-00000');
  });

  it('follows the wall clock when it moves forward', () => {
    expect(nextHlc('2025-03-03T08:00:00.000Z-00042', new Date(T0 + 5))).toBe('2025-03-03T08:00:00.005Z-00000');
  });

  it('counts up within the same millisecond', () => {
    expect(nextHlc('2025-03-03T08:00:00.000Z-00007', new Date(T0))).toBe('2025-03-03T08:00:00.000Z-00008');
  });

  it('never goes backwards when the office PC clock jumps back', () => {
    const latest = '2025-03-03T08:00:00.000Z-00003';
    const next = nextHlc(latest, new Date(T0 - 3 * 24 * 3600_000));
    expect(next).toBe('2025-03-03T08:00:00.000Z-00004');
    expect(next > latest).toBe(true);
  });

  it('moves to the next millisecond when the counter would overflow', () => {
    const latest = '2025-03-03T08:00:00.000Z-99999';
    const next = nextHlc(latest, new Date(T0));
    expect(next).toBe('2025-03-03T08:00:00.001Z-00000');
    expect(next > latest).toBe(true);
    expect(nextHlc(latest, new Date(T0 - 1000))).toBe('2025-03-03T08:00:00.001Z-00000');
  });

  it('sorts as text in the order it was issued, whatever the wall clock does', () => {
    const random = seededRandom(7);
    let latest: string | null = null;
    let wall = T0;
    for (let i = 0; i < 5000; i += 1) {
      // Mostly small steps, sometimes a jump back by up to a day, often the same millisecond.
      const r = random();
      wall += r < 0.1 ? -Math.floor(random() * 86_400_000) : r < 0.6 ? 0 : Math.floor(random() * 50);
      const next = nextHlc(latest, new Date(wall));
      if (latest !== null) expect(next > latest).toBe(true);
      expect(isHlc(next)).toBe(true);
      latest = next;
    }
  });

  it('reads back the instant and counter it was written with', () => {
    const hlc = formatHlc(T0 + 123, 45);
    expect(hlc).toBe('2025-03-03T08:00:00.123Z-00045');
    expect(parseHlc(hlc)).toEqual({ millis: T0 + 123, counter: 45 });
    expect(hlcInstant(hlc)).toBe('2025-03-03T08:00:00.123Z');
  });

  it('rejects text that is not an HLC', () => {
    expect(isHlc('2025-03-03T08:00:00.000Z')).toBe(false);
    expect(isHlc('2025-13-45T08:00:00.000Z-00000')).toBe(false);
    expect(isHlc('garbage')).toBe(false);
    expect(() => parseHlc('2025-03-03 08:00:00-00000')).toThrow();
  });

  it('keeps journal timestamps increasing when the clock is set back between commands', async () => {
    const t = await openTestCore();
    const admin = await setUp(t);
    t.clock.advance(-2 * HOUR);
    await addUser(t, admin.token, 'juma', ['ict_officer']);
    t.clock.set('2024-01-01T00:00:00.000Z');
    okValue(await t.call(admin.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    t.clock.advance(-HOUR);
    okValue(await t.call(admin.token, 'auth.sign-out'));
    const failed = await t.core.call(null, 'auth.sign-in', { username: 'asha', password: `${ADMIN_PASSWORD}x` });
    expect(failed.result.ok).toBe(false);
    const hlcs = (t.core.services.store.sqlite.prepare('SELECT hlc FROM journal ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);
    expect(hlcs.length).toBeGreaterThan(5);
    for (let i = 1; i < hlcs.length; i += 1) expect((hlcs[i] as string) > (hlcs[i - 1] as string)).toBe(true);
    t.core.close();
  });
});
