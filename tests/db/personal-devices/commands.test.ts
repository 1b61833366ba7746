// The personal-devices register through its routes (3.6.5): registering, the Head of Institution's
// decision with an expiry, revoking and renewing; every refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, refusedRawWithoutWriting, refusedWithoutWriting } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { laptopOf } from './fixtures.ts';

describe('registering a personal device', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('records the owner, the device, its purpose and scope, pending the head’s decision', async () => {
    const device = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura));
    expect(device).toMatchObject({
      owner_id: o.people.zuhura,
      owner_name: 'Zuhura Said',
      owner_check_number: '100230',
      owner_department: 'Uhasibu',
      kind: 'laptop',
      serial: '5CG2231XYZ',
      state: 'pending',
      standing: 'pending',
      prepared_by: o.officer.id,
      prepared_by_name: 'Juma Ally',
      expires_on: '',
      days_left: null,
    });
  });

  it('refuses an owner who is not in the register of people', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'personal-devices.register', laptopOf('no-such-person'), 'person-not-found');
    expect(error.fields).toEqual({ owner_id: 'errors.person-not-found' });
  });

  it('refuses an owner who is no longer active, naming them', async () => {
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.rehema });
    const error = await refusedWithoutWriting(o, o.officer.token, 'personal-devices.register', laptopOf(o.people.rehema), 'person-inactive');
    expect(error.params).toEqual({ name: 'Rehema Mollel' });
  });

  it('refuses the same serial for the same owner while it is pending or approved, whatever its letter case', async () => {
    await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura));
    const error = await refusedWithoutWriting(o, o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura, { serial: '5cg2231xyz' }), 'personal-device-duplicate');
    expect(error).toMatchObject({ params: { serial: '5CG2231XYZ', owner: 'Zuhura Said' }, fields: { serial: 'errors.personal-device-duplicate' } });
  });

  it('takes the same serial for another owner, and again for the same owner once the first was rejected', async () => {
    const first = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura));
    await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.hamisi));
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: first.id, decision: 'rejected', reason: 'Hakina programu ya kinga' });
    expect((await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura))).state).toBe('pending');
  });

  it('refuses a registration without a serial, purpose or scope, naming the field', async () => {
    for (const field of ['serial', 'purpose', 'scope'] as const) {
      const error = await refusedWithoutWriting(o, o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura, { [field]: '  ' }), 'invalid-input');
      expect(error.fields).toEqual({ [field]: 'validation.required' });
    }
  });
});

describe('the head’s decision', () => {
  let o: Office;
  let deviceId: string;
  beforeEach(async () => {
    o = await openOffice();
    deviceId = (await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura))).id;
  });
  afterEach(() => o.core.close());

  it('approves with an expiry date, stamping who decided', async () => {
    const device = await o.ok(o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2027-11-22' });
    expect(device).toMatchObject({ state: 'approved', standing: 'approved', expires_on: '2027-11-22', decided_by: o.head.id, decided_by_name: 'Mhandisi Mwajuma Waziri', days_left: 364 });
  });

  it('rejects with a reason', async () => {
    const device = await o.ok(o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'rejected', reason: 'Kifaa hakina usimbaji fiche' });
    expect(device).toMatchObject({ state: 'rejected', standing: 'rejected', reason: 'Kifaa hakina usimbaji fiche', expires_on: '' });
  });

  it('refuses an approval without an expiry, and a rejection without a reason', async () => {
    const noExpiry = await refusedRawWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved' }, 'invalid-input');
    expect(noExpiry.fields).toEqual({ expires_on: 'validation.required' });
    const noReason = await refusedRawWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'rejected', reason: ' ' }, 'invalid-input');
    expect(noReason.fields).toEqual({ reason: 'validation.required' });
  });

  it('refuses an expiry of today or earlier in Dar es Salaam', async () => {
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2026-11-23' }, 'personal-device-expiry-past');
    expect(error).toMatchObject({ params: { date: '23/11/2026' }, fields: { expires_on: 'errors.personal-device-expiry-past' } });
    // 22:00 UTC on the 23rd is already the 24th in Dar es Salaam: the 24th is then today, not the future.
    o.clock.set('2026-11-23T22:00:00Z');
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2026-11-24' }, 'personal-device-expiry-past');
  });

  it('accepts tomorrow and exactly two years ahead, and refuses a day beyond two years', async () => {
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2028-11-24' }, 'personal-device-expiry-too-far');
    expect(error).toMatchObject({ params: { latest: '23/11/2028' }, fields: { expires_on: 'errors.personal-device-expiry-too-far' } });
    expect((await o.ok(o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2028-11-23' })).expires_on).toBe('2028-11-23');
    const other = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.hamisi));
    expect((await o.ok(o.head.token, 'personal-devices.decide', { device_id: other.id, decision: 'approved', expires_on: '2026-11-24' })).standing).toBe('expiring');
  });

  it('refuses deciding twice, naming the device and its owner', async () => {
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on: '2027-05-01' });
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'rejected', reason: 'Tena' }, 'personal-device-decided');
    expect(error.params).toEqual({ subject: 'HP EliteBook 840 (S/N 5CG2231XYZ), Zuhura Said' });
  });

  it('refuses a registration it does not know', async () => {
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.decide', { device_id: 'no-such-device', decision: 'approved', expires_on: '2027-05-01' }, 'personal-device-not-found');
  });

  it('refuses a head deciding a registration they prepared themselves', async () => {
    const both = await addUser(o, o.admin, 'mkuu.tehama', ['admin', 'head_of_institution'], 'Salma Kondo');
    const own = await o.ok(both.token, 'personal-devices.register', laptopOf(o.people.hamisi));
    const error = await refusedWithoutWriting(o, both.token, 'personal-devices.decide', { device_id: own.id, decision: 'approved', expires_on: '2027-05-01' }, 'approval-own-request');
    expect(error.params).toEqual({ subject: 'HP EliteBook 840 (S/N 5CG2231XYZ), Hamisi Juma' });
    // Another head decides it.
    expect((await o.ok(o.head.token, 'personal-devices.decide', { device_id: own.id, decision: 'approved', expires_on: '2027-05-01' })).state).toBe('approved');
  });
});

