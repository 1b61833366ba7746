// The register's and the log book's pure helpers: shillings, typed dates, the device form's values and
// payloads, the list's query, the device address, the log book's sums and an entry's next steps.
import { describe, expect, it } from 'vitest';
import { RegisterAssetInput, UpdateAssetInput } from '../../db/assets/contract.ts';
import { holdsRecords } from '../../db/assets/contract.ts';
import { daysBetween, financialYearStart, formatDay, monthStart, parseTypedDay } from '../../db/contract/days.ts';
import { todayInDar } from '../../renderer/components/assets/days.ts';
import { base64Of, bytesOf } from '../../renderer/components/assets/download.ts';
import { formatTzs, groupThousands, parseShillings } from '../../renderer/components/assets/money.ts';
import {
  blankDevice,
  blankMedium,
  EditDeviceSchema,
  updatePayload,
  valuesFromAsset,
  type AssetView,
} from '../../renderer/screens/assets/device-form-values.ts';
import { deviceHash, deviceIdFromHash } from '../../renderer/screens/assets/device-route.ts';
import { EMPTY_FILTERS, hasFilters, listInput } from '../../renderer/screens/assets/list-filters.ts';
import { nextSteps } from '../../renderer/screens/logbook/next-steps.ts';
import { entryDowntime } from '../../db/maintenance/contract.ts';
import { periodTotals, workTotal } from '../../renderer/screens/logbook/totals.ts';

describe('shillings', () => {
  it('writes amounts the way government forms do: TSh 2,450,000', () => {
    expect(groupThousands(2_450_000)).toBe('2,450,000');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(0)).toBe('0');
    expect(formatTzs(2_450_000)).toBe('TSh\u00a02,450,000');
    expect(formatTzs(1_000_000_000_000)).toBe('TSh\u00a01,000,000,000,000');
  });

  it('shows nothing for an amount nobody entered', () => {
    expect(formatTzs(null)).toBe('');
    expect(formatTzs(undefined)).toBe('');
  });

  it('reads what an officer types or pastes, in whole shillings', () => {
    expect(parseShillings('2,450,000')).toBe(2_450_000);
    expect(parseShillings('TSh 2 450 000')).toBe(2_450_000);
    expect(parseShillings('2450000.00')).toBe(2_450_000);
    expect(parseShillings(2_450_000)).toBe(2_450_000);
    expect(parseShillings('')).toBeNull();
    expect(parseShillings('  ')).toBeNull();
    expect(parseShillings(null)).toBeNull();
  });

  it('turns cents, minus signs and words into a value the schema refuses with its own sentence', () => {
    for (const typed of ['2450000.50', '-5', 'elfu mbili', '12a']) {
      expect(parseShillings(typed)).toBeNaN();
      const parsed = RegisterAssetInput.safeParse({ category: 'laptop', make: 'HP', model: 'X', cost_tzs: parseShillings(typed) });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('validation.money');
    }
  });
});

