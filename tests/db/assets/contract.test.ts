// The equipment register's pure rules (db/assets/contract.ts), shared by the core and the window: the
// tag a format gives, how a storage medium is named, the first day the register knows of a device, and
// the inputs of labels and the register's filters.
import { describe, expect, it } from 'vitest';
import { describeMedium, DeviceFilters, deviceSince, formatTag, LabelsInput, underWarranty } from '../../../db/assets/contract.ts';

describe('an asset tag', () => {
  it('fills the institution code, the category, the year and a five-digit number', () => {
    expect(formatTag('{CODE}/ICT/{YYYY}/{SEQ}', { code: 'MAJI', category: 'laptop', year: 2026, seq: 7 })).toBe('MAJI/ICT/2026/00007');
    expect(formatTag('{CODE}-{CAT}-{SEQ}', { code: 'MAJI', category: 'external_drive', year: 2026, seq: 123456 })).toBe('MAJI-EXTERN-123456');
  });
});

describe('a storage medium in a sentence', () => {
  it('names its kind, its size in GB or whole TB, and its serial', () => {
    expect(describeMedium({ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' })).toBe('SSD 512 GB (S/N S4EVNX0R123)');
    expect(describeMedium({ kind: 'hdd', capacity_gb: 2000, serial: '' })).toBe('HDD 2 TB');
    expect(describeMedium({ kind: 'memory_card', capacity_gb: null, serial: '' })).toBe('SD');
    expect(describeMedium({ kind: 'other', capacity_gb: null, serial: '' })).toBe('other');
  });
});

describe('the first day the register knows of a device', () => {
  it('is its purchase when known, else the day in Dar es Salaam it was registered', () => {
    expect(deviceSince({ purchase_date: '2019-05-02', created_at: '2026-11-23T08:00:00Z' })).toBe('2019-05-02');
    // 22:30 UTC on the 22nd is already the 23rd in Dar es Salaam.
    expect(deviceSince({ purchase_date: '', created_at: '2026-11-22T22:30:00Z' })).toBe('2026-11-23');
  });
});

describe('the supplier’s warranty', () => {
  it('covers a device up to and including its last day, and never one with no warranty date', () => {
    expect(underWarranty({ warranty_end: '2026-11-23' }, '2026-11-23')).toBe(true);
    expect(underWarranty({ warranty_end: '2026-11-22' }, '2026-11-23')).toBe(false);
    expect(underWarranty({ warranty_end: '' }, '2026-11-23')).toBe(false);
  });
});

describe('inputs of the register', () => {
  it('filters the exported register as the list on screen, without its paging', () => {
    expect(DeviceFilters.parse({ category: 'laptop' })).toMatchObject({ category: 'laptop', sort: 'tag_asc', search: '' });
    expect(DeviceFilters.safeParse({ limit: 10 }).success).toBe(false);
  });

  it('refuses to skip a whole label sheet', () => {
    expect(LabelsInput.safeParse({ asset_ids: ['a'], preset: 'a4-2x7', skip: 13 }).success).toBe(true);
    expect(LabelsInput.safeParse({ asset_ids: ['a'], preset: 'a4-2x7', skip: 14 }).error?.issues[0]?.message).toBe('documents.validation.skip');
  });
});
