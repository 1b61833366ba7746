// The personal-devices lists on a day in Dar es Salaam (3.6.5): pending, approved, expiring within 30
// days, expired, revoked, rejected; what waits for whom; and how each event reads in the history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../db/users/contract.ts';
import { ROLES } from '../../../db/users/contract.ts';
import { addUser } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { laptopOf } from './fixtures.ts';

describe('the lists on a day', () => {
  let o: Office;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    o = await openOffice();
    const register = async (name: string, ownerId: string, serial: string) => {
      ids[name] = (await o.ok(o.officer.token, 'personal-devices.register', laptopOf(ownerId, { serial }))).id;
    };
    const approve = (name: string, expires_on: string) => o.ok(o.head.token, 'personal-devices.decide', { device_id: ids[name] as string, decision: 'approved', expires_on });
    await register('pending', o.people.zuhura, 'P-1');
    await register('lastDay', o.people.zuhura, 'A-1');
    await register('inThirty', o.people.hamisi, 'A-2');
    await register('inThirtyOne', o.people.hamisi, 'A-3');
    await register('lapsed', o.people.rehema, 'A-4');
    await register('revoked', o.people.rehema, 'A-5');
    await register('rejected', o.people.rehema, 'R-1');
    // Approved on the 20th: the "lapsed" one ran to the 22nd, the day before today (the 23rd).
    o.clock.set('2026-11-20T08:00:00Z');
    await approve('lapsed', '2026-11-22');
    o.clock.set('2026-11-23T08:00:00Z');
    await approve('lastDay', '2026-11-24');
    await approve('inThirty', '2026-12-23');
    await approve('inThirtyOne', '2026-12-24');
    await approve('revoked', '2027-03-01');
    await o.ok(o.head.token, 'personal-devices.revoke', { device_id: ids.revoked as string, reason: 'Amestaafu' });
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: ids.rejected as string, decision: 'rejected', reason: 'Hakina kinga' });
  });
  afterEach(() => o.core.close());

  const listed = async (list: 'pending' | 'approved' | 'expiring' | 'expired' | 'revoked' | 'rejected' | 'all', search = '') =>
    (await o.ok(o.auditor.token, 'personal-devices.list', { list, search })).map((d) => Object.entries(ids).find(([, id]) => id === d.id)?.[0]);

  it('puts each registration in the list its state and expiry give today, nearest expiry first', async () => {
    expect(await listed('pending')).toEqual(['pending']);
    expect(await listed('approved')).toEqual(['lastDay', 'inThirty', 'inThirtyOne']);
    expect(await listed('expiring')).toEqual(['lastDay', 'inThirty']);
    expect(await listed('expired')).toEqual(['lapsed']);
    expect(await listed('revoked')).toEqual(['revoked']);
    expect(await listed('rejected')).toEqual(['rejected']);
    expect(await listed('all')).toHaveLength(7);
  });

  it('says how each stands and how many days are left', async () => {
    const all = await o.ok(o.auditor.token, 'personal-devices.list', { list: 'all' });
    const of = (name: string) => all.find((d) => d.id === ids[name]);
    expect(of('lastDay')).toMatchObject({ standing: 'expiring', days_left: 1 });
    expect(of('inThirty')).toMatchObject({ standing: 'expiring', days_left: 30 });
    expect(of('inThirtyOne')).toMatchObject({ standing: 'approved', days_left: 31 });
    expect(of('lapsed')).toMatchObject({ standing: 'expired', days_left: null });
  });

  it('moves an approval from expiring to expired when its expiry day has passed in Dar es Salaam', async () => {
    // 20:59 UTC on the 24th is 23:59 in Dar es Salaam: still the last day.
    o.clock.set('2026-11-24T20:59:00Z');
    expect(await listed('expiring')).toContain('lastDay');
    // 21:00 UTC is midnight in Dar es Salaam: the 25th, and the approval has lapsed.
    o.clock.set('2026-11-24T21:00:00Z');
    expect(await listed('expired')).toEqual(['lapsed', 'lastDay']);
    expect(await listed('expiring')).toEqual(['inThirty', 'inThirtyOne']);
  });

  it('finds registrations by owner, make or serial', async () => {
    expect(await listed('all', 'a-2')).toEqual(['inThirty']);
    expect(await listed('approved', 'hamisi')).toEqual(['inThirty', 'inThirtyOne']);
    expect(await listed('all', 'no such thing')).toEqual([]);
  });

  it('counts decisions for the head and expiring or lapsed approvals for the ICT officer', async () => {
    expect(await o.ok(o.head.token, 'personal-devices.inbox')).toEqual({ pending: 1, expiring: 0, expired: 0 });
    expect(await o.ok(o.officer.token, 'personal-devices.inbox')).toEqual({ pending: 0, expiring: 2, expired: 1 });
    expect(await o.ok(o.auditor.token, 'personal-devices.inbox')).toEqual({ pending: 0, expiring: 0, expired: 0 });
  });

  it('puts the same counts in each user’s inbox, beside the personal-devices screen', async () => {
    const mine = async (token: string) => (await o.ok(token, 'inbox.list')).items.filter((item) => item.screen === 'personal-devices');
    expect(await mine(o.head.token)).toEqual([{ key: 'personal-devices-pending', screen: 'personal-devices', urgency: 'act', count: 1 }]);
    expect(await mine(o.officer.token)).toEqual([
      { key: 'personal-devices-expired', screen: 'personal-devices', urgency: 'late', count: 1 },
      { key: 'personal-devices-expiring', screen: 'personal-devices', urgency: 'soon', count: 2 },
    ]);
    expect(await mine(o.auditor.token)).toEqual([]);
  });
});

