// Issue 7, "Rules that commands still let through": storage is never added to a device away for repair,
// and every date typed in the register is checked against what it must follow and against today plus
// the one-day margin for clocks. Each refusal names its field and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import { DATE_MARGIN_DAYS } from '../../../db/assets/typed-dates.ts';
import type { EntryView } from '../../../db/maintenance/queries.ts';
import { okValue, refusedWithoutWriting } from '../../helpers/core.ts';
import { openOffice, registerLaptop, reportAndAssignOutside, type Office } from '../../helpers/office.ts';

function removal(medium_id: string, removed_on: string, entry_id: string | null = null) {
  return { medium_id, removed_by: 'Juma Ally', witnessed_by: 'Zuhura Said', kept_at: 'Kabati la chuma, Stoo ya TEHAMA', removed_on, entry_id };
}

describe('adding storage to a device away for repair', () => {
  let o: Office;
  let laptop: AssetView;
  let entry: EntryView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
    ({ entry } = await reportAndAssignOutside(o, laptop.id));
    okValue(await o.call(o.officer.token, 'drives.remove', removal(laptop.media[0]?.id as string, '2026-11-21', entry.id)));
    okValue(await o.call(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }));
  });
  afterEach(() => o.core.close());

  const card = () => ({ asset_id: laptop.id, kind: 'memory_card' as const, capacity_gb: 64, serial: 'SD-9' });

  it('is refused, naming the device, as the send with storage inside is refused', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'drives.add', card(), 'storage-device-away');
    expect(error.params).toEqual({ tag: laptop.tag });
    expect(error.fields).toEqual({ asset_id: 'errors.storage-device-away' });
  });

  it('is accepted again once the return is recorded', async () => {
    okValue(await o.call(o.officer.token, 'maintenance.return', { entry_id: entry.id, returned_on: '2026-11-22' }));
    const after = okValue(await o.call(o.officer.token, 'drives.add', card()));
    expect(after.media.map((m) => m.serial)).toContain('SD-9');
  });
});

describe('dates typed in the register', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('keeps a one-day margin for clocks, as one constant', () => {
    expect(DATE_MARGIN_DAYS).toBe(1);
  });

  it('refuses a purchase date beyond tomorrow, naming the field', async () => {
    const input = { category: 'laptop', make: 'Dell', model: 'Latitude 5440', purchase_date: '2027-11-23', media: [] };
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.register', input, 'date-in-future');
    expect(error.fields).toEqual({ purchase_date: 'errors.date-in-future' });
  });

  it("accepts tomorrow's purchase date (a clock a day behind) but not the day after", async () => {
    expect((await registerLaptop(o, { purchase_date: '2026-11-24', warranty_end: '2027-11-24' })).purchase_date).toBe('2026-11-24');
    await refusedWithoutWriting(o, o.officer.token, 'assets.register', { category: 'laptop', make: 'HP', model: 'x', purchase_date: '2026-11-25' }, 'date-in-future');
  });

  it('refuses a future purchase date when a device is corrected too', async () => {
    const laptop = await registerLaptop(o);
    const update = {
      asset_id: laptop.id,
      tag: laptop.tag,
      category: 'laptop',
      make: 'Dell',
      model: 'Latitude 5440',
      purchase_date: '2030-01-01',
    };
    const error = await refusedWithoutWriting(o, o.officer.token, 'assets.update', update, 'date-in-future');
    expect(error.fields).toEqual({ purchase_date: 'errors.date-in-future' });
  });

  describe('removing and reinstalling storage (3.6.3)', () => {
    let laptop: AssetView;
    let medium: string;
    beforeEach(async () => {
      laptop = await registerLaptop(o, { purchase_date: '2025-07-14' });
      medium = laptop.media[0]?.id as string;
    });

    it('refuses a removal dated far in the future', async () => {
      const error = await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal(medium, '2027-11-21'), 'date-in-future');
      expect(error.fields).toEqual({ removed_on: 'errors.date-in-future' });
    });

    it('refuses a removal dated before the device was bought, naming it', async () => {
      const error = await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal(medium, '2025-07-13'), 'date-before-purchase');
      expect(error.fields).toEqual({ removed_on: 'errors.date-before-purchase' });
      expect(error.params).toEqual({ tag: laptop.tag });
    });

    it('refuses a removal dated before the device was registered when its purchase is unknown', async () => {
      const unbought = await registerLaptop(o, { serial: 'NO-DATE-1', purchase_date: '', warranty_end: '' });
      const error = await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal(unbought.media[0]?.id as string, '2026-11-22'), 'date-before-registration');
      expect(error.fields).toEqual({ removed_on: 'errors.date-before-registration' });
      expect(okValue(await o.call(o.officer.token, 'drives.remove', removal(unbought.media[0]?.id as string, '2026-11-23'))).media[0]?.state).toBe('removed');
    });

    it('refuses a removal for a repair dated before that fault was reported', async () => {
      const { entry } = await reportAndAssignOutside(o, laptop.id);
      const error = await refusedWithoutWriting(o, o.officer.token, 'drives.remove', removal(medium, '2026-11-19', entry.id), 'date-before-report');
      expect(error.fields).toEqual({ removed_on: 'errors.date-before-report' });
    });

    it('refuses a reinstallation dated before the removal, or far in the future', async () => {
      okValue(await o.call(o.officer.token, 'drives.remove', removal(medium, '2026-11-21')));
      const reinstall = (reinstalled_on: string) => ({ medium_id: medium, reinstalled_by: 'Juma Ally', reinstalled_on, entry_id: null });
      const before = await refusedWithoutWriting(o, o.officer.token, 'drives.reinstall', reinstall('2026-11-20'), 'date-before-removal');
      expect(before.fields).toEqual({ reinstalled_on: 'errors.date-before-removal' });
      const future = await refusedWithoutWriting(o, o.officer.token, 'drives.reinstall', reinstall('2026-12-30'), 'date-in-future');
      expect(future.fields).toEqual({ reinstalled_on: 'errors.date-in-future' });
      expect(okValue(await o.call(o.officer.token, 'drives.reinstall', reinstall('2026-11-21'))).media[0]?.state).toBe('installed');
    });
  });
});
