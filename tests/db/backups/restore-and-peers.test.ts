// A restore on an installation that exchanges bundles (issue 12): the restored installation writes under
// a new origin, so its peer never sees two different events under one number; the peer accepts its next
// bundle; and the events lost with the restore come back from the peer.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okValue, tempDir } from '../../helpers/core.ts';
import { exportBundle, importBundle, openReplica, registerDevice, sharedDigest, type Replica } from '../../helpers/sync.ts';

let temp: ReturnType<typeof tempDir>;
let a: Replica;
let b: Replica;

const tags = (replica: Replica) =>
  (replica.core.services.store.sqlite.prepare('SELECT tag FROM assets ORDER BY tag').all() as { tag: string }[]).map((row) => row.tag);

/** `from`'s whole bundle into `to`, accepting an installation not seen before, as an administrator would. */
async function send(from: Replica, to: Replica) {
  return okValue(await importBundle(to, await exportBundle(from), true));
}

beforeEach(async () => {
  temp = tempDir();
  a = await openReplica('Dodoma', { path: join(temp.dir, 'dodoma.sqlite'), seed: 1 });
  b = await openReplica('Mwanza', { path: join(temp.dir, 'mwanza.sqlite'), seed: 2 });
});

afterEach(() => {
  a.core.close();
  b.core.close();
  temp.remove();
});

describe('restoring an installation that has peers', () => {
  it('writes under a new origin, is accepted by its peer, and gets back what the restore lost', async () => {
    await registerDevice(a, { tag: 'MAJI/ICT/0001' });
    await send(a, b);
    await send(b, a);
    const backup = await a.ok('backups.take', {});
    // Written after the backup, and already with the peer.
    await registerDevice(a, { tag: 'MAJI/ICT/0002' });
    await send(a, b);
    expect(tags(b)).toEqual(['MAJI/ICT/0001', 'MAJI/ICT/0002']);

    const before = a.core.services.identity.shared;
    const restored = await a.core.call(a.token, 'backups.restore', { file: backup.file, sha256: backup.sha256 });
    expect(restored.result.ok).toBe(true);
    expect(a.core.services.identity.shared).not.toBe(before);
    expect(tags(a)).toEqual(['MAJI/ICT/0001']);

    // Signed in again, the restored installation goes on working and sends its work.
    const session = await a.core.call(null, 'auth.sign-in', { username: 'asha', password: 'Kilimanjaro#2025' });
    const again: Replica = { ...a, ...a.t.as(session.session as string), origin: a.core.services.identity.shared, store: a.core.services.store };
    await registerDevice(again, { tag: 'MAJI/ICT/0003' });
    const toPeer = await send(again, b);
    expect(toPeer.open_conflicts).toBe(0);
    expect(toPeer.new_events).toBeGreaterThan(0);
    expect(tags(b)).toEqual(['MAJI/ICT/0001', 'MAJI/ICT/0002', 'MAJI/ICT/0003']);

    // The device registered after the backup comes back from the peer.
    await send(b, again);
    expect(tags(again)).toEqual(['MAJI/ICT/0001', 'MAJI/ICT/0002', 'MAJI/ICT/0003']);
    expect(sharedDigest(again.core.services.store)).toEqual(sharedDigest(b.core.services.store));
    expect(await again.ok('journal.verify', {})).toMatchObject({ ok: true });
    expect(await b.ok('journal.verify', {})).toMatchObject({ ok: true });
  });
});