describe('typed dates', () => {
  it('reads day-first dates the way offices write them, and ISO dates as they are', () => {
    expect(parseTypedDay('05/03/2025')).toBe('2025-03-05');
    expect(parseTypedDay('5/3/2025')).toBe('2025-03-05');
    expect(parseTypedDay('5-3-2025')).toBe('2025-03-05');
    expect(parseTypedDay('05.03.2025')).toBe('2025-03-05');
    expect(parseTypedDay('2025-03-05')).toBe('2025-03-05');
    expect(parseTypedDay(' 29/02/2024 ')).toBe('2024-02-29');
  });

  it('refuses days that do not exist', () => {
    expect(parseTypedDay('31/04/2025')).toBeNull();
    expect(parseTypedDay('29/02/2025')).toBeNull();
    expect(parseTypedDay('03/13/2025')).toBeNull();
    expect(parseTypedDay('kesho')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });

  it('shows a typed date as dd/MM/yyyy', () => {
    expect(formatDay('2025-03-05')).toBe('05/03/2025');
  });

  it('takes today from Dar es Salaam, whatever the PC’s zone', () => {
    // 22:30 UTC on the 4th is 01:30 on the 5th in Dar es Salaam.
    expect(todayInDar(new Date('2025-03-04T22:30:00Z'))).toBe('2025-03-05');
    expect(todayInDar(new Date('2025-03-04T20:59:00Z'))).toBe('2025-03-04');
  });

  it('knows the government’s financial year starts on 1 July', () => {
    expect(financialYearStart('2025-11-23')).toBe('2025-07-01');
    expect(financialYearStart('2026-03-01')).toBe('2025-07-01');
    expect(financialYearStart('2026-07-01')).toBe('2026-07-01');
    expect(monthStart('2026-03-17')).toBe('2026-03-01');
  });

  it('counts whole days between two dates, never fewer than none', () => {
    expect(daysBetween('2025-03-01', '2025-03-11')).toBe(10);
    expect(daysBetween('2025-03-11', '2025-03-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('files as base64', () => {
  it('keeps every byte through the round trip', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const text = base64Of(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect([...bytesOf(text)]).toEqual([...bytes]);
  });
});

const saved: AssetView = {
  id: 'a1',
  tag: 'WF/ICT/2025/00031',
  tag_seq: 31,
  category: 'laptop',
  make: 'Dell',
  model: 'Latitude 5420',
  serial: 'CN0X7Y2K',
  purchase_date: '2025-01-15',
  supplier: 'Soft Tech Ltd',
  cost_tzs: 2_450_000,
  funding_source: 'Bajeti ya maendeleo',
  warranty_end: '2027-01-15',
  location_id: 'l1',
  department_id: 'd1',
  custodian_id: 'p1',
  classification: 'secret',
  can_hold_records: true,
  notes: '',
  repair_state: 'none',
  open_entry_id: null,
  disposal_candidate: false,
  off_premises_id: null,
  transferred_to: null,
  lost_report_id: null,
  disposal_batch_id: null,
  disposal_batches: null,
  disposed_on: null,
  status: 'in_service',
  created_at: '2025-01-20T08:00:00.000Z',
  updated_at: '2025-01-20T08:00:00.000Z',
  custodian_name: 'Neema Joseph Mwakalinga',
  location_name: 'Ghorofa ya 2',
  department_name: 'Idara ya Fedha',
  media: [],
};

describe('the device form', () => {
  it('starts blank, and the schema names every required field a blank form misses', () => {
    const parsed = RegisterAssetInput.safeParse(blankDevice());
    expect(parsed.success).toBe(false);
    const missing = parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(missing).toEqual(expect.arrayContaining([['category', 'validation.required'], ['make', 'validation.required'], ['model', 'validation.required']]));
  });

  it('registers a laptop with an SSD: the filled form is exactly what assets.register takes', () => {
    const values = { ...blankDevice(), category: 'laptop', make: 'Dell', model: 'Latitude 5420', cost_tzs: 2_450_000, media: [{ ...blankMedium('ssd'), capacity_gb: 512, serial: 'S4EVNX0R123' }] };
    const parsed = RegisterAssetInput.parse(values);
    expect(parsed.media).toEqual([{ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' }]);
    expect(parsed.can_hold_records).toBeNull();
    expect(parsed.tag).toBe('');
  });

  it('refuses a storage medium with a nonsense capacity', () => {
    const parsed = RegisterAssetInput.safeParse({ ...blankDevice(), category: 'laptop', make: 'HP', model: 'X', media: [{ kind: 'ssd', capacity_gb: 0, serial: '' }] });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['media.0.capacity_gb', 'validation.capacity']]);
  });

  it('opens a saved device with its particulars, and saves them back as assets.update takes them', () => {
    const values = valuesFromAsset(saved);
    expect(values.tag).toBe(saved.tag);
    expect(values.classification).toBe('secret');
    const payload = updatePayload(EditDeviceSchema.parse(values), saved.id);
    expect(payload).not.toHaveProperty('media');
    expect(UpdateAssetInput.parse(payload)).toEqual({
      asset_id: 'a1',
      tag: 'WF/ICT/2025/00031',
      category: 'laptop',
      make: 'Dell',
      model: 'Latitude 5420',
      serial: 'CN0X7Y2K',
      purchase_date: '2025-01-15',
      supplier: 'Soft Tech Ltd',
      cost_tzs: 2_450_000,
      funding_source: 'Bajeti ya maendeleo',
      warranty_end: '2027-01-15',
      location_id: 'l1',
      department_id: 'd1',
      custodian_id: 'p1',
      classification: 'secret',
      can_hold_records: true,
      notes: '',
    });
  });

  it('keeps a saved device’s tag required when it is corrected', () => {
    const parsed = EditDeviceSchema.safeParse({ ...valuesFromAsset(saved), tag: '  ' });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['tag', 'validation.required']]);
  });

  it('ticks "can hold records" from the category until the officer says otherwise (3.6.12)', () => {
    expect(holdsRecords(null, true)).toBe(true);
    expect(holdsRecords(null, false)).toBe(false);
    expect(holdsRecords(false, true)).toBe(false);
    expect(holdsRecords(true, false)).toBe(true);
    expect(holdsRecords(null, undefined)).toBe(false);
  });
});

describe('the register list', () => {
  it('asks for the search and the filters, with blank filters left out', () => {
    expect(listInput('  dell  ', EMPTY_FILTERS)).toEqual({
      search: 'dell',
      category: null,
      status: null,
      department_id: null,
      location_id: null,
      classification: null,
      sort: 'tag_asc',
    });
    const filters = { ...EMPTY_FILTERS, status: 'away_for_repair' as const, classification: 'secret' as const, sort: 'updated_desc' as const };
    expect(listInput('', filters)).toMatchObject({ status: 'away_for_repair', classification: 'secret', sort: 'updated_desc' });
  });

  it('counts the sort as no filter', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, sort: 'tag_desc' })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, location_id: 'l1' })).toBe(true);
  });

  it('never sends a search longer than the core accepts', () => {
    expect(listInput('x'.repeat(150), EMPTY_FILTERS).search).toHaveLength(100);
  });
});

