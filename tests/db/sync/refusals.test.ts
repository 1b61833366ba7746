// A hostile or damaged bundle changes nothing and says why (DESIGN.md, "Sync bundles"): every kind of
// damage, forgery and misdelivery is refused with its own code, and the receiver's every table and its
// peer list are exactly as they were.
import { copyFileSync, createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { SYSTEM_ACTOR } from '../../../db/journal/append.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { stageBundle } from '../../../db/sync/import.ts';
import { memoryKeyStore } from '../../../db/sync/keys.ts';
import { apply, exportToFile, stageFromFile } from '../../../db/sync/service.ts';
import { jcs, tempDir } from '../../helpers/core.ts';
import {
  carry,
  eventsOf,
  everything,
  exportBundle,
  hashOf,
  importBundle,
  openReplica,
  pack,
  privateKeyOf,
  registerDevice,
  reseal,
  refusedUnchanged,
  signManifest,
  strangerKey,
  unpack,
  type EventLine,
  type Replica,
} from '../../helpers/sync.ts';

const folder = tempDir();
afterAll(() => folder.remove());

/** Ministry A with a little of everything: people, places, a device with storage, a repair. */
async function busyReplica(name: string, seed: number): Promise<Replica> {
  const a = await openReplica(name, { seed });
  const department = await a.ok('departments.create', { name: 'Uhasibu', code: 'UH' });
  await a.ok('locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' });
  const people: string[] = [];
  for (const full_name of ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel']) {
    a.clock.advance(1000);
    people.push((await a.ok('people.register', { full_name, department_id: department.id })).id);
  }
  // Long notes make a long event line, which keeps the held-line bomb below quick.
  const notes = 'Imepokelewa kutoka stoo kuu; skrini ina mkwaruzo mdogo upande wa kushoto. '.repeat(25);
  const device = await registerDevice(a, { custodian_id: people[0], notes, media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EV' }] });
  await a.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
  return a;
}

describe('a bundle that is damaged, forged or out of place is refused and changes nothing', () => {
  let a: Replica;
  let b: Replica;
  let genuine: Buffer;

  beforeAll(async () => {
    a = await busyReplica('A', 11);
    genuine = await exportBundle(a);
  });
  // A fresh receiver for every case, so one refusal cannot mask another.
  afterEach(() => b?.core.close());
  async function receiver(): Promise<Replica> {
    b = await openReplica('B', { seed: 22, start: '2025-03-03T09:00:00.000Z' });
    return b;
  }

  it('the genuine bundle is accepted, so each forgery below differs from it in one respect only', async () => {
    const r = await receiver();
    const result = await importBundle(r, genuine, true);
    expect(result.ok).toBe(true);
    expect(eventsOf(genuine).length).toBeGreaterThan(5);
  });

  // A change after signing, by a forger without the key or a flash disk losing a bit, is told as
  // such: the signed header still holds, so the file is known to be a Daftari bundle, and what it
  // holds is not what was signed.
  it('refuses a byte flipped inside an event payload as changed after it was signed', async () => {
    const bundle = unpack(genuine);
    const n = bundle.lines.findIndex((line) => line.includes('"Hamisi Juma"'));
    bundle.lines[n] = (bundle.lines[n] as string).replace('"Hamisi Juma"', '"Hamisi Jumo"');
    expect(bundle.lines[n]).toContain('Hamisi Jumo');
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-altered');
  });

  it('refuses a byte flipped so that the payload is no longer JSON as changed after it was signed', async () => {
    const bundle = unpack(genuine);
    const n = bundle.lines.findIndex((line) => line.includes('"Rehema Mollel"'));
    bundle.lines[n] = (bundle.lines[n] as string).replace('"Rehema Mollel"', '"Rehema Mollel\u0000');
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-altered');
  });

  it('refuses a byte flipped in an event hash as changed after it was signed', async () => {
    const bundle = unpack(genuine);
    const line = bundle.lines[2] as string;
    const at = line.indexOf('"hash":"') + 8 + 10;
    const flipped = line[at] === 'a' ? 'b' : 'a';
    bundle.lines[2] = line.slice(0, at) + flipped + line.slice(at + 1);
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-altered');
  });

  it('refuses an event line replaced by a well-formed, well-chained one as changed after it was signed', async () => {
    // Hashes and chain redone without the key: each line passes, the signed content hash does not.
    const events = eventsOf(genuine);
    const [header] = gunzipSync(genuine).toString('utf8').split('\n');
    const person = events.findIndex((event) => JSON.stringify(event.payload).includes('"Hamisi Juma"'));
    const forged = events.map((event, i) => (i === person ? { ...event, payload: JSON.parse(JSON.stringify(event.payload).replace('Hamisi Juma', 'Hamisi Jumo')) as EventLine['payload'] } : event));
    const last = new Map<string, string>();
    const lines = forged.map((event) => {
      const { hash: _old, ...fields } = { ...event, prev_hash: last.get(event.origin) ?? event.prev_hash };
      const line = { ...fields, hash: hashOf(fields) };
      last.set(event.origin, line.hash);
      return jcs(line);
    });
    await refusedUnchanged(await receiver(), gzipSync(`${header}\n${lines.map((line) => `${line}\n`).join('')}`), 'bundle-altered');
  });

  it('refuses a byte flipped in the compressed events as changed after it was signed, wherever it falls', async () => {
    // The header is a gzip member of its own. Bytes across the events' member, after its own gzip
    // header, flipped one at a time: the deflate data breaks, or garbles a line, or the CRC no longer
    // matches. Never "not a Daftari bundle".
    const headerMember = gzipSync(`${gunzipSync(genuine).toString('utf8').split('\n')[0]}\n`, { level: 1 });
    expect(genuine.subarray(10, headerMember.length).equals(headerMember.subarray(10))).toBe(true);
    const start = headerMember.length + 10;
    const r = await receiver();
    const codes: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const at = start + Math.floor(((genuine.length - start) * i) / 40);
      const flipped = Buffer.from(genuine);
      flipped[at] = (flipped[at] as number) ^ 0x20;
      codes.push((await refusedUnchanged(r, flipped, ['bundle-altered', 'bundle-truncated'])).code);
    }
    const altered = codes.filter((code) => code === 'bundle-altered').length;
    console.info(`[sync] 40 flips in the events' member: ${altered} refused as altered, the rest as cut short`);
    // A flip can make the deflate data read as running on past the file's end: that is told as a copy cut short.
    expect(altered).toBeGreaterThan(30);
    b.core.close();

    const trailer = Buffer.from(genuine);
    const crc = trailer.length - 6;
    trailer[crc] = (trailer[crc] as number) ^ 0x01;
    await refusedUnchanged(await receiver(), trailer, 'bundle-altered');
  });

  it('still calls a file whose header is garbled not a Daftari bundle: nothing signed vouches for it', async () => {
    const garbled = Buffer.from(genuine);
    garbled[40] = (garbled[40] as number) ^ 0x20;
    await refusedUnchanged(await receiver(), garbled, ['bundle-unreadable', 'bundle-bad-signature']);
  });

  it('refuses a file cut in half', async () => {
    await refusedUnchanged(await receiver(), genuine.subarray(0, Math.floor(genuine.length / 2)), 'bundle-truncated');
  });

  it('refuses a file whose last event line was dropped and the rest compressed again', async () => {
    const bundle = unpack(genuine);
    bundle.lines.pop();
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-truncated');
  });

  it('refuses a file cut in the middle of its last event line', async () => {
    const bundle = unpack(genuine);
    const text = `${JSON.stringify(bundle.header)}\n${bundle.lines.map((l) => `${l}\n`).join('')}`;
    await refusedUnchanged(await receiver(), gzipSync(text.slice(0, text.length - 20)), 'bundle-truncated');
  });

  it('refuses a manifest signed by another key that claims the exporter’s public key', async () => {
    const bundle = unpack(genuine);
    bundle.header.signature = signManifest(bundle.header.manifest, strangerKey().pem);
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-bad-signature');
  });

  it('refuses a manifest whose event count was altered after signing', async () => {
    const bundle = unpack(genuine);
    bundle.header.manifest = { ...bundle.header.manifest, event_count: bundle.header.manifest.event_count - 1 };
    bundle.lines.pop();
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-bad-signature');
  });

  it('refuses a manifest whose content hash was altered after signing', async () => {
    const bundle = unpack(genuine);
    bundle.header.manifest = { ...bundle.header.manifest, content_sha256: '0'.repeat(64) };
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-bad-signature');
  });

  it('refuses an unknown format version', async () => {
    const bundle = unpack(genuine);
    bundle.header.version = 99;
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-unknown-version');
  });

  it('refuses a payload that fails its schema even when hashes, chain and signature are all redone', async () => {
    const events = eventsOf(genuine);
    const n = events.findIndex((e) => e.type === 'people.registered');
    const target = events[n] as EventLine;
    events[n] = { ...target, payload: { ...target.payload, full_name: 42 } };
    const forged = reseal(unpack(genuine).header, events, privateKeyOf(a));
    await refusedUnchanged(await receiver(), forged, 'bundle-invalid-payload');
  });

  it('refuses a payload without the name of who acted', async () => {
    const events = eventsOf(genuine);
    const n = events.findIndex((e) => e.type === 'departments.created');
    const { actor_name: _gone, ...payload } = (events[n] as EventLine).payload;
    events[n] = { ...(events[n] as EventLine), payload };
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a)), 'bundle-invalid-payload');
  });

  it('refuses an event of a type it does not know that does not say who acted, signed by the real key', async () => {
    // A newer peer's type is kept (newer-peer.test.ts), but every event still names who acted.
    const events = eventsOf(genuine);
    const n = events.findIndex((e) => e.type === 'locations.created');
    events[n] = { ...(events[n] as EventLine), type: 'locations.teleported', payload: { name: 'Ghorofa 2' } };
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a)), 'bundle-invalid-payload');
  });

  it('refuses an account event smuggled into a bundle, signed by the real key', async () => {
    const events = eventsOf(genuine);
    const n = events.findIndex((e) => e.type === 'locations.created');
    events[n] = { ...(events[n] as EventLine), type: 'users.signed-in', payload: { actor_name: 'Asha' } };
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a)), 'bundle-damaged');
  });

  it('refuses an event whose clock reading is not an HLC, signed by the real key', async () => {
    const events = eventsOf(genuine);
    events[3] = { ...(events[3] as EventLine), hlc: '2025-03-03 08:00' };
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a)), 'bundle-damaged');
  });

  it('refuses an event outside the range its manifest declares', async () => {
    const bundle = unpack(genuine);
    const [first, last] = bundle.header.manifest.ranges[a.origin] as [number, number];
    bundle.header.manifest = { ...bundle.header.manifest, ranges: { [a.origin]: [first, last - 1] } };
    bundle.header.signature = signManifest(bundle.header.manifest, privateKeyOf(a));
    await refusedUnchanged(await receiver(), pack(bundle), 'bundle-damaged');
  });

  it('refuses an event that does not link to its predecessor, even with its own hash redone', async () => {
    const events = eventsOf(genuine);
    const { hash: _old, ...fields } = { ...(events[3] as EventLine), prev_hash: 'f'.repeat(64) };
    events[3] = { ...fields, hash: hashOf(fields) };
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a), { rechain: false }), 'bundle-damaged');
  });

  it('refuses a chain whose clock goes backwards, which verify would reject once stored', async () => {
    // An origin's HLCs strictly increase along its chain (docs/journal.md); `daftari verify` checks it
    // (hlc-backwards), so an import that let it in would leave a file that no longer verifies.
    const events = eventsOf(genuine);
    const [x, y] = [events[2] as EventLine, events[3] as EventLine];
    events[2] = { ...x, hlc: y.hlc };
    events[3] = { ...y, hlc: x.hlc };
    const r = await receiver();
    const result = await importBundle(r, reseal(unpack(genuine).header, events, privateKeyOf(a)), true);
    const verified = await verifyStore(r.store, domain, { migrations: registry.migrations });
    expect({ refused: result.ok ? null : result.error.code, verified: verified.ok ? 'ok' : verified.problem }).toEqual({ refused: 'bundle-damaged', verified: 'ok' });
  });

  it('refuses a middle event dropped, with the content hash recomputed and the manifest re-signed by the real key', async () => {
    const events = eventsOf(genuine);
    events.splice(Math.floor(events.length / 2), 1);
    // rechain off: the gap is what is under test, not a rewritten history.
    await refusedUnchanged(await receiver(), reseal(unpack(genuine).header, events, privateKeyOf(a), { rechain: false }), 'bundle-gap');
  });

  it('refuses a rewritten history of events already held (a fork), signed by the real key', async () => {
    const r = await receiver();
    expect((await importBundle(r, genuine, true)).ok).toBe(true);
    const events = eventsOf(genuine);
    const n = events.findIndex((e) => e.type === 'locations.created');
    events[n] = { ...(events[n] as EventLine), payload: { ...(events[n] as EventLine).payload, region: 'Arusha' } };
    await refusedUnchanged(r, reseal(unpack(genuine).header, events, privateKeyOf(a)), 'bundle-fork');
  });

  it('refuses a bundle signed by a new key for an origin already trusted', async () => {
    const r = await receiver();
    expect((await importBundle(r, genuine, true)).ok).toBe(true);
    const stranger = strangerKey();
    const bundle = unpack(genuine);
    bundle.header.manifest = { ...bundle.header.manifest, public_key: stranger.publicKey };
    bundle.header.signature = signManifest(bundle.header.manifest, stranger.pem);
    const error = await refusedUnchanged(r, pack(bundle), 'bundle-key-changed', true);
    expect(error.params?.presented).not.toBe(error.params?.known);
  });

  it('a decompression bomb is refused quickly and without loading it into memory', async () => {
    // A real header (so the import reads on), then 400 MB of spaces with no newline: ~400 KB on disk.
    const path = join(folder.dir, 'bomb.daftari');
    const header = `${JSON.stringify(unpack(genuine).header)}\n`;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    async function* body(): AsyncGenerator<Buffer> {
      yield Buffer.from(header);
      for (let i = 0; i < 400; i += 1) yield chunk;
    }
    await pipeline(body(), createGzip({ level: 9 }), createWriteStream(path));
    const size = statSync(path).size;
    expect(size).toBeLessThan(2 * 1024 * 1024);

    const r = await receiver();
    const before = await everything(r);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const error = await stageFromFile(r.core.services, path).then(
      () => null,
      (e: unknown) => e as { value?: { code: string; params?: Record<string, unknown> } },
    );
    const ms = performance.now() - started;
    const grown = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.info(`[sync] bomb: ${(size / 1024).toFixed(0)} KB compressed, 400 MB inflated; refused in ${ms.toFixed(0)} ms, rss +${grown.toFixed(1)} MB`);
    // Says what was wrong — the second line runs past the limit — not "damaged at event 0".
    expect(error?.value?.code).toBe('bundle-line-too-long');
    expect(error?.value?.params).toEqual({ line: 2, megabytes: 4 });
    expect(await everything(r)).toEqual(before);
  });

  it('a bomb of valid, already-held event lines repeated is refused as too large, and says the size limit was reached', async () => {
    // Every line passes every per-line check (its hash, its range, its schema, held with the same hash),
    // the signed count promises millions of them, and the content hash is only compared at the end:
    // only the expansion limit stops it.
    const r = await receiver();
    expect((await importBundle(r, genuine, true)).ok).toBe(true);
    const { header: genuineHeader, lines } = unpack(genuine);
    const manifest = { ...genuineHeader.manifest, event_count: 10_000_000 };
    const header = { ...genuineHeader, manifest, signature: signManifest(manifest, privateKeyOf(a)) };
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const line = `${longest}\n`;
    const block = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)));
    const path = join(folder.dir, 'bomb-lines.daftari');
    async function* body(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${JSON.stringify(header)}\n`);
      for (let i = 0; i < 128; i += 1) yield block;
    }
    await pipeline(body(), createGzip({ level: 9 }), createWriteStream(path));
    const size = statSync(path).size;
    const before = await everything(r);
    const started = performance.now();
    const error = await stageBundle(r.core.services, createReadStream(path), size).then(
      () => null,
      (e: unknown) => e as { value?: { code: string; params?: Record<string, unknown> } },
    );
    console.info(`[sync] held-line bomb: ${(size / 1024).toFixed(0)} KB compressed, 128 MB inflated; refused in ${(performance.now() - started).toFixed(0)} ms`);
    expect(error?.value?.code).toBe('bundle-too-large');
    expect(error?.value?.params).toEqual({ megabytes: 64 });
    expect(await everything(r)).toEqual(before);
  });

  it('refuses lines padded after the events the signature counts, saying the bundle goes on past them', async () => {
    const r = await receiver();
    expect((await importBundle(r, genuine, true)).ok).toBe(true);
    const bundle = unpack(genuine);
    bundle.lines = [...bundle.lines, ...bundle.lines];
    const error = await refusedUnchanged(r, pack(bundle), 'bundle-overlong');
    expect(error.params).toEqual({ count: bundle.header.manifest.event_count });
  });
});

describe('trust: a known origin keeps its key, an unknown one waits for an administrator', () => {
  it('refuses a bundle from an installation whose key was replaced (same file, new key store)', async () => {
    const folderA = tempDir();
    try {
      const path = join(folderA.dir, 'a.sqlite');
      const a = await openReplica('A', { path, seed: 11 });
      await a.ok('people.register', { full_name: 'Zuhura Said' });
      const b = await openReplica('B', { seed: 22 });
      expect((await importBundle(b, await exportBundle(a), true)).ok).toBe(true);
      a.core.close();

      // The key file was lost: the same database opened with an empty key store makes a new key.
      const again = await openReplica('A again', { path, seed: 12, keyStore: memoryKeyStore(), initialize: false });
      expect(again.origin).toBe(a.origin);
      await again.ok('people.register', { full_name: 'Hamisi Juma' });
      const bundle = await exportBundle(again);
      const error = await refusedUnchanged(b, bundle, 'bundle-key-changed', true);
      // The administrator is shown both fingerprints to compare by phone.
      expect(error.params?.known).toBe(a.core.services.signingKey().fingerprint);
      expect(error.params?.presented).toBe(again.core.services.signingKey().fingerprint);
      again.core.close();
      b.core.close();
    } finally {
      folderA.remove();
    }
  });

  it('refuses, through the service functions and files, a bundle carried by the command line the same way', async () => {
    const dir = tempDir();
    try {
      const a = await busyReplica('A', 11);
      const b = await openReplica('B', { seed: 22 });
      const path = join(dir.dir, 'a.daftari');
      await exportToFile(a.core.services, SYSTEM_ACTOR, null, path);
      const staged = await stageFromFile(b.core.services, path);
      expect(staged.peer.status).toBe('new');
      const before = await everything(b);
      await expect(apply(b.core.services, staged, SYSTEM_ACTOR, false, 'a.daftari')).rejects.toThrow('peer-unknown');
      expect(await everything(b)).toEqual(before);
      const accepted = await apply(b.core.services, await stageFromFile(b.core.services, path), SYSTEM_ACTOR, true, 'a.daftari');
      expect(accepted.new_events).toBeGreaterThan(0);
      a.core.close();
      b.core.close();
    } finally {
      dir.remove();
    }
  });
});

describe('a gap in an origin’s sequence', () => {
  it('refuses a bundle made for one installation and carried to another that holds less of it', async () => {
    const a = await openReplica('A', { seed: 11 });
    const b = await openReplica('B', { seed: 22 });
    const c = await openReplica('C', { seed: 33 });
    await a.ok('people.register', { full_name: 'Zuhura Said' });
    await carry(a, c); // C holds A's first events only.
    await a.ok('people.register', { full_name: 'Hamisi Juma' });
    await carry(a, b);
    await carry(b, a); // A now knows B holds everything of A's so far.
    await a.ok('people.register', { full_name: 'Rehema Mollel' });
    const forB = await exportBundle(a, b.origin);
    expect(eventsOf(forB).map((e) => e.payload.full_name)).toEqual(['Rehema Mollel']);

    await refusedUnchanged(c, forB, 'bundle-gap', true);
    // Its intended receiver takes it.
    expect((await importBundle(b, forB)).ok).toBe(true);
    for (const r of [a, b, c]) r.core.close();
  });

  it('refuses a bundle for a peer whose file went back to an older copy', async () => {
    const dir = tempDir();
    try {
      const a = await openReplica('A', { seed: 11 });
      const bPath = join(dir.dir, 'b.sqlite');
      const keyB = memoryKeyStore();
      const b = await openReplica('B', { path: bPath, seed: 22, keyStore: keyB });
      await a.ok('people.register', { full_name: 'Zuhura Said' });
      await carry(a, b);
      b.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(bPath, join(dir.dir, 'b-backup.sqlite'));
      await a.ok('people.register', { full_name: 'Hamisi Juma' });
      await carry(a, b);
      await carry(b, a); // A learns B holds both people.
      b.core.close();

      // B is restored from the backup, which holds only the first person; A's next bundle skips the second.
      copyFileSync(join(dir.dir, 'b-backup.sqlite'), bPath);
      for (const suffix of ['-wal', '-shm']) rmSync(`${bPath}${suffix}`, { force: true });
      const restored = await openReplica('B restored', { path: bPath, seed: 23, keyStore: keyB, initialize: false });
      await a.ok('people.register', { full_name: 'Rehema Mollel' });
      const error = await refusedUnchanged(restored, await exportBundle(a, b.origin), 'bundle-gap', false);
      expect(error.params?.expected).toBe(3); // A's setup and the first person are all the copy holds.
      // A full bundle heals it.
      expect((await importBundle(restored, await exportBundle(a))).ok).toBe(true);
      a.core.close();
      restored.core.close();
    } finally {
      dir.remove();
    }
  });
});
