// Closing a stocktake (the chair only) and the actions its result offers, each with the role it needs
// and each through the area that owns the change (issue 13).
import { beforeEach, describe, expect, it } from 'vitest';
import { refusedWithoutWriting } from '../../helpers/core.ts';
import { openStocktakeOffice, openTwoLocations, scanAt, type Stocktake, type StocktakeOffice } from './fixture.ts';

/** A stocktake counted with one finding of each kind, then closed by its chair. */
async function counted(o: StocktakeOffice, close = true): Promise<{ s: Stocktake; unknownId: string }> {
  const s = await openTwoLocations(o);
  const { floor2, store } = o.locations;
  await scanAt(o, o.officer.token, s, floor2, 'MAJI/ICT/2026/0001', { custodian_id: o.people.rehema });
  await scanAt(o, o.officer.token, s, store, 'MAJI/ICT/2026/0002');
  await scanAt(o, o.officer.token, s, store, 'MAJI/ICT/2026/0004', { condition: 'unserviceable', label_missing: true });
  const unknown = await o.ok(o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: store, make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77' });
  if (close) await o.ok(o.records.token, 'stocktake.close', { stocktake_id: s.id });
  return { s, unknownId: unknown.id };
}

describe('closing a stocktake', () => {
  let o: StocktakeOffice;
  beforeEach(async () => {
    o = await openStocktakeOffice();
  });

  it('is refused to anyone but the chair, signed in as themself', async () => {
    const s = await openTwoLocations(o);
    const refused = await refusedWithoutWriting(o, o.officer.token, 'stocktake.close', { stocktake_id: s.id }, 'stocktake-chair-only');
    expect(refused.params).toEqual({ name: 'Mwanaidi Kombo' });
    await refusedWithoutWriting(o, o.admin, 'stocktake.close', { stocktake_id: s.id }, 'stocktake-chair-only');
  });

  it('lists every finding and the counts by location, and freezes the totals in the closing', async () => {
    const { s } = await counted(o);
    const result = await o.ok(o.auditor.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.stocktake).toMatchObject({ state: 'closed', closed_by_name: 'Mwanaidi Kombo' });
    expect(result.missing.map((f) => f.tag)).toEqual(['MAJI/ICT/2026/0003', 'MAJI/ICT/2026/0005']);
    expect(result.found_elsewhere.map((f) => [f.tag, f.expected_location_name, f.found_location_name])).toEqual([['MAJI/ICT/2026/0002', 'Ghorofa 2', 'Stoo ya TEHAMA']]);
    expect(result.custodian_mismatches.map((f) => [f.tag, f.expected_custodian_name, f.found_custodian_name])).toEqual([['MAJI/ICT/2026/0001', 'Zuhura Said', 'Rehema Mollel']]);
    expect(result.condition_differences.map((f) => [f.tag, f.condition])).toEqual([['MAJI/ICT/2026/0004', 'unserviceable']]);
    expect(result.labels_missing.map((f) => f.tag)).toEqual(['MAJI/ICT/2026/0004']);
    expect(result.unknown.map((f) => f.make)).toEqual(['Lenovo']);
    expect(result.by_location).toEqual([
      { location_id: o.locations.floor2, location_name: 'Ghorofa 2', expected: 3, found: 2, missing: 1 },
      { location_id: o.locations.store, location_name: 'Stoo ya TEHAMA', expected: 2, found: 1, missing: 1 },
    ]);
    const totals = { expected: 5, found: 3, missing: 2, found_elsewhere: 1, custodian_mismatches: 1, condition_differences: 1, labels_missing: 1, unknown: 1, accounted_for: 0 };
    expect(result.totals).toEqual(totals);
    expect(result.stocktake.totals).toEqual(totals);
  });

  it('refuses actions while the stocktake is open', async () => {
    const { s } = await counted(o, false);
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop2.id }, 'stocktake-not-closed');
    await refusedWithoutWriting(o, o.records.token, 'stocktake.report-missing', { stocktake_id: s.id, asset_id: o.desktop.id, note: 'Hakionekani' }, 'stocktake-not-closed');
  });
});

