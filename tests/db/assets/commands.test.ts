// Registering devices and their storage media through the routes, and every rule that says no.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import { okValue, refusedWithoutWriting } from '../../helpers/core.ts';
import { HDD, openOffice, registerLaptop, reportAndAssignOutside, SSD, type Office } from '../../helpers/office.ts';

describe('registering a device', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('tags it from the institution code, the year and the next number', async () => {
    const first = await registerLaptop(o);
    const second = await registerLaptop(o, { serial: 'DL5440-88Y', media: [] });
    expect(first.tag).toBe('MAJI/ICT/2026/00001');
    expect(second.tag).toBe('MAJI/ICT/2026/00002');
    expect([first.tag_seq, second.tag_seq]).toEqual([1, 2]);
  });

  it('offers the tag the next registration will get', async () => {
    await registerLaptop(o);
    expect(okValue(await o.call(o.officer.token, 'assets.propose-tag', { category: 'printer' }))).toEqual({
      tag: 'MAJI/ICT/2026/00002',
      seq: 2,
      format: '{CODE}/ICT/{YYYY}/{SEQ}',
    });
  });

  it("follows the administrator's tag format, category included", async () => {
    okValue(await o.call(o.admin, 'assets.set-tag-format', { tag_format: '{CODE}-{CAT}-{SEQ}' }));
    expect((await registerLaptop(o)).tag).toBe('MAJI-LAPTOP-00001');
  });

  it('keeps a tag typed by hand, which takes no number from the sequence', async () => {
    const typed = await registerLaptop(o, { tag: 'MAJI/OLD/0042' });
    expect(typed).toMatchObject({ tag: 'MAJI/OLD/0042', tag_seq: null });
    expect((await registerLaptop(o, { serial: 'X2', media: [] })).tag).toBe('MAJI/ICT/2026/00001');
  });

  it('tags a device registered just after midnight in Dar es Salaam with the new year', async () => {
    // 21:30 UTC on 31 December is 00:30 on 1 January in Dar es Salaam (UTC+3).
    o.clock.set('2026-12-31T21:30:00Z');
    expect((await registerLaptop(o)).tag).toBe('MAJI/ICT/2027/00001');
  });

  it('skips a number already used by a tag typed by hand', async () => {
    await registerLaptop(o, { tag: 'MAJI/ICT/2026/00001', serial: 'OLD-1', media: [] });
    const generated = await registerLaptop(o);
    expect(generated.tag).not.toBe('MAJI/ICT/2026/00001');
    expect(generated.tag).toMatch(/^MAJI\/ICT\/2026\/\d{5}$/);
  });

  it('records the device with its custodian, place, storage media and status', async () => {
    const laptop = await registerLaptop(o, { media: [SSD, HDD] });
    expect(laptop).toMatchObject({
      category: 'laptop',
      make: 'Dell',
      model: 'Latitude 5440',
      serial: 'DL5440-77X',
      cost_tzs: 2_450_000,
      custodian_id: o.people.zuhura,
      custodian_name: 'Zuhura Said',
      location_name: 'Ghorofa 2',
      department_name: 'Uhasibu',
      classification: 'internal',
      can_hold_records: true,
      status: 'in_service',
      repair_state: 'none',
      disposal_candidate: false,
    });
    expect(laptop.media.map((m) => [m.kind, m.capacity_gb, m.serial, m.state, m.asset_id])).toEqual([
      ['ssd', 512, 'S4EVNX0R123', 'installed', laptop.id],
      ['hdd', 1000, 'WD-WCC6Y2', 'installed', laptop.id],
    ]);
    expect(okValue(await o.call(o.auditor.token, 'assets.get', { asset_id: laptop.id }))).toEqual(laptop);
  });

  it('is in store when nobody holds it', async () => {
    expect((await registerLaptop(o, { custodian_id: null })).status).toBe('in_store');
  });

  it("takes whether it can hold records from its category unless the officer says otherwise", async () => {
    const printer = await registerLaptop(o, { category: 'printer', serial: 'P1', media: [] });
    const server = await registerLaptop(o, { category: 'server', serial: 'S1', media: [] });
    const declared = await registerLaptop(o, { category: 'printer', serial: 'P2', media: [], can_hold_records: true });
    expect([printer.can_hold_records, server.can_hold_records, declared.can_hold_records]).toEqual([false, true, true]);
  });

  it('records the classification of the data it holds (3.4.5)', async () => {
    expect((await registerLaptop(o, { classification: 'top_secret' })).classification).toBe('top_secret');
  });

  it('lets the officer correct a device, keeping its own tag and serial', async () => {
    const laptop = await registerLaptop(o);
    const updated = okValue(
      await o.call(o.officer.token, 'assets.update', {
        asset_id: laptop.id,
        tag: laptop.tag,
        category: 'laptop',
        make: 'Dell',
        model: 'Latitude 5450',
        serial: 'dl5440-77x',
        custodian_id: o.people.hamisi,
      }),
    );
    expect(updated).toMatchObject({ tag: 'MAJI/ICT/2026/00001', tag_seq: 1, model: 'Latitude 5450', custodian_name: 'Hamisi Juma', status: 'in_service' });
    expect(updated.media).toHaveLength(1);
  });
});