describe('revoking and renewing an approval', () => {
  let o: Office;
  let deviceId: string;
  beforeEach(async () => {
    o = await openOffice();
    deviceId = (await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura))).id;
  });
  afterEach(() => o.core.close());

  const approve = (expires_on = '2027-01-10') => o.ok(o.head.token, 'personal-devices.decide', { device_id: deviceId, decision: 'approved', expires_on });

  it('revokes an approval with a reason', async () => {
    await approve();
    const device = await o.ok(o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: 'Mtumishi amehamishwa' });
    expect(device).toMatchObject({ state: 'revoked', standing: 'revoked', revoke_reason: 'Mtumishi amehamishwa', revoked_by_name: 'Mhandisi Mwajuma Waziri' });
  });

  it('revokes an approval that has already lapsed', async () => {
    await approve('2026-12-01');
    o.clock.set('2026-12-05T08:00:00Z');
    expect((await o.ok(o.head.token, 'personal-devices.get', { device_id: deviceId })).standing).toBe('expired');
    expect((await o.ok(o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: 'Muda umekwisha' })).standing).toBe('revoked');
  });

  it('refuses revoking what is pending, rejected or already revoked, naming the device', async () => {
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: 'x' }, 'personal-device-not-approved');
    expect(error.params).toEqual({ subject: 'HP EliteBook 840 (S/N 5CG2231XYZ), Zuhura Said' });
    await approve();
    await o.ok(o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: 'Imeibiwa' });
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: 'Tena' }, 'personal-device-not-approved');
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.revoke', { device_id: 'no-such-device', reason: 'x' }, 'personal-device-not-found');
  });

  it('refuses a revocation without a reason', async () => {
    await approve();
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.revoke', { device_id: deviceId, reason: '' }, 'invalid-input');
    expect(error.fields).toEqual({ reason: 'validation.required' });
  });

  it('renews an approval with a later expiry, bringing a lapsed one back', async () => {
    await approve('2026-12-01');
    o.clock.set('2026-12-05T08:00:00Z');
    const device = await o.ok(o.head.token, 'personal-devices.renew', { device_id: deviceId, expires_on: '2027-12-01' });
    expect(device).toMatchObject({ state: 'approved', standing: 'approved', expires_on: '2027-12-01', renewals: 1 });
  });

  it('refuses a renewal that does not move the expiry later, or lies beyond two years, or of what is not approved', async () => {
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.renew', { device_id: deviceId, expires_on: '2027-12-01' }, 'personal-device-not-approved');
    await approve('2027-06-30');
    const error = await refusedWithoutWriting(o, o.head.token, 'personal-devices.renew', { device_id: deviceId, expires_on: '2027-06-30' }, 'personal-device-renew-not-later');
    expect(error).toMatchObject({ params: { date: '30/06/2027' }, fields: { expires_on: 'errors.personal-device-renew-not-later' } });
    await refusedWithoutWriting(o, o.head.token, 'personal-devices.renew', { device_id: deviceId, expires_on: '2029-01-01' }, 'personal-device-expiry-too-far');
  });

  it('refuses a head renewing a registration they prepared', async () => {
    const both = await addUser(o, o.admin, 'mkuu.tehama', ['admin', 'head_of_institution'], 'Salma Kondo');
    const own = await o.ok(both.token, 'personal-devices.register', laptopOf(o.people.hamisi));
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: own.id, decision: 'approved', expires_on: '2027-01-10' });
    await refusedWithoutWriting(o, both.token, 'personal-devices.renew', { device_id: own.id, expires_on: '2027-06-10' }, 'approval-own-request');
  });
});