describe('actions on the result', () => {
  let o: StocktakeOffice;
  let s: Stocktake;
  let unknownId: string;
  beforeEach(async () => {
    o = await openStocktakeOffice();
    ({ s, unknownId } = await counted(o));
  });

  it('moves a device found elsewhere to where it was found, through the register, once; ICT only', async () => {
    await refusedWithoutWriting(o, o.records.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop2.id }, 'forbidden');
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop.id }, 'stocktake-not-found-elsewhere');
    await o.ok(o.officer.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop2.id });
    expect((await o.ok(o.officer.token, 'assets.get', { asset_id: o.laptop2.id })).location_id).toBe(o.locations.store);
    const result = await o.ok(o.officer.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.found_elsewhere[0]?.action).toMatchObject({ kind: 'moved', ref: o.laptop2.id, by_name: 'Juma Ally' });
    await refusedWithoutWriting(o, o.officer.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop2.id }, 'stocktake-action-already-taken');
  });

  it('corrects the custodian by starting a handover to the custodian seen, and links it', async () => {
    await refusedWithoutWriting(o, o.accountant.token, 'stocktake.correct-custodian', { stocktake_id: s.id, asset_id: o.laptop.id }, 'forbidden');
    await o.ok(o.officer.token, 'stocktake.correct-custodian', { stocktake_id: s.id, asset_id: o.laptop.id });
    const result = await o.ok(o.officer.token, 'stocktake.result', { stocktake_id: s.id });
    const action = result.custodian_mismatches[0]?.action;
    expect(action).toMatchObject({ kind: 'custodian-corrected' });
    const handover = await o.ok(o.officer.token, 'handovers.get', { handover_id: action?.ref ?? '' });
    expect(handover).toMatchObject({ state: 'pending', from_name: 'Zuhura Said', to_name: 'Rehema Mollel' });
  });

  it('registers an unknown device from its description at the location where it was found; ICT only', async () => {
    await refusedWithoutWriting(o, o.records.token, 'stocktake.register-unknown', { stocktake_id: s.id, count_id: unknownId, category: 'laptop' }, 'forbidden');
    await o.ok(o.officer.token, 'stocktake.register-unknown', { stocktake_id: s.id, count_id: unknownId, category: 'laptop' });
    const result = await o.ok(o.officer.token, 'stocktake.result', { stocktake_id: s.id });
    const action = result.unknown[0]?.action;
    expect(action).toMatchObject({ kind: 'registered' });
    expect(await o.ok(o.officer.token, 'assets.get', { asset_id: action?.ref ?? '' })).toMatchObject({ make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77', location_id: o.locations.store });
  });

  it('reports a missing device as an incident in the Accounting Officer\'s inbox until acknowledged', async () => {
    await refusedWithoutWriting(o, o.records.token, 'stocktake.report-missing', { stocktake_id: s.id, asset_id: o.laptop.id, note: 'x' }, 'stocktake-not-missing');
    await o.ok(o.records.token, 'stocktake.report-missing', { stocktake_id: s.id, asset_id: o.desktop.id, note: 'Hakikuonekana Ghorofa 2' });
    const waiting = async () => (await o.ok(o.accountant.token, 'inbox.list')).items.find((item) => item.key === 'stocktake-missing-reported');
    expect(await waiting()).toMatchObject({ count: 1 });
    await refusedWithoutWriting(o, o.records.token, 'stocktake.acknowledge-incident', { stocktake_id: s.id, asset_id: o.desktop.id }, 'forbidden');
    await o.ok(o.accountant.token, 'stocktake.acknowledge-incident', { stocktake_id: s.id, asset_id: o.desktop.id });
    expect(await waiting()).toBeUndefined();
    const result = await o.ok(o.accountant.token, 'stocktake.result', { stocktake_id: s.id });
    expect(result.missing.find((f) => f.tag === 'MAJI/ICT/2026/0003')?.action).toMatchObject({ kind: 'missing-reported', acknowledged: true });
  });

  it('tells each step in the stocktake\'s history, in Swahili and English', async () => {
    await o.ok(o.records.token, 'stocktake.report-missing', { stocktake_id: s.id, asset_id: o.desktop.id, note: 'Hakikuonekana Ghorofa 2' });
    const history = await o.ok(o.auditor.token, 'history.entity', { entity: s.id });
    const en = history.map((line) => line.sentence.en);
    expect(en.at(-1)).toMatch(/^Mwanaidi Kombo opened the stocktake Uhakiki wa mwaka 2026 .*: devices expected: 5, snapshot SHA-256 [0-9a-f]{12}…$/);
    expect(en).toContain('Part 1 of the frozen snapshot, devices: 5.');
    expect(en).toContain('Juma Ally counted MAJI/ICT/2026/0002 at Stoo ya TEHAMA: found elsewhere.');
    expect(en).toContain('Mwanaidi Kombo closed the stocktake Uhakiki wa mwaka 2026 as chair: 5 expected, 3 found, 2 missing, 1 not in the register.');
    expect(history.map((line) => line.sentence.sw)).toContain('Juma Ally alihesabu MAJI/ICT/2026/0002 katika Stoo ya TEHAMA: kimekutwa mahali pengine.');
    const device = await o.ok(o.auditor.token, 'history.entity', { entity: o.desktop.id });
    expect(device.map((line) => line.sentence.en)).toContain('Mwanaidi Kombo reported MAJI/ICT/2026/0003 missing to the Accounting Officer: Hakikuonekana Ghorofa 2');
  });
});
