// Issue 9, export in one pass: the lines after the header are hashed and compressed as the journal is
// read, into a private file; the signed header then leads the bundle as a gzip member of its own. The
// bundle reads as one text with any gzip reader, and no private file outlives the export.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Refusal } from '../../../db/core/refusal.ts';
import { SYSTEM_ACTOR } from '../../../db/journal/append.ts';
import { exportToFile } from '../../../db/sync/service.ts';
import { okValue } from '../../helpers/core.ts';
import { eventsOf, importBundle, openReplica, registerDevice, unpack, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
let temporary: string;
let previousTmp: string | undefined;
beforeEach(() => {
  // Every private file an export makes goes under the system's temporary folder: watch a fresh one.
  temporary = mkdtempSync(join(tmpdir(), 'daftari-export-test-'));
  previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(temporary, 'tmp');
  mkdirSync(process.env.TMPDIR);
});
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(temporary, { recursive: true, force: true });
});

async function office(name: string, seed: number): Promise<Replica> {
  const r = await openReplica(name, { seed });
  open.push(r);
  const person = await r.ok('people.register', { full_name: 'Saida Omari', check_number: '300100' });
  for (let i = 0; i < 4; i += 1) await registerDevice(r, { custodian_id: person.id, serial: `5CG10${i}` });
  return r;
}

/** The gzip members of a file, each decompressed on its own. */
function members(bytes: Buffer): string[] {
  const texts: string[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    // One member: gunzip stops at its end; find that end by inflating its deflate stream alone.
    const flags = rest[3] as number;
    if (flags !== 0) throw new Error('a header with optional fields');
    const inflated = inflateRawSync(rest.subarray(10), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    texts.push(inflated.buffer.toString('utf8'));
    rest = rest.subarray(10 + inflated.engine.bytesWritten + 8);
  }
  return texts;
}

describe('a bundle written in one pass', () => {
  it('holds the header line alone in its first gzip member and every other line in the second, reading as one text', async () => {
    const a = await office('A', 51);
    const path = join(temporary, 'a.daftari');
    const summary = await exportToFile(a.core.services, SYSTEM_ACTOR, null, path);
    const bytes = readFileSync(path);
    const [header, body, ...more] = members(bytes);
    expect(more).toEqual([]);
    expect(header?.endsWith('\n')).toBe(true);
    expect(header?.split('\n')).toHaveLength(2);
    expect(JSON.parse(header as string)).toMatchObject({ format: 'daftari-bundle', manifest: { event_count: summary.event_count, content_sha256: summary.content_sha256 } });
    expect(gunzipSync(bytes).toString('utf8')).toBe(`${header}${body}`);
    expect(eventsOf(bytes)).toHaveLength(summary.event_count);
    expect(unpack(bytes).header.manifest.content_sha256).toBe(summary.content_sha256);
  });

  it('reads the same with the system gzip, as another tool would', async () => {
    const a = await office('A', 52);
    const path = join(temporary, 'a.daftari');
    await exportToFile(a.core.services, SYSTEM_ACTOR, null, path);
    const text = execFileSync('gzip', ['-dc', path]).toString('utf8');
    expect(text).toBe(gunzipSync(readFileSync(path)).toString('utf8'));
  });

  it('imports into another installation, which then holds the same devices', async () => {
    const a = await office('A', 53);
    const b = await openReplica('B', { seed: 54 });
    open.push(b);
    const path = join(temporary, 'a.daftari');
    await exportToFile(a.core.services, SYSTEM_ACTOR, null, path);
    okValue(await importBundle(b, readFileSync(path), true));
    expect((await b.ok('assets.list', { search: 'Saida' })).total).toBe(4);
  });

  it('leaves no private file behind, after an export or after a refused one', async () => {
    const a = await office('A', 55);
    await exportToFile(a.core.services, SYSTEM_ACTOR, null, join(temporary, 'one.daftari'));
    await a.ok('sync.export', { peer_id: null });
    expect(readdirSync(process.env.TMPDIR as string)).toEqual([]);
    // An account event in a chain the file calls shared refuses the export partway through the pass.
    a.store.sqlite.prepare("UPDATE origins SET scope = 'shared' WHERE origin = ?").run(a.core.services.identity.local);
    const error = await exportToFile(a.core.services, SYSTEM_ACTOR, null, join(temporary, 'two.daftari')).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Refusal).value.code).toBe('bundle-holds-local-event');
    expect(readdirSync(process.env.TMPDIR as string)).toEqual([]);
    expect(readdirSync(temporary).sort()).toEqual(['one.daftari', 'tmp']);
  });
});
