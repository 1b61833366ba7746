// Issue 7: every date typed in the log book is checked against what it must follow and against today
// plus the one-day margin for clocks; the refusal names the field and nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import { okValue, present, refusedWithoutWriting } from '../../helpers/core.ts';
import { openOffice, registerLaptop, type Office } from '../../helpers/office.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n').toString('base64');

describe('dates typed in the log book', () => {
  let o: Office;
  let laptop: AssetView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o, { purchase_date: '2025-07-14' });
  });
  afterEach(() => o.core.close());

  const report = (reported_on: string, asset_id = laptop.id) => ({ asset_id, reported_on, reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });

  it('refuses a fault reported before the device was bought, naming the device', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report('2025-07-13'), 'date-before-purchase');
    expect(error.fields).toEqual({ reported_on: 'errors.date-before-purchase' });
    expect(error.params).toEqual({ tag: laptop.tag });
  });

  it('accepts a fault copied from a paper log book, older than the registration of a device of unknown purchase', async () => {
    const unbought = await registerLaptop(o, { serial: 'NO-DATE-2', purchase_date: '', warranty_end: '' });
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report('2026-11-01', unbought.id))).reported_on).toBe('2026-11-01');
  });

  it("accepts a fault reported tomorrow (a clock a day behind), and refuses the day after", async () => {
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report('2026-11-25'), 'date-in-future');
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report('2026-11-24'))).reported_on).toBe('2026-11-24');
  });

  it('refuses a procedure approved on a date still to come, naming the field', async () => {
    const procedure = {
      title: 'Utaratibu wa Matengenezo',
      version: '9.0',
      approved_by: 'Mhandisi Mwajuma Waziri',
      approval_date: '2027-01-10',
      effective_date: '2027-02-01',
      document: { name: 'utaratibu.pdf', base64: PDF },
    };
    const error = await refusedWithoutWriting(o, o.head.token, 'procedures.approve', procedure, 'date-in-future');
    expect(error.fields).toEqual({ approval_date: 'errors.date-in-future' });
    // A version approved today may take effect next month.
    expect(present(okValue(await o.call(o.head.token, 'procedures.approve', { ...procedure, approval_date: '2026-11-23', effective_date: '2026-12-01' })), 'procedures.approve')).toMatchObject({
      effective_date: '2026-12-01',
    });
  });
});
