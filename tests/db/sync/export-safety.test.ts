// Exporting and receiving bundles as the command line and the window do: account events never leave,
// whatever the file's tables say; an existing file is not overwritten unless asked; a missing file is
// called missing; a clock far ahead is refused; a revoked installation can be trusted again; bundle
// names use the office's local time.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Refusal } from '../../../db/core/refusal.ts';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { SYSTEM_ACTOR } from '../../../db/journal/append.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { bundleFileName, exportToFile, stageFromFile } from '../../../db/sync/service.ts';
import { tempDir } from '../../helpers/core.ts';
import { carry, eventsOf, exportBundle, importBundle, openReplica, refusedUnchanged, registerDevice, unpack, type Replica } from '../../helpers/sync.ts';

const folder = tempDir();
afterAll(() => folder.remove());
const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function replica(name: string, seed: number, start?: string): Promise<Replica> {
  const r = await openReplica(name, { seed, ...(start ? { start } : {}) });
  open.push(r);
  return r;
}

async function refusal(promise: Promise<unknown>): Promise<Refusal['value']> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Refusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.value;
}

describe('account events never leave the installation, whatever the origins table says', () => {
  it('refuses to export once the account chain is called shared in the file, leaves no file, and verify names the origins row', async () => {
    const a = await replica('A', 41);
    await registerDevice(a);
    const { local } = a.core.services.identity;
    // What a person with the file and a SQLite shell can do.
    a.store.sqlite.prepare("UPDATE origins SET scope = 'shared' WHERE origin = ?").run(local);

    const dir = join(folder.dir, 'scope');
    mkdirSync(dir);
    const path = join(dir, 'leak.daftari');
    const value = await refusal(exportToFile(a.core.services, SYSTEM_ACTOR, null, path));
    expect(value.code).toBe('bundle-holds-local-event');
    expect(value.params).toMatchObject({ type: 'users.created', origin: local, n: 1 });
    expect(readdirSync(dir)).toEqual([]);

    // The window's route refuses the same way, and records no export.
    const before = a.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get();
    const routed = await a.call('sync.export', { peer_id: null });
    expect(routed.ok ? null : routed.error.code).toBe('bundle-holds-local-event');
    expect(a.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get()).toEqual(before);

    expect(await verifyStore(a.store, domain, { migrations: registry.migrations })).toEqual({ ok: false, kind: 'row', table: 'origins', id: local, problem: 'scope-mismatch' });
  });

  it('an untouched file exports only shared event types, and the password hash is never in the bundle', async () => {
    const a = await replica('A', 42);
    await registerDevice(a);
    const bytes = await exportBundle(a);
    expect(eventsOf(bytes).every((event) => domain.events.get(event.type)?.scope === 'shared')).toBe(true);
    expect(bytes.length).toBeGreaterThan(0);
    expect(gunzipSync(bytes).toString('utf8')).not.toContain('scrypt$');
  });
});

