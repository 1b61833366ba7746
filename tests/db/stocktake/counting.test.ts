// Opening a stocktake freezes what the register expects, and each scan answers at once (issue 13).
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../db/journal/hash.ts';
import { expectRefused, refusedWithoutWriting } from '../../helpers/core.ts';
import { MAX_LINE_BYTES } from '../../../db/sync/format.ts';
import { reportAndAssignOutside } from '../../helpers/office.ts';
import { openStocktakeOffice, openTwoLocations, scanAt, twoLocations, type StocktakeOffice } from './fixture.ts';

describe('opening a stocktake', () => {
  let o: StocktakeOffice;
  beforeEach(async () => {
    o = await openStocktakeOffice();
  });

  it('freezes every device of the chosen locations with its place, custodian and status, and its SHA-256', async () => {
    const s = await openTwoLocations(o);
    expect(s).toMatchObject({ state: 'open', expected_count: 5, scope_names: ['Ghorofa 2', 'Stoo ya TEHAMA'] });
    expect(s.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.committee.find((m) => m.chair)).toMatchObject({ name: 'Mwanaidi Kombo', user_id: o.records.id });
    expect(s.progress).toEqual([
      { location_id: o.locations.floor2, location_name: 'Ghorofa 2', expected: 3, counted: 0 },
      { location_id: o.locations.store, location_name: 'Stoo ya TEHAMA', expected: 2, counted: 0 },
    ]);
    const rows = await o.ok(o.records.token, 'stocktake.expected', { stocktake_id: s.id, location_id: o.locations.floor2 });
    expect(rows.items.map((r) => [r.tag, r.custodian_name, r.status])).toEqual([
      ['MAJI/ICT/2026/0001', 'Zuhura Said', 'in_service'],
      ['MAJI/ICT/2026/0002', 'Hamisi Juma', 'in_service'],
      ['MAJI/ICT/2026/0003', '', expect.any(String)],
    ]);
  });

  it('scopes by department, and leaves out devices that have left the institution', async () => {
    const s = await o.ok(o.officer.token, 'stocktake.open', twoLocations(o, { scope: { kind: 'departments', department_ids: [o.departments.ict] } }));
    expect(s.expected_count).toBe(3);
    expect(s.scope_names).toEqual(['TEHAMA']);
  });

  it('keeps the expectation when the register changes later, and shows the change beside it', async () => {
    const s = await openTwoLocations(o);
    const device = await o.ok(o.officer.token, 'assets.get', { asset_id: o.laptop.id });
    await o.ok(o.officer.token, 'assets.update', {
      asset_id: o.laptop.id, tag: device.tag, category: device.category, make: device.make, model: device.model, serial: device.serial,
      location_id: o.locations.store, department_id: device.department_id, custodian_id: o.people.rehema,
    });
    const rows = await o.ok(o.records.token, 'stocktake.expected', { stocktake_id: s.id, location_id: null, changed_only: true });
    expect(rows.items).toHaveLength(1);
    expect(rows.items[0]).toMatchObject({
      tag: 'MAJI/ICT/2026/0001',
      location_name: 'Ghorofa 2',
      custodian_name: 'Zuhura Said',
      now: { location_name: 'Stoo ya TEHAMA', custodian_name: 'Rehema Mollel' },
    });
    expect((await o.ok(o.records.token, 'stocktake.get', { stocktake_id: s.id })).snapshot_sha256).toBe(s.snapshot_sha256);
  });

  it('refuses a committee without exactly one chair, or a chair without an account', async () => {
    const none = await o.call(o.records.token, 'stocktake.open', twoLocations(o, { committee: [{ name: 'Juma Ally', title: 'Afisa TEHAMA', user_id: o.officer.id, chair: false }] }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.fields).toMatchObject({ committee: 'validation.stocktake-one-chair' });
    const noAccount = await o.call(o.records.token, 'stocktake.open', twoLocations(o, { committee: [{ name: 'Saidi Mrisho', title: 'Mhasibu', user_id: null, chair: true }] }));
    expect(noAccount.ok).toBe(false);
    if (!noAccount.ok) expect(noAccount.error.fields).toMatchObject({ committee: 'validation.stocktake-chair-account' });
  });

  it('refuses a chair who could not close it: the auditor changes nothing', async () => {
    const refused = await refusedWithoutWriting(
      o,
      o.records.token,
      'stocktake.open',
      twoLocations(o, { committee: [{ name: 'Neema Kweka', title: 'Mkaguzi', user_id: o.auditor.id, chair: true }] }),
      'stocktake-chair-unknown',
    );
    expect(refused.params).toEqual({ name: 'Neema Kweka' });
  });

  it('is opened by ICT and records officers only', async () => {
    await refusedWithoutWriting(o, o.accountant.token, 'stocktake.open', twoLocations(o), 'forbidden');
    await refusedWithoutWriting(o, o.auditor.token, 'stocktake.open', twoLocations(o), 'forbidden');
  });
});

describe('scanning', () => {
  let o: StocktakeOffice;
  beforeEach(async () => {
    o = await openStocktakeOffice();
  });

  it('says found here for an expected device scanned in its place, matching the QR text without regard to case or spaces', async () => {
    const s = await openTwoLocations(o);
    const result = await scanAt(o, o.officer.token, s, o.locations.floor2, '  maji/ict/2026/0001 ');
    expect(result).toMatchObject({ outcome: 'found-here', asset: { tag: 'MAJI/ICT/2026/0001', make: 'Dell' }, expected_location_name: 'Ghorofa 2' });
    expect(result.count_id).toBeTruthy();
  });

  it('says found elsewhere, recording where it was counted', async () => {
    const s = await openTwoLocations(o);
    const result = await scanAt(o, o.officer.token, s, o.locations.store, 'MAJI/ICT/2026/0001');
    expect(result).toMatchObject({ outcome: 'found-elsewhere', expected_location_name: 'Ghorofa 2' });
    const counts = await o.ok(o.officer.token, 'stocktake.counts', { stocktake_id: s.id, location_id: o.locations.store });
    expect(counts.items.map((c) => [c.tag, c.location_name, c.outcome])).toEqual([['MAJI/ICT/2026/0001', 'Stoo ya TEHAMA', 'found-elsewhere']]);
  });

  it('says found with another custodian, in another condition, or with its label missing', async () => {
    const s = await openTwoLocations(o);
    expect((await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0001', { custodian_id: o.people.rehema })).outcome).toBe('other-custodian');
    expect((await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0002', { condition: 'faulty' })).outcome).toBe('different-condition');
    expect((await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0003', { label_missing: true })).outcome).toBe('label-missing');
  });

  it('says a code names no device, writing nothing', async () => {
    const s = await openTwoLocations(o);
    const before = o.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get();
    expect(await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/9999')).toMatchObject({ outcome: 'not-in-register', asset: null, count_id: null });
    expect(o.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get()).toEqual(before);
  });

  it('says a registered device outside the scope is not expected', async () => {
    const s = await o.ok(o.records.token, 'stocktake.open', twoLocations(o, { scope: { kind: 'locations', location_ids: [o.locations.store] } }));
    expect(await scanAt(o, o.officer.token, s, o.locations.store, 'MAJI/ICT/2026/0001')).toMatchObject({ outcome: 'not-expected', expected_location_name: '' });
    // A finding, not progress: the list does not read "1 of 1 counted" while the expected device waits.
    const shown = await o.ok(o.officer.token, 'stocktake.get', { stocktake_id: s.id });
    expect(shown.counted_count).toBe(0);
    expect(shown.progress.reduce((sum, place) => sum + place.counted, 0)).toBe(0);
  });

  it('says a tag scanned twice was already counted, where and by whom, and writes nothing new', async () => {
    const s = await openTwoLocations(o);
    await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0001');
    const before = o.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get();
    const again = await scanAt(o, o.records.token, s, o.locations.store, 'MAJI/ICT/2026/0001');
    expect(again).toMatchObject({ outcome: 'already-counted', count_id: null, counted_before: { location_name: 'Ghorofa 2', counted_by_name: 'Juma Ally' } });
    expect(o.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get()).toEqual(before);
  });

  it('counts a device away for repair as accounted for, with the reason, and still records it as seen', async () => {
    const { entry } = await reportAndAssignOutside(o, o.printer.id);
    await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' });
    const s = await openTwoLocations(o);
    const result = await scanAt(o, o.officer.token, s, o.locations.store, 'MAJI/ICT/2026/0004');
    expect(result).toMatchObject({ outcome: 'accounted-for', reason: 'away-for-repair' });
    expect((await o.ok(o.officer.token, 'stocktake.get', { stocktake_id: s.id })).counted_count).toBe(1);
  });

  it('lists a device away for repair and not scanned as accounted for, not missing', async () => {
    const { entry } = await reportAndAssignOutside(o, o.printer.id);
    await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' });
    const s = await openTwoLocations(o);
    const result = await o.ok(o.records.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.accounted_for.map((f) => [f.tag, f.reason])).toEqual([['MAJI/ICT/2026/0004', 'away-for-repair']]);
    expect(result.missing.map((f) => f.tag)).not.toContain('MAJI/ICT/2026/0004');
  });

  it('records a device the register does not know, with its description, where it was found', async () => {
    const s = await openTwoLocations(o);
    const unknown = await o.ok(o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: o.locations.store, make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77', note: 'Bila lebo' });
    expect(unknown).toMatchObject({ outcome: 'unknown', make: 'Lenovo', location_name: 'Stoo ya TEHAMA' });
    const result = await o.ok(o.records.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.unknown.map((f) => [f.make, f.model, f.serial, f.found_location_name])).toEqual([['Lenovo', 'ThinkPad T14', 'LN-77', 'Stoo ya TEHAMA']]);
  });

  it('keeps the code read on an unknown device as data, so each reader sees it in their own language', async () => {
    const s = await openTwoLocations(o);
    const unknown = await o.ok(o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: o.locations.store, code: 'KANDA-0099', make: 'Lenovo', model: 'ThinkPad T14' });
    expect(unknown).toMatchObject({ outcome: 'unknown', tag: 'KANDA-0099', note: '' });
    const result = await o.ok(o.records.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.unknown.map((f) => [f.tag, f.make, f.note])).toEqual([['KANDA-0099', 'Lenovo', '']]);
    // The code alone is a description enough: the counter may have nothing else to say.
    const bare = await o.ok(o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: o.locations.store, code: 'KANDA-0100' });
    expect(bare).toMatchObject({ outcome: 'unknown', tag: 'KANDA-0100' });
  });

  it('lets the counter take back a wrong scan, after which the device can be counted again; nobody else may', async () => {
    const s = await openTwoLocations(o);
    const wrong = await scanAt(o, o.officer.token, s, o.locations.store, 'MAJI/ICT/2026/0001');
    await refusedWithoutWriting(o, o.records.token, 'stocktake.undo-count', { stocktake_id: s.id, count_id: wrong.count_id ?? '' }, 'stocktake-undo-not-yours');
    await o.ok(o.officer.token, 'stocktake.undo-count', { stocktake_id: s.id, count_id: wrong.count_id ?? '' });
    expect((await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0001')).outcome).toBe('found-here');
  });

  it('refuses scans, unknown devices and taking a count back on a closed stocktake', async () => {
    const s = await openTwoLocations(o);
    const counted = await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0002');
    await o.ok(o.records.token, 'stocktake.close', { stocktake_id: s.id });
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.undo-count', { stocktake_id: s.id, count_id: counted.count_id ?? '' }, 'stocktake-closed');
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.scan', { stocktake_id: s.id, location_id: o.locations.floor2, code: 'MAJI/ICT/2026/0001' }, 'stocktake-closed');
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: o.locations.floor2, make: 'HP' }, 'stocktake-closed');
  });

  it('shows each location\'s progress, and its counts newest first', async () => {
    const s = await openTwoLocations(o);
    await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0001');
    o.clock.advance(60_000);
    await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0002');
    const view = await o.ok(o.auditor.token, 'stocktake.get', { stocktake_id: s.id });
    expect(view.progress.find((p) => p.location_id === o.locations.floor2)).toMatchObject({ expected: 3, counted: 2 });
    const page = await o.ok(o.auditor.token, 'stocktake.counts', { stocktake_id: s.id, location_id: o.locations.floor2, limit: 1 });
    expect(page.items.map((c) => c.tag)).toEqual(['MAJI/ICT/2026/0002']);
    const next = await o.ok(o.auditor.token, 'stocktake.counts', { stocktake_id: s.id, location_id: o.locations.floor2, limit: 1, after: page.next });
    expect(next.items.map((c) => c.tag)).toEqual(['MAJI/ICT/2026/0001']);
  });

  it('refuses an unknown stocktake', async () => {
    expectRefused(await o.call(o.officer.token, 'stocktake.scan', { stocktake_id: 'nothing', location_id: o.locations.floor2, code: 'X' }), 'stocktake-not-found');
  });
});

describe('the snapshot in the journal', () => {
  it('travels in chunks of at most 1,000 devices after the opening, which names their count and SHA-256', async () => {
    const o = await openStocktakeOffice();
    for (let i = 6; i <= 1_203; i += 1) {
      await o.ok(o.officer.token, 'assets.register', { tag: `MAJI/ICT/2026/${String(i).padStart(4, '0')}`, category: 'laptop', make: 'Dell', model: 'Latitude 5440', location_id: o.locations.store });
    }
    const s = await o.ok(o.records.token, 'stocktake.open', twoLocations(o, { scope: { kind: 'all' } }));
    expect(s.expected_count).toBe(1_203);
    const events = o.store.sqlite.prepare('SELECT type, payload FROM journal WHERE entity = ? ORDER BY seq').all(s.id) as { type: string; payload: string }[];
    expect(events.map((e) => e.type)).toEqual(['stocktake.opened', 'stocktake.expected', 'stocktake.expected']);
    const chunks = events.slice(1).map((e) => JSON.parse(e.payload) as { chunk: number; rows: { tag: string }[] });
    expect(chunks.map((c) => [c.chunk, c.rows.length])).toEqual([[1, 1_000], [2, 203]]);
    expect(chunks[0]?.rows[0]?.tag).toBe('MAJI/ICT/2026/0001');
    expect(chunks[1]?.rows.at(-1)?.tag).toBe('MAJI/ICT/2026/1203');
    expect(Math.max(...events.map((e) => Buffer.byteLength(e.payload)))).toBeLessThan(MAX_LINE_BYTES / 4);
    expect(o.store.sqlite.prepare('SELECT count(*) FROM stocktake_expected WHERE stocktake_id = ?').pluck().get(s.id)).toBe(1_203);
    const header = JSON.parse(events[0]?.payload ?? '{}') as { expected_count: number; snapshot_sha256: string };
    const all = chunks.flatMap((c) => c.rows);
    expect(header).toMatchObject({ expected_count: 1_203, snapshot_sha256: createHash('sha256').update(canonicalJson(all)).digest('hex') });
  }, 120_000);
});
