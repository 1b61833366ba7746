import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, expectRefused, okValue, openTestCore, setUp, snapshotRows, type TestCore, type TestUser } from '../../helpers/core.ts';

interface Place {
  id: string;
  name: string;
  active: number;
}

describe('departments and locations', () => {
  let t: TestCore;
  let officer: TestUser;
  let auditor: TestUser;
  beforeEach(async () => {
    t = await openTestCore();
    const admin = await setUp(t);
    officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    auditor = await addUser(t, admin.token, 'neema', ['auditor']);
  });
  afterEach(() => t.core.close());

  const names = (rows: Place[]) => rows.map((r) => r.name);

  it('registers departments and lists them by name', async () => {
    for (const [name, code] of [['Utawala', 'UT'], ['uhasibu', 'UH'], ['TEHAMA', 'IT']] as const) okValue(await t.call(officer.token, 'departments.create', { name, code }));
    expect(names(okValue(await t.call(auditor.token, 'departments.list', {})))).toEqual(['TEHAMA', 'uhasibu', 'Utawala']);
    expect(names(okValue(await t.call(auditor.token, 'departments.list', { search: 'IT' })))).toEqual(['TEHAMA']);
  });

  it('refuses a second department of the same name', async () => {
    okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    const before = snapshotRows(t.core.services.store);
    const error = expectRefused(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH2' }), 'name-taken');
    expect(error.fields).toEqual({ name: 'errors.name-taken' });
    expect(error.params).toEqual({ name: 'Uhasibu' });
    expect(snapshotRows(t.core.services.store)).toEqual(before);
  });

  it('closes a department, which then drops out of the active list', async () => {
    const d = okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    okValue(await t.call(officer.token, 'departments.update', { department_id: d.id, name: 'Uhasibu', code: 'UH', active: false }));
    expect(okValue(await t.call(officer.token, 'departments.list', {}))).toEqual([]);
    expect(names(okValue(await t.call(officer.token, 'departments.list', { status: 'inactive' })))).toEqual(['Uhasibu']);
  });

  it('lets a department keep its own name when other details change, but not take another', async () => {
    const a = okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    okValue(await t.call(officer.token, 'departments.create', { name: 'Utawala', code: 'UT' }));
    okValue(await t.call(officer.token, 'departments.update', { department_id: a.id, name: 'Uhasibu', code: 'FE', active: true }));
    expectRefused(await t.call(officer.token, 'departments.update', { department_id: a.id, name: 'Utawala', code: 'FE', active: true }), 'name-taken');
  });

  it('refuses to change a department or location that does not exist', async () => {
    expectRefused(await t.call(officer.token, 'departments.update', { department_id: 'nope', name: 'X', active: true }), 'department-not-found');
    expectRefused(await t.call(officer.token, 'locations.update', { location_id: 'nope', name: 'X', active: true }), 'location-not-found');
  });

  it('registers locations, refuses a duplicate name, and searches by building or region', async () => {
    okValue(await t.call(officer.token, 'locations.create', { name: 'Ghorofa 2', building: 'Treasury Square', region: 'Dodoma' }));
    okValue(await t.call(officer.token, 'locations.create', { name: 'Stoo Kuu', building: 'Jengo B', region: 'Dar es Salaam' }));
    expectRefused(await t.call(officer.token, 'locations.create', { name: 'Stoo Kuu' }), 'name-taken');
    expect(names(okValue(await t.call(officer.token, 'locations.list', { search: 'treasury' })))).toEqual(['Ghorofa 2']);
    expect(names(okValue(await t.call(officer.token, 'locations.list', { search: 'salaam' })))).toEqual(['Stoo Kuu']);
  });

  it('searches for the characters typed, wildcards included', async () => {
    okValue(await t.call(officer.token, 'locations.create', { name: 'Chumba 100%' }));
    okValue(await t.call(officer.token, 'locations.create', { name: 'Chumba 1000' }));
    okValue(await t.call(officer.token, 'locations.create', { name: 'Chumba_A' }));
    okValue(await t.call(officer.token, 'locations.create', { name: 'ChumbaXA' }));
    expect(names(okValue(await t.call(officer.token, 'locations.list', { search: '100%' })))).toEqual(['Chumba 100%']);
    expect(names(okValue(await t.call(officer.token, 'locations.list', { search: '_A' })))).toEqual(['Chumba_A']);
  });

  it('lets only registrars change them', async () => {
    expectRefused(await t.call(auditor.token, 'departments.create', { name: 'Uhasibu' }), 'forbidden');
    expectRefused(await t.call(auditor.token, 'locations.create', { name: 'Stoo' }), 'forbidden');
  });
});
