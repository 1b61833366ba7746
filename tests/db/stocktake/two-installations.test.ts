// A stocktake counted by two installations (issue 13): the snapshot travels in the bundle, so the second
// installation expects the same devices; its counts come back by bundle, and a device counted in two
// places, one on each, is a conflict told in plain words in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../helpers/core.ts';
import { carry, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function replica(name: string, seed: number): Promise<Replica> {
  const r = await openReplica(name, { seed });
  open.push(r);
  return r;
}

describe('two installations counting one stocktake', () => {
  it('share the frozen snapshot and the counts, and report a device counted in two places', async () => {
    const a = await replica('Dodoma', 1);
    const b = await replica('Mwanza', 2);
    const hq = (await a.ok('locations.create', { name: 'Makao Makuu', building: 'Maji House', region: 'Dodoma' })).id;
    const lake = (await a.ok('locations.create', { name: 'Ofisi ya Kanda', building: 'Jengo A', region: 'Mwanza' })).id;
    await registerDevice(a, { tag: 'MAJI/ICT/2025/0001', location_id: hq });
    await registerDevice(a, { tag: 'MAJI/ICT/2025/0002', location_id: lake });
    const me = await a.ok('auth.me');
    const s = await a.ok('stocktake.open', {
      name: 'Uhakiki 2025',
      scope: { kind: 'all' },
      committee: [{ name: 'Asha', title: 'Msimamizi', user_id: me?.user?.id ?? null, chair: true }],
      starts_on: '2025-03-03',
      ends_on: '2025-03-07',
    });
    await carry(a, b);
    expect(rowsOf(b.store, 'stocktake_expected')).toEqual(rowsOf(a.store, 'stocktake_expected'));
    expect((await b.ok('stocktake.get', { stocktake_id: s.id })).snapshot_sha256).toBe(s.snapshot_sha256);

    // Each counts the laptop, unaware of the other: Dodoma at headquarters, Mwanza at the zone office.
    expect((await a.ok('stocktake.scan', { stocktake_id: s.id, location_id: hq, code: 'MAJI/ICT/2025/0001' })).outcome).toBe('found-here');
    expect((await b.ok('stocktake.scan', { stocktake_id: s.id, location_id: lake, code: 'MAJI/ICT/2025/0002' })).outcome).toBe('found-here');
    expect((await b.ok('stocktake.scan', { stocktake_id: s.id, location_id: lake, code: 'MAJI/ICT/2025/0001' })).outcome).toBe('found-elsewhere');
    await carry(b, a);
    await carry(a, b);
    expect(rowsOf(a.store, 'stocktake_counts')).toEqual(rowsOf(b.store, 'stocktake_counts'));
    expect((await a.ok('stocktake.get', { stocktake_id: s.id })).counted_count).toBe(2);

    const conflicts = await a.ok('stocktake.conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.text.en).toBe(
      'The device MAJI/ICT/2025/0001 was counted in two places in the stocktake Uhakiki 2025: Makao Makuu (Asha (Dodoma)), Ofisi ya Kanda (Asha (Mwanza)). Find the device, then take back the wrong count.',
    );
    expect(conflicts[0]?.text.sw).toContain('Kifaa MAJI/ICT/2025/0001 kilihesabiwa mahali pawili');
    expect((await a.ok('conflicts.list')).map((c) => c.kind)).toContain('stocktake-counted-in-two-places');

    // Once closed, no count can be taken back: the sentence no longer asks for it, and names the count
    // the findings kept (the first, at headquarters, which is where the register expects the laptop).
    await a.ok('stocktake.close', { stocktake_id: s.id });
    const closed = await a.ok('stocktake.conflicts');
    expect(closed[0]?.text.en).toBe(
      'The device MAJI/ICT/2025/0001 was counted in two places in the stocktake Uhakiki 2025: Makao Makuu (Asha (Dodoma)), Ofisi ya Kanda (Asha (Mwanza)). The stocktake is closed, so neither count can be taken back; its findings keep the first count, at Makao Makuu. Check where the device really is; if the register names another place, move it there in the register.',
    );
    expect(closed[0]?.text.sw).toContain('Uhakiki umefungwa, hivyo hakuna hesabu inayoweza kutenduliwa tena; matokeo yake yanatumia hesabu ya kwanza, Makao Makuu.');
    expect(closed[0]?.text.sw).not.toContain('futa hesabu isiyo sahihi');
    const result = await a.ok('stocktake.result', { stocktake_id: s.id });
    expect(result.found_elsewhere).toEqual([]);
    // The conflict is the same one, so a resolution recorded while open still closes it.
    expect(closed[0]?.id).toBe(conflicts[0]?.id);
  });
});