describe('what registering a device refuses, writing nothing', () => {
  let o: Office;
  let laptop: AssetView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
  });
  afterEach(() => o.core.close());

  const register = (fields: Record<string, unknown>) => ({ category: 'desktop', make: 'HP', model: 'ProDesk 400', ...fields });

  it('refuses a tag another device has, whatever its case', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ tag: 'maji/ict/2026/00001' }), 'tag-taken');
    expect(error.params).toEqual({ tag: 'maji/ict/2026/00001' });
    expect(error.fields).toEqual({ tag: 'errors.tag-taken' });
  });

  it("refuses to give a device another device's tag on correction", async () => {
    const other = await registerLaptop(o, { serial: 'OTHER-1', media: [] });
    await refusedWithoutWriting(o, o.officer.token, 'assets.update', { ...register({}), asset_id: other.id, tag: laptop.tag }, 'tag-taken');
  });

  it("refuses a serial another device has, naming that device's tag", async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ serial: 'DL5440-77x' }), 'serial-taken');
    expect(error.params).toEqual({ serial: 'DL5440-77x', tag: 'MAJI/ICT/2026/00001' });
    expect(error.fields).toEqual({ serial: 'errors.serial-taken' });
  });

  it("refuses to give a device another device's serial on correction", async () => {
    const other = await registerLaptop(o, { serial: 'OTHER-1', media: [] });
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.update', { ...register({ serial: 'DL5440-77X' }), asset_id: other.id, tag: other.tag }, 'serial-taken');
    expect(error.params).toMatchObject({ tag: laptop.tag });
  });

  it('refuses a category the register does not know', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ category: 'toaster' }), 'category-not-found');
    expect(error.fields).toEqual({ category: 'errors.category-not-found' });
  });

  it('refuses a location, department or custodian the registers do not know', async () => {
    expect((await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ location_id: 'nowhere' }), 'location-not-found')).fields).toEqual({
      location_id: 'errors.location-not-found',
    });
    expect((await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ department_id: 'none' }), 'department-not-found')).fields).toEqual({
      department_id: 'errors.department-not-found',
    });
    expect((await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ custodian_id: 'nobody' }), 'person-not-found')).fields).toEqual({
      custodian_id: 'errors.person-not-found',
    });
  });

  it('refuses to hand a device to a person who no longer works here, naming them', async () => {
    okValue(await o.call(o.officer.token, 'people.deactivate', { person_id: o.people.rehema }));
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.register', register({ custodian_id: o.people.rehema }), 'person-inactive');
    expect(error.params).toEqual({ name: 'Rehema Mollel' });
    expect(error.fields).toEqual({ custodian_id: 'errors.person-inactive' });
  });

  it('refuses a warranty that ends before the purchase', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'assets.register',
      register({ purchase_date: '2026-05-01', warranty_end: '2026-04-30' }),
      'warranty-before-purchase',
    );
    expect(error.fields).toEqual({ warranty_end: 'errors.warranty-before-purchase' });
  });

  it('refuses to correct or add storage to a device it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'assets.update', { ...register({}), asset_id: 'no-such-device', tag: 'X-1' }, 'asset-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'drives.add', { asset_id: 'no-such-device', kind: 'ssd' }, 'asset-not-found');
  });
});

describe("a device's storage media", () => {
  let o: Office;
  let laptop: AssetView;
  let ssd: string;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
    ssd = laptop.media[0]?.id as string;
  });
  afterEach(() => o.core.close());

  const removal = (medium_id: string) => ({
    medium_id,
    removed_by: 'Juma Ally',
    witnessed_by: 'Zuhura Said',
    kept_at: 'Kabati la chuma, Stoo ya TEHAMA',
    removed_on: '2026-11-21',
  });
  const reinstall = (medium_id: string) => ({ medium_id, reinstalled_by: 'Juma Ally', reinstalled_on: '2026-11-22' });

  it('adds a medium to a device, installed', async () => {
    const after = okValue(await o.call(o.officer.token, 'drives.add', { asset_id: laptop.id, kind: 'memory_card', capacity_gb: 64, serial: 'SD-1' }));
    expect(after.media.map((m) => [m.kind, m.state])).toEqual([
      ['ssd', 'installed'],
      ['memory_card', 'installed'],
    ]);
  });

  it('records who took a medium out, who witnessed it and where it is kept', async () => {
    const after = okValue(await o.call(o.officer.token, 'drives.remove', removal(ssd)));
    expect(after.media[0]).toMatchObject({
      id: ssd,
      state: 'removed',
      removed_by: 'Juma Ally',
      witnessed_by: 'Zuhura Said',
      kept_at: 'Kabati la chuma, Stoo ya TEHAMA',
      removed_on: '2026-11-21',
      asset_id: laptop.id,
    });
    const back = okValue(await o.call(o.officer.token, 'drives.reinstall', reinstall(ssd)));
    expect(back.media[0]).toMatchObject({ state: 'installed', kept_at: '', removed_by: '', witnessed_by: '', removed_on: '' });
  });

  it('refuses to remove a medium that is already out', async () => {
    okValue(await o.call(o.officer.token, 'drives.remove', removal(ssd)));
    await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal(ssd), 'medium-not-installed');
  });

  it('refuses to reinstall a medium that was never removed', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'drives.reinstall', reinstall(ssd), 'medium-not-removed');
  });

  it('refuses a medium it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal('no-such-medium'), 'medium-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'drives.reinstall', reinstall('no-such-medium'), 'medium-not-found');
  });

  it('refuses to put a medium back into a device that is away for repair', async () => {
    const { entry } = await reportAndAssignOutside(o, laptop.id);
    okValue(await o.call(o.officer.token, 'drives.remove', { ...removal(ssd), entry_id: entry.id }));
    okValue(await o.call(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }));
    await refusedWithoutWriting(o, o.officer.token, 'drives.reinstall', reinstall(ssd), 'asset-offsite');
  });
});