describe('writing the bundle file', () => {
  it('refuses to overwrite an existing file, naming it, and leaves it as it was', async () => {
    const a = await replica('A', 43);
    const path = join(folder.dir, 'exists.daftari');
    writeFileSync(path, 'barua ya zamani');
    const value = await refusal(exportToFile(a.core.services, SYSTEM_ACTOR, null, path));
    expect(value).toEqual({ code: 'file-exists', message: 'errors.file-exists', params: { file: path } });
    expect(readFileSync(path, 'utf8')).toBe('barua ya zamani');
  });

  it('replaces the file when asked to (--force), with a complete bundle', async () => {
    const a = await replica('A', 44);
    await registerDevice(a);
    const path = join(folder.dir, 'forced.daftari');
    writeFileSync(path, 'barua ya zamani');
    const summary = await exportToFile(a.core.services, SYSTEM_ACTOR, null, path, { overwrite: true });
    const { header, lines } = unpack(readFileSync(path));
    expect(header.manifest.content_sha256).toBe(summary.content_sha256);
    expect(lines.length).toBe(summary.event_count);
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('names the bundle by the time on the office wall in Dar es Salaam, not UTC', async () => {
    const a = await replica('A', 45);
    expect(bundleFileName(a.core.services, new Date('2026-11-23T14:59:19.000Z'))).toBe('daftari-maji-2026-11-23-17-59-19.daftari');
    // Past midnight in Dar es Salaam while still the day before in UTC.
    expect(bundleFileName(a.core.services, new Date('2026-11-23T22:30:00.000Z'))).toBe('daftari-maji-2026-11-24-01-30-00.daftari');
  });
});

describe('receiving a bundle file', () => {
  it('says that a missing bundle file does not exist, not that it is damaged', async () => {
    const b = await replica('B', 46);
    const path = join(folder.dir, 'hakuna.daftari');
    expect(existsSync(path)).toBe(false);
    const value = await refusal(stageFromFile(b.core.services, path));
    expect(value).toEqual({ code: 'bundle-file-not-found', message: 'errors.bundle-file-not-found', params: { file: path } });
  });

  it('refuses events from a clock more than a day ahead, naming the installation and how far, and writes nothing', async () => {
    // A's PC thinks it is three days and five hours later than it is.
    const a = await replica('A', 47, '2025-03-06T13:00:00.000Z');
    await registerDevice(a);
    const b = await replica('B', 48, '2025-03-03T08:00:00.000Z');
    const error = await refusedUnchanged(b, await exportBundle(a), 'bundle-clock-ahead');
    expect(error.params).toMatchObject({ n: 1, days: 3, hours: 5, limit: 24 });
    expect(String(error.params?.origin)).toContain(a.origin);
  });

  it('accepts a clock a few hours ahead, within the margin', async () => {
    const a = await replica('A', 49, '2025-03-03T20:00:00.000Z');
    await registerDevice(a);
    const b = await replica('B', 50, '2025-03-03T08:00:00.000Z');
    expect((await importBundle(b, await exportBundle(a), true)).ok).toBe(true);
  });
});

describe('a revoked installation can be trusted again', () => {
  it('after the administrator types the fingerprint that office reads out, its bundles are accepted again', async () => {
    const a = await replica('A', 51);
    const b = await replica('B', 52, '2025-03-03T09:00:00.000Z');
    await carry(a, b);
    await b.ok('peers.revoke', { peer_id: a.origin });
    await registerDevice(a);
    const bundle = await exportBundle(a);
    await refusedUnchanged(b, bundle, 'peer-revoked', false);

    const fingerprint = a.core.services.signingKey().fingerprint;
    const wrong = await b.call('peers.trust-again', { peer_id: a.origin, fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'peer-fingerprint-mismatch', fields: { fingerprint: 'errors.peer-fingerprint-mismatch' } });
    await refusedUnchanged(b, bundle, 'peer-revoked', false);

    // As read out over the phone: spacing and case do not matter.
    const peers = await b.ok('peers.trust-again', { peer_id: a.origin, fingerprint: ` ${fingerprint.toLowerCase().replace(/ /g, '')} ` });
    expect(peers.find((p) => p.id === a.origin)?.status).toBe('trusted');
    expect((await importBundle(b, bundle)).ok).toBe(true);
    expect(await verifyStore(b.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });

    const event = b.store.sqlite.prepare("SELECT * FROM journal WHERE type = 'peers.trusted-again'").get() as { payload: string; actor: string; hlc: string; type: string; entity: string; origin: string; origin_seq: number };
    const t = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`;
    expect(registry.describe({ ...event, payload: JSON.parse(event.payload) as Record<string, unknown> } as never, t as never)).toContain(fingerprint);

    const again = await b.call('peers.trust-again', { peer_id: a.origin, fingerprint });
    expect(again.ok ? null : again.error.code).toBe('peer-not-revoked');
  });

  it('only an administrator trusts again, and an unknown field is refused by name', async () => {
    const a = await replica('A', 53);
    const extra = await a.callRaw('peers.trust-again', { peer_id: a.origin, fingerprint: 'x', note: 'ndiyo' });
    expect(extra.ok).toBe(false);
    expect(JSON.stringify(extra.ok ? null : extra.error)).toContain('note');
  });
});
