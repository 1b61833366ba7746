// The lockout message names the minutes honestly: 15 when the lock has just started (3.1.7), never 16.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../db/core/clock.ts';
import { lockMinutesLeft } from '../../../db/users/commands.ts';
import { addUser, expectRefused, MINUTE, openTestCore, OWN_PASSWORD, setUp, signIn, START, type TestClock, type TestCore } from '../../helpers/core.ts';

const WRONG = 'Not-The-Password-9';

/** A clock that moves on 1 ms at every reading, as a real one does between two lines of code. */
function tickingClock(): TestClock {
  const clock = manualClock(START);
  return { ...clock, now: () => (clock.advance(1), clock.now()) };
}

describe('the lockout message', () => {
  let t: TestCore;
  afterEach(() => t.core.close());

  it('says 15 minutes at the moment the fifth wrong password locks the account, and the minutes left partway', async () => {
    t = await openTestCore({ clock: tickingClock() });
    const admin = await setUp(t);
    await addUser(t, admin.token, 'juma', ['ict_officer']);
    for (let attempt = 1; attempt <= 4; attempt += 1) expectRefused((await signIn(t, 'juma', WRONG)).result, 'sign-in-failed');
    expect(expectRefused((await signIn(t, 'juma', WRONG)).result, 'account-locked').params).toEqual({ minutes: 15 });
    expect(expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'account-locked').params).toEqual({ minutes: 15 });
    t.clock.advance(7 * MINUTE + 30_000);
    expect(expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'account-locked').params).toEqual({ minutes: 8 });
    t.clock.advance(7 * MINUTE);
    expect(expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'account-locked').params).toEqual({ minutes: 1 });
  });

  it('rounds up the part of a minute left, and never says more than the 15-minute policy', () => {
    const start = new Date('2026-03-03T08:00:00.000Z');
    const until = new Date(start.getTime() + 15 * MINUTE).toISOString();
    expect(lockMinutesLeft(until, start)).toBe(15);
    expect(lockMinutesLeft(until, new Date(start.getTime() - 5))).toBe(15);
    expect(lockMinutesLeft(until, new Date(start.getTime() + 1))).toBe(15);
    expect(lockMinutesLeft(until, new Date(start.getTime() + 60_000))).toBe(14);
    expect(lockMinutesLeft(until, new Date(start.getTime() + 14 * MINUTE + 59_000))).toBe(1);
  });
});
