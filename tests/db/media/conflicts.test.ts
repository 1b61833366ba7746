// 3.6.7 after a merge: one flash disk issued to two different servants, each on a different
// installation. Both installations show the same conflict in plain terms (the tag and both holders);
// voiding the issue that never happened, or returning the medium from one holder, clears it everywhere.
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../helpers/core.ts';
import { carry, conflictsOf, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';
import { ALL_RULES } from './fixtures.ts';

const open: Replica[] = [];
/** The rows both installations must agree on: the register and the media issues. */
const digest = (r: Replica) => ({ assets: rowsOf(r.store, 'assets'), issues: rowsOf(r.store, 'media_issues') });
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

/** Two installations holding one flash disk and two servants, then each issuing the disk to another. */
async function issuedOnBoth() {
  const a = await openReplica('A', { seed: 1, start: '2025-03-03T08:00:00.000Z' });
  const b = await openReplica('B', { seed: 2, start: '2025-03-03T08:00:30.000Z' });
  open.push(a, b);
  const zuhura = (await a.ok('people.register', { full_name: 'Zuhura Said' })).id;
  const hamisi = (await a.ok('people.register', { full_name: 'Hamisi Juma' })).id;
  const disk = await registerDevice(a, { category: 'flash_disk', make: 'Kingston', model: 'DataTraveler', serial: 'KT-1' });
  await exchange(a, b);
  const issue = (person_id: string) => ({ asset_id: disk.id, person_id, purpose: 'Kuhamisha taarifa', issued_on: '2025-03-03', acknowledged: ALL_RULES });
  const onA = (await a.ok('media.issue', issue(zuhura))).open_issue_id as string;
  const onB = (await b.ok('media.issue', issue(hamisi))).open_issue_id as string;
  await exchange(a, b);
  return { a, b, disk, zuhura, hamisi, onA, onB };
}

describe('a medium issued twice after a merge', () => {
  it('is the same conflict on both installations, naming the tag and both holders', async () => {
    const { a, b, disk, onA, onB } = await issuedOnBoth();
    const seen = (await a.ok('conflicts.list')).filter((c) => c.kind === 'media-issued-twice');
    expect(seen).toEqual([
      {
        id: expect.any(String),
        kind: 'media-issued-twice',
        entities: [disk.id, ...[onA, onB].sort()],
        detail: { tag: disk.tag, issues: [onA, onB].sort(), holders: expect.arrayContaining(['Zuhura Said', 'Hamisi Juma']) },
      },
    ]);
    expect(await conflictsOf(b)).toEqual(await conflictsOf(a));
    // Both installations folded the two issues in the same order: the same holder on both.
    expect(digest(a)).toEqual(digest(b));
    expect((await a.ok('media.get', { asset_id: disk.id })).open_issues).toBe(2);
  });

  it('is cleared on both by voiding the issue that never happened, the other holder keeping the medium', async () => {
    const { a, b, disk, zuhura, onB } = await issuedOnBoth();
    const medium = await b.ok('media.void-issue', { issue_id: onB, reason: 'Kifaa kilitolewa kwa Zuhura; Hamisi hakukipokea' });
    expect(medium).toMatchObject({ custodian_id: zuhura, holder_name: 'Zuhura Said', open_issues: 1, status: 'in_service' });
    expect(medium.issues.find((i) => i.id === onB)).toMatchObject({ state: 'voided', void_reason: 'Kifaa kilitolewa kwa Zuhura; Hamisi hakukipokea' });
    await exchange(a, b);
    for (const r of [a, b]) {
      expect((await r.ok('conflicts.list')).filter((c) => c.kind === 'media-issued-twice')).toEqual([]);
      expect((await r.ok('media.get', { asset_id: disk.id })).custodian_id).toBe(zuhura);
    }
    expect(digest(a)).toEqual(digest(b));
  });

  it('is cleared by returning the medium from one holder, the other still holding it', async () => {
    const { a, b, disk, hamisi, onA } = await issuedOnBoth();
    const medium = await a.ok('media.return', { issue_id: onA, returned_on: '2025-03-03', condition: 'good' });
    expect(medium).toMatchObject({ custodian_id: hamisi, open_issues: 1 });
    await exchange(a, b);
    expect((await b.ok('conflicts.list')).filter((c) => c.kind === 'media-issued-twice')).toEqual([]);
    expect((await b.ok('media.get', { asset_id: disk.id })).custodian_id).toBe(hamisi);
  });
});