describe('who may do what with personal devices, role by role', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  const MAY_REGISTER: Role[] = ['admin', 'ict_officer'];
  const MAY_DECIDE: Role[] = ['head_of_institution'];
  const MAY_READ: Role[] = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'auditor'];

  it.each(ROLES.map((role) => [role]))('%s', async (role) => {
    const user = await addUser(o, o.admin, `mtumishi.${role}`, [role]);
    const device = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura, { serial: `S-${role}` }));

    const registered = await o.call(user.token, 'personal-devices.register', laptopOf(o.people.hamisi, { serial: `H-${role}` }));
    expect(registered.ok ? 'ok' : registered.error.code).toBe(MAY_REGISTER.includes(role) ? 'ok' : 'forbidden');

    const decided = await o.call(user.token, 'personal-devices.decide', { device_id: device.id, decision: 'approved', expires_on: '2027-06-30' });
    expect(decided.ok ? 'ok' : decided.error.code).toBe(MAY_DECIDE.includes(role) ? 'ok' : 'forbidden');
    if (!decided.ok) await o.ok(o.head.token, 'personal-devices.decide', { device_id: device.id, decision: 'approved', expires_on: '2027-06-30' });

    const renewed = await o.call(user.token, 'personal-devices.renew', { device_id: device.id, expires_on: '2027-12-31' });
    expect(renewed.ok ? 'ok' : renewed.error.code).toBe(MAY_DECIDE.includes(role) ? 'ok' : 'forbidden');
    const revoked = await o.call(user.token, 'personal-devices.revoke', { device_id: device.id, reason: 'Amehamishwa' });
    expect(revoked.ok ? 'ok' : revoked.error.code).toBe(MAY_DECIDE.includes(role) ? 'ok' : 'forbidden');

    const list = await o.call(user.token, 'personal-devices.list', { list: 'all' });
    expect(list.ok ? 'ok' : list.error.code).toBe(MAY_READ.includes(role) ? 'ok' : 'forbidden');
    const got = await o.call(user.token, 'personal-devices.get', { device_id: device.id });
    expect(got.ok ? 'ok' : got.error.code).toBe(MAY_READ.includes(role) ? 'ok' : 'forbidden');
    expect((await o.call(user.token, 'personal-devices.inbox')).ok).toBe(true);
  });
});

describe('a registration’s history', () => {
  it('tells every event in both languages, and the journal verifies and rebuilds the register', async () => {
    const o = await openOffice();
    try {
      const device = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura));
      await o.ok(o.head.token, 'personal-devices.decide', { device_id: device.id, decision: 'approved', expires_on: '2027-01-10' });
      await o.ok(o.head.token, 'personal-devices.renew', { device_id: device.id, expires_on: '2027-06-30' });
      await o.ok(o.head.token, 'personal-devices.revoke', { device_id: device.id, reason: 'Kifaa kimeuzwa' });
      const history = await o.ok(o.admin, 'history.entity', { entity: device.id });
      // Newest first, as every history reads.
      expect(history.map((line) => line.sentence.en).reverse()).toEqual([
        'Juma Ally registered the personal device HP EliteBook 840 (S/N 5CG2231XYZ) of Zuhura Said for office work: Kuandaa taarifa za fedha akiwa safarini; it may touch: Barua pepe ya Serikali na mfumo wa MUSE',
        'Mhandisi Mwajuma Waziri approved the personal device for office work until 10/01/2027',
        'Mhandisi Mwajuma Waziri renewed the personal-device approval until 30/06/2027 (previously until 10/01/2027)',
        'Mhandisi Mwajuma Waziri revoked the personal-device approval: Kifaa kimeuzwa',
      ]);
      expect(history[2]?.sentence.sw).toBe('Mhandisi Mwajuma Waziri aliidhinisha kifaa binafsi kutumika kwa kazi za ofisi hadi 10/01/2027');
      // The owner's history finds the registration too.
      const owner = await o.ok(o.admin, 'history.entity', { entity: o.people.zuhura });
      expect(owner.some((line) => line.sentence.en.includes('registered the personal device'))).toBe(true);
      expect(await o.ok(o.admin, 'journal.verify')).toMatchObject({ ok: true });
    } finally {
      o.core.close();
    }
  });
});
