// Issue 9: events are now hashed, stored and written out from their canonical text made once. Bundles
// must not notice. The fixtures were made by the build before that change (`daftari demo --scale small
// --seed 9`, then `daftari export`): the demo's file, and the bundle exported from it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { SYSTEM_ACTOR } from '../../../db/journal/append.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { memoryKeyStore } from '../../../db/sync/keys.ts';
import { exportToFile } from '../../../db/sync/service.ts';
import { importBundle, openReplica, SHARED_TABLES, type Replica } from '../../helpers/sync.ts';
import { okValue, openTestCore, rowsOf, type TestCore } from '../../helpers/core.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/bundles');
const BEFORE_BUNDLE = join(FIXTURES, 'demo-small-seed9-before-fold.daftari');
const BEFORE_FILE = join(FIXTURES, 'demo-small-seed9-before-fold.sqlite.gz');

/** A bundle's lines after its header: the events, then the pieces of attached files. */
function bodyOf(bytes: Buffer): string {
  const text = gunzipSync(bytes).toString('utf8');
  return text.slice(text.indexOf('\n') + 1);
}

const dirs: string[] = [];
const cores: { core: { close(): void } }[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function replica(): Promise<Replica> {
  const r = await openReplica('Mpokeaji', { seed: 31, start: '2026-12-07T06:00:00.000Z' });
  cores.push(r);
  return r;
}

/** The demo file the earlier build made, opened (and migrated, if need be) by this build. */
async function earlierFile(): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'daftari-compat-'));
  dirs.push(dir);
  const path = join(dir, 'demo.sqlite');
  writeFileSync(path, gunzipSync(readFileSync(BEFORE_FILE)));
  const t = await openTestCore({ path, keyStore: memoryKeyStore(), start: '2026-12-07T06:00:00.000Z' });
  cores.push(t);
  return t;
}

describe('bundles across the change to canonical text made once', () => {
  it('imports a bundle the earlier build exported, and the result verifies', async () => {
    const r = await replica();
    const imported = okValue(await importBundle(r, readFileSync(BEFORE_BUNDLE), true, 'demo.daftari'));
    expect(imported.new_events).toBeGreaterThan(400);
    expect(rowsOf(r.store, 'assets').length).toBeGreaterThan(10);
    expect(rowsOf(r.store, 'maintenance_entries').length).toBeGreaterThan(5);
    expect(await verifyStore(r.store, r.core.services.domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
  });

  it('exports, from the earlier build’s file, the very lines that build wrote — so the earlier build imports them', async () => {
    const t = await earlierFile();
    const dir = mkdtempSync(join(tmpdir(), 'daftari-compat-out-'));
    dirs.push(dir);
    const out = join(dir, 'again.daftari');
    await exportToFile(t.core.services, SYSTEM_ACTOR, null, out);
    // The signed header differs (another time, another key); every line after it is the same, byte for
    // byte: the events, then the pieces of the attached files.
    expect(bodyOf(readFileSync(out))).toBe(bodyOf(readFileSync(BEFORE_BUNDLE)));
  });

  it('gives a receiving installation the same rows from the earlier bundle as from this build’s export of the same file', async () => {
    const t = await earlierFile();
    const dir = mkdtempSync(join(tmpdir(), 'daftari-compat-out-'));
    dirs.push(dir);
    const out = join(dir, 'again.daftari');
    await exportToFile(t.core.services, SYSTEM_ACTOR, null, out);
    const first = await replica();
    okValue(await importBundle(first, readFileSync(BEFORE_BUNDLE), true));
    const second = await openReplica('Mpokeaji wa pili', { seed: 32, start: '2026-12-07T06:00:00.000Z' });
    cores.push(second);
    okValue(await importBundle(second, readFileSync(out), true));
    for (const table of SHARED_TABLES.filter((name) => name !== 'conflict_resolutions')) {
      expect(rowsOf(second.store, table), table).toEqual(rowsOf(first.store, table));
    }
  });
});
