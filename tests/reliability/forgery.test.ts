// Issue 12, "Tamper evidence that survives someone who rewrites the whole file": one office sends a
// bundle to its peer, prints a device's log book page, and takes a backup. Then a careful forger, with
// the file in hand, changes the device's serial in its registration, re-hashes every later event of the
// chain and rebuilds the rows: `verify` alone finds nothing. Each witness outside the file catches it —
// the peer refuses the office's next bundle, the printed page no longer holds, the backup says the
// history was rewritten — and the office's own next opening warns.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWitness, witnessCode, witnessQrText } from '../../db/documents/witness.ts';
import { fileKeyStore } from '../../db/sync/keys.ts';
import { tempDir } from '../helpers/core.ts';
import { forgeEvent } from '../helpers/forge.ts';
import { carry, exportBundle, importBundle, openReplica, registerDevice, type Replica } from '../helpers/sync.ts';

const scratch = tempDir();
const path = join(scratch.dir, 'dodoma.sqlite');
let office: Replica;
let peer: Replica;
let laptop: string;
let page: { code: string; qr: string };
let backup: string;

beforeAll(async () => {
  office = await openReplica('Dodoma', { path, keyStore: fileKeyStore(`${path}.key`) });
  peer = await openReplica('Mwanza', { seed: 2 });
  laptop = (await registerDevice(office, { tag: 'MAJI/ICT/2026/0007', category: 'laptop', make: 'Dell', model: 'Latitude 5420', serial: 'CN0X7K2M' })).id;
  await registerDevice(office, { tag: 'MAJI/ICT/2026/0008', category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn' });
  // The three witnesses, taken while the records were true.
  await carry(office, peer);
  await office.ok('documents.log-book-page', { asset_id: laptop, language: 'sw' });
  const witness = printWitness(office.store, [laptop]);
  if (!witness) throw new Error('nothing to witness');
  page = { code: witnessCode(witness), qr: witnessQrText(witness) };
  backup = (await office.ok('backups.take', {})).file;

  office.core.close();
  forgeEvent(path, 'assets.registered', (payload) => payload.tag === 'MAJI/ICT/2026/0007', (payload) => {
    payload.serial = 'CN0X7K2N';
  });
  office = await openReplica('Dodoma', { path, keyStore: fileKeyStore(`${path}.key`), initialize: false });
}, 120_000);

afterAll(() => {
  office.core.close();
  peer.core.close();
  scratch.remove();
});

describe('a forger who rewrote and re-hashed the whole chain', () => {
  it('passes verify: the chain alone proves nothing', async () => {
    expect((await office.ok('assets.get', { asset_id: laptop })).serial).toBe('CN0X7K2N');
    expect(await office.ok('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('is caught by the peer, which refuses the office’s next bundle', async () => {
    await registerDevice(office, { tag: 'MAJI/ICT/2026/0009', category: 'desktop', make: 'HP', model: 'ProDesk 400' });
    const refused = await importBundle(peer, await exportBundle(office));
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.error.code).toMatch(/fork|rewritten|history/);
    // The peer still holds the serial as it was sent.
    expect((await peer.ok('assets.get', { asset_id: laptop })).serial).toBe('CN0X7K2M');
  });

  it('is caught by the printed page, whose head and entries no longer hold', async () => {
    expect(await office.ok('documents.check', { page_code: page.code })).toMatchObject({ head: 'not-held' });
    expect(await office.ok('documents.check', { page_code: page.qr })).toMatchObject({ head: 'not-held', entries: 'changed' });
  });

  it('is caught by the backup, which the records no longer extend', async () => {
    const held = await office.ok('backups.witness', { file: backup });
    expect(held).toMatchObject({ ok: false, problem: 'rewritten' });
  });

  it('is named at the office’s own next opening', async () => {
    const warning = await office.ok('backups.startup-warning', {});
    expect(warning?.ok).toBe(false);
    expect(warning?.problems.map((problem) => `${problem.kind} ${problem.problem}`)).toEqual(['seen rewritten']);
  });
});
