// Attachments travel in bundles (docs/bundle.md, "Attached files"): a job card attached on one
// installation reaches the other as the file itself, checked by SHA-256 on arrival and limited in size;
// a tampered or oversized file is refused and changes nothing. A bundle without files stays version 1.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES } from '../../../db/sync/format.ts';
import { exportBundle, importBundle, openReplica, privateKeyOf, refusedUnchanged, registerDevice, signManifest, unpack, type Header, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function replica(name: string, seed: number): Promise<Replica> {
  const r = await openReplica(name, { seed, start: '2025-03-03T08:00:00.000Z' });
  open.push(r);
  return r;
}

/** A scanned job card: incompressible bytes, a little over two bundle pieces long. */
const JOB_CARD = Buffer.concat([Buffer.from('%PDF-1.7 kadi ya kazi JC-2025-114\n'), createHash('sha512').update('kadi').digest(), Buffer.alloc(2 * ATTACHMENT_CHUNK_BYTES + 5000, 0x41)]);

async function officeWithJobCard(): Promise<{ a: Replica; sha256: string }> {
  const a = await replica('A', 31);
  const device = await registerDevice(a);
  const entry = await a.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
  const view = await a.ok('maintenance.attach', {
    entry_id: entry.id,
    file: { name: 'kadi-ya-kazi.pdf', mime: 'application/pdf', base64: JOB_CARD.toString('base64') },
  });
  return { a, sha256: view.attachments[0]?.sha256 as string };
}

/** The bundle's text lines: header, events, then the pieces of the files. */
function textLines(bytes: Buffer): string[] {
  return gunzipSync(bytes).toString('utf8').split('\n').slice(0, -1);
}

function packLines(lines: string[]): Buffer {
  return gzipSync(lines.map((line) => `${line}\n`).join(''));
}

describe('attachments travel in bundles', () => {
  it('a job card attached at A reaches B as the file itself, its SHA-256 checked, and B still verifies', async () => {
    const { a, sha256 } = await officeWithJobCard();
    const bytes = await exportBundle(a);
    const header = unpack(bytes).header as Header & { manifest: { attachments?: unknown[] } };
    expect(header.version).toBe(2);
    expect(header.manifest.attachments).toEqual([{ sha256, name: 'kadi-ya-kazi.pdf', mime: 'application/pdf', size: JOB_CARD.length }]);

    const b = await replica('B', 32);
    const previewed = await b.ok('sync.preview', { file: { name: 'a.daftari', base64: bytes.toString('base64') } });
    expect(previewed.new_files).toBe(1);
    const result = await b.ok('sync.import', { file: { name: 'a.daftari', base64: bytes.toString('base64') }, accept_new_peer: true });
    expect(result.new_files).toBe(1);
    const file = await b.ok('attachments.get', { sha256 });
    expect(Buffer.from(file.base64, 'base64').equals(JOB_CARD)).toBe(true);
    expect(file.name).toBe('kadi-ya-kazi.pdf');
    expect(await verifyStore(b.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });

    // Imported again: nothing new, the file is held once.
    const again = await b.ok('sync.import', { file: { name: 'a.daftari', base64: bytes.toString('base64') } });
    expect(again).toMatchObject({ new_files: 0, new_events: 0 });
    expect((b.store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n).toBe(1);
  });

  it('refuses a file whose bytes were changed on the way, and changes nothing', async () => {
    const { a } = await officeWithJobCard();
    const lines = textLines(await exportBundle(a));
    // The last line is the last piece of the job card: one byte of it changed, base64 redone.
    const last = JSON.parse(lines.at(-1) as string) as { sha256: string; offset: number; data: string };
    const data = Buffer.from(last.data, 'base64');
    data[10] = (data[10] as number) ^ 0xff;
    lines[lines.length - 1] = JSON.stringify({ ...last, data: data.toString('base64') });
    const b = await replica('B', 33);
    const error = await refusedUnchanged(b, packLines(lines), 'bundle-attachment-altered');
    expect(error.params).toEqual({ name: 'kadi-ya-kazi.pdf' });
    expect((b.store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n).toBe(0);
  });

  it('refuses a file declared larger than the limit, even signed by the real key, before reading it', async () => {
    const { a } = await officeWithJobCard();
    const lines = textLines(await exportBundle(a));
    const header = JSON.parse(lines[0] as string) as Header & { manifest: { attachments: { size: number }[] } };
    const manifest = { ...header.manifest, attachments: header.manifest.attachments.map((f) => ({ ...f, size: MAX_ATTACHMENT_BYTES + 1 })) };
    lines[0] = JSON.stringify({ ...header, manifest, signature: signManifest(manifest as unknown as Header['manifest'], privateKeyOf(a)) });
    const b = await replica('B', 34);
    const error = await refusedUnchanged(b, packLines(lines), 'bundle-attachment-too-large');
    expect(error.params).toEqual({ name: 'kadi-ya-kazi.pdf', megabytes: 15 });
  });

  it('never trusts a path from a bundle: a file name is a label, the file is kept by its hash', async () => {
    const { a, sha256 } = await officeWithJobCard();
    const lines = textLines(await exportBundle(a));
    const header = JSON.parse(lines[0] as string) as Header & { manifest: { attachments: { name: string }[] } };
    const manifest = { ...header.manifest, attachments: header.manifest.attachments.map((f) => ({ ...f, name: '../../etc/passwd' })) };
    lines[0] = JSON.stringify({ ...header, manifest, signature: signManifest(manifest as unknown as Header['manifest'], privateKeyOf(a)) });
    const b = await replica('B', 35);
    expect((await importBundle(b, packLines(lines), true)).ok).toBe(true);
    const stored = b.store.sqlite.prepare('SELECT name FROM attachments WHERE sha256 = ?').get(sha256) as { name: string };
    expect(stored.name).toBe('.._.._etc_passwd');
  });

  it('a bundle without files is a version-1 bundle with no attachments member, as before', async () => {
    const a = await replica('A', 36);
    await registerDevice(a);
    const { header } = unpack(await exportBundle(a));
    expect(header.version).toBe(1);
    expect(Object.keys(header.manifest)).not.toContain('attachments');
  });
});