describe('a device’s address', () => {
  it('opens the device named after #/assets/, and the register otherwise', () => {
    expect(deviceIdFromHash(deviceHash('0192a-b'))).toBe('0192a-b');
    expect(deviceIdFromHash('#/assets')).toBeNull();
    expect(deviceIdFromHash('#/assets/')).toBeNull();
    expect(deviceIdFromHash('#/people/abc')).toBeNull();
    expect(deviceIdFromHash('#/assets/%E0%A4%A')).toBeNull();
  });
});

describe('the log book’s sums', () => {
  it('adds parts (quantity × unit cost) and labour while a line is still being typed', () => {
    expect(workTotal([{ name: 'Betri', quantity: 2, unit_cost_tzs: 190_000 }], 70_000)).toBe(450_000);
    expect(workTotal([{ name: 'Betri', quantity: 1, unit_cost_tzs: Number.NaN }], 70_000)).toBe(70_000);
    expect(workTotal([], null)).toBe(0);
  });

  it('counts a period’s entries, cost and downtime, open repairs up to today', () => {
    const entries = [
      { reported_on: '2025-11-01', downtime_days: 4, total_cost_tzs: 450_000 },
      { reported_on: '2025-11-20', downtime_days: null, total_cost_tzs: 0 },
    ];
    expect(entryDowntime(entries[1] as (typeof entries)[number], '2025-11-23')).toBe(3);
    expect(periodTotals(entries, '2025-11-23')).toEqual({ count: 2, cost: 450_000, downtime: 7 });
    expect(periodTotals([], '2025-11-23')).toEqual({ count: 0, cost: 0, downtime: 0 });
  });
});

describe('an entry’s next steps', () => {
  const entry = { state: 'reported', diagnosis: '', actions: '', technician_type: null as string | null };
  it('points a new fault at its diagnosis, then at a technician', () => {
    expect(nextSteps(entry).suggested).toBe('diagnose');
    expect(nextSteps({ ...entry, diagnosis: 'Betri imekufa' }).suggested).toBe('assign');
  });

  it('sends an outside provider’s job off-site, then offers only its return while it is away (3.6.2, 3.6.3)', () => {
    const assigned = { ...entry, state: 'in_progress', diagnosis: 'x', technician_type: 'external' };
    expect(nextSteps(assigned).suggested).toBe('offsite');
    expect(nextSteps({ ...assigned, state: 'off_site' })).toEqual({ suggested: 'return', available: ['return', 'diagnose', 'work'] });
    expect(nextSteps({ ...assigned, state: 'returned' }).suggested).toBe('work');
    expect(nextSteps({ ...assigned, state: 'returned', actions: 'Imebadilishwa' }).suggested).toBe('close');
  });

  it('keeps an in-house repair inside, and offers nothing on a closed entry', () => {
    expect(nextSteps({ ...entry, state: 'in_progress', diagnosis: 'x', technician_type: 'internal' }).suggested).toBe('work');
    expect(nextSteps({ ...entry, state: 'closed' })).toEqual({ suggested: null, available: [] });
  });
});
