import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ADMIN_PASSWORD,
  addUser,
  expectRefused,
  INSTITUTION,
  okValue,
  openTestCore,
  refusal,
  setUp,
  signIn,
  snapshotRows,
  type TestCore,
} from '../../helpers/core.ts';

describe('first-run setup', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(() => t.core.close());

  it('reports that a new file is not set up yet', async () => {
    expect(okValue(await t.call(null, 'setup.status'))).toEqual({ initialized: false, institution: null });
  });

  it('records the institution and its first administrator, and signs the administrator in', async () => {
    const outcome = await t.core.call(null, 'setup.initialize', {
      institution: { ...INSTITUTION, code: ' wf ' },
      admin: { ...ADMIN, username: '  Asha ' },
    });
    const value = okValue(outcome.result);
    expect(value).toMatchObject({ user: { username: 'asha', roles: ['admin'], display_name: 'Asha Mrisho' }, password_change: null });
    expect(typeof outcome.session).toBe('string');
    expect(okValue(await t.call(outcome.session as string, 'institution.get'))).toMatchObject({ name: 'Wizara ya Fedha', code: 'WF' });
    expect(okValue(await t.call(null, 'setup.status'))).toEqual({ initialized: true, institution: 'Wizara ya Fedha' });
    const me = okValue(await t.call(outcome.session as string, 'auth.me'));
    expect(me?.password_change).toBeNull();
  });

  it('happens only once', async () => {
    await setUp(t);
    const before = snapshotRows(t.core.services.store);
    const again = await t.core.call(null, 'setup.initialize', {
      institution: { ...INSTITUTION, name: 'Taasisi Nyingine' },
      admin: { ...ADMIN, username: 'mvamizi' },
    });
    expectRefused(again.result, 'already-initialized');
    expect(again.session).toBeUndefined();
    expect(snapshotRows(t.core.services.store)).toEqual(before);
    expect(refusal((await signIn(t, 'mvamizi', ADMIN_PASSWORD)).result).code).toBe('sign-in-failed');
  });

  it.each([
    ['password.rule-length', 'Ab1!xyzq'],
    ['password.rule-lower', 'ABCD1234!XYZ'],
    ['password.rule-upper', 'abcd1234!xyz'],
    ['password.rule-digit', 'Abcdefgh!xyz'],
    ['password.rule-symbol', 'Abcdefgh1xyz'],
    ['password.rule-common', 'Password1!xyz'],
    ['password.rule-common', 'Nenosiri#2025'],
    ['password.rule-common', 'Tanzania#2025'],
    ['password.rule-username', 'Asha-2025!xyz'],
  ])('refuses an administrator password that breaks %s, naming the field', async (rule, password) => {
    const result = await t.call(null, 'setup.initialize', { institution: INSTITUTION, admin: { ...ADMIN, password, confirm: password } });
    const error = expectRefused(result, 'invalid-input');
    expect(error.fields).toEqual({ 'admin.password': rule });
    expect(okValue(await t.call(null, 'setup.status'))).toMatchObject({ initialized: false });
  });

  it('refuses an administrator password confirmed differently', async () => {
    const error = expectRefused(await t.call(null, 'setup.initialize', { institution: INSTITUTION, admin: { ...ADMIN, confirm: `${ADMIN_PASSWORD}!` } }), 'invalid-input');
    expect(error.fields).toEqual({ 'admin.confirm': 'validation.passwords-differ' });
  });

  it('names every missing or malformed institution field', async () => {
    const error = expectRefused(
      await t.callRaw(null, 'setup.initialize', { institution: { name: '   ', code: 'W', postal_address: '' }, admin: ADMIN }),
      'invalid-input',
    );
    expect(error.fields).toEqual({
      'institution.name': 'validation.required',
      'institution.code': 'validation.institution-code',
      'institution.postal_address': 'validation.required',
      'institution.accounting_officer_title': 'validation.required',
      'institution.head_title': 'validation.required',
    });
  });
});

describe("the institution's particulars", () => {
  it('are changed by an administrator only', async () => {
    const t = await openTestCore();
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    expectRefused(await t.call(officer.token, 'institution.update', { ...INSTITUTION, name: 'Jina Jipya' }), 'forbidden');
    const updated = okValue(await t.call(admin.token, 'institution.update', { ...INSTITUTION, name: 'Wizara ya Fedha na Mipango' }));
    expect(updated).toMatchObject({ name: 'Wizara ya Fedha na Mipango', configured_at: '2025-03-03T08:00:00.000Z' });
    expect(okValue(await t.call(officer.token, 'institution.get'))).toMatchObject({ name: 'Wizara ya Fedha na Mipango' });
    t.core.close();
  });
});
