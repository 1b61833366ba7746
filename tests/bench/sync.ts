// Benchmark of sync at scale: memory stays flat whatever the bundle's size. Not a test: it measures and
// prints, never asserts. Run: npm run bench:sync [-- --events 1000000 --entities 100000]
// A valid, signed bundle is written straight from a synthetic hash chain (people registered, then
// updated), so the measured parts are exactly the product's: importing it into a new installation
// (stream, check, stage, apply, refold) and exporting everything again from there.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { openCore } from '../../db/core.ts';
import { SYSTEM_ACTOR } from '../../db/journal/append.ts';
import { canonicalJson, eventHash, GENESIS_HASH } from '../../db/journal/hash.ts';
import { formatHlc } from '../../db/journal/hlc.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Manifest } from '../../db/sync/format.ts';
import { loadOrCreateKey, memoryKeyStore, signBytes } from '../../db/sync/keys.ts';
import { apply, exportToFile, stageFromFile } from '../../db/sync/service.ts';
import { scryptHasher } from '../../db/users/passwords.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    entities: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'test-results/bench-sync.json' },
  },
});
const EVENTS = Number(args.events);
const ENTITIES = Math.min(Number(args.entities), EVENTS);
const MB = 1024 * 1024;

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
function phase(): { reset(): number } {
  peak = process.memoryUsage().rss;
  return { reset: () => Math.max(peak, process.memoryUsage().rss) };
}

const dir = mkdtempSync(join(tmpdir(), 'daftari-bench-sync-'));
const bundlePath = join(dir, 'source.daftari');
const exportPath = join(dir, 'again.daftari');
const origin = '00000000-0000-4000-a000-00000000bench';
const key = loadOrCreateKey(memoryKeyStore());

function eventAt(n: number, prev: string) {
  const person = n % ENTITIES;
  const fields = {
    origin,
    origin_seq: n + 1,
    hlc: formatHlc(Date.UTC(2025, 0, 1) + n, 0),
    actor: 'bench',
    type: n < ENTITIES ? 'people.registered' : 'people.updated',
    entity: `person-${String(person).padStart(7, '0')}`,
    payload: {
      actor_name: 'Asha Mrisho',
      check_number: String(10_000_000 + person),
      department_id: null,
      email: '',
      full_name: `Mtumishi ${person} toleo ${Math.floor(n / ENTITIES)}`,
      institution: 'Wizara ya Maji',
      phone: '',
      title: 'Afisa Utumishi',
    },
    prev_hash: prev,
  };
  return { ...fields, hash: eventHash(fields) };
}

async function writeSyntheticBundle(): Promise<number> {
  const started = performance.now();
  const content = createHash('sha256');
  let prev = GENESIS_HASH;
  for (let n = 0; n < EVENTS; n += 1) {
    const event = eventAt(n, prev);
    content.update(`${canonicalJson(event)}\n`);
    prev = event.hash;
  }
  const manifest: Manifest = {
    institution: { name: 'Wizara ya Maji', code: 'MAJI' },
    origin,
    public_key: key.publicKey,
    created_at: new Date().toISOString(),
    peer: null,
    ranges: { [origin]: [1, EVENTS] },
    event_count: EVENTS,
    content_sha256: content.digest('hex'),
    high_water: { [origin]: EVENTS },
  };
  const signature = signBytes(key, Buffer.from(canonicalJson(manifest), 'utf8'));
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, manifest, signature })}\n`;
    let last = GENESIS_HASH;
    let batch = '';
    for (let n = 0; n < EVENTS; n += 1) {
      const event = eventAt(n, last);
      last = event.hash;
      batch += `${canonicalJson(event)}\n`;
      if (batch.length > 256 * 1024) {
        yield batch;
        batch = '';
      }
    }
    yield batch;
  }
  await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(bundlePath));
  return performance.now() - started;
}

const baseline = process.memoryUsage().rss;
const built = await writeSyntheticBundle();
const bundleBytes = statSync(bundlePath).size;
console.log(`bundle: ${EVENTS.toLocaleString('en')} events over ${ENTITIES.toLocaleString('en')} people, ${(bundleBytes / MB).toFixed(1)} MB compressed, written in ${(built / 1000).toFixed(1)} s`);

const core = await openCore({ path: join(dir, 'receiver.sqlite'), hasher: scryptHasher(10), keyStore: memoryKeyStore() });
await core.call(null, 'setup.initialize', {
  institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Katibu Mkuu' },
  admin: { username: 'asha', display_name: 'Asha Mrisho', password: 'Kijani#Mti42', confirm: 'Kijani#Mti42' },
});
const before = process.memoryUsage().rss;

let watch = phase();
let started = performance.now();
const staged = await stageFromFile(core.services, bundlePath);
const stageMs = performance.now() - started;
const stagePeak = watch.reset();

watch = phase();
started = performance.now();
const result = apply(core.services, staged, SYSTEM_ACTOR, true, 'source.daftari');
const applyMs = performance.now() - started;
const applyPeak = watch.reset();

watch = phase();
started = performance.now();
const exported = await exportToFile(core.services, SYSTEM_ACTOR, null, exportPath);
const exportMs = performance.now() - started;
const exportPeak = watch.reset();
clearInterval(sampler);

const rows = (core.services.store.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
core.close();

const figures = {
  events: EVENTS,
  entities: ENTITIES,
  bundle_mb: +(bundleBytes / MB).toFixed(1),
  new_events: result.new_events,
  people_rows: rows,
  exported_events: exported.event_count,
  rss_baseline_mb: +(baseline / MB).toFixed(0),
  rss_before_import_mb: +(before / MB).toFixed(0),
  stage: { seconds: +(stageMs / 1000).toFixed(1), events_per_s: Math.round(EVENTS / (stageMs / 1000)), peak_rss_mb: +(stagePeak / MB).toFixed(0), above_start_mb: +((stagePeak - before) / MB).toFixed(0) },
  apply: { seconds: +(applyMs / 1000).toFixed(1), events_per_s: Math.round(EVENTS / (applyMs / 1000)), peak_rss_mb: +(applyPeak / MB).toFixed(0), above_start_mb: +((applyPeak - before) / MB).toFixed(0) },
  export: { seconds: +(exportMs / 1000).toFixed(1), events_per_s: Math.round(EVENTS / (exportMs / 1000)), peak_rss_mb: +(exportPeak / MB).toFixed(0), above_start_mb: +((exportPeak - before) / MB).toFixed(0) },
};
console.table({ stage: figures.stage, apply: figures.apply, export: figures.export });
console.log(`imported ${result.new_events.toLocaleString('en')} new events into ${rows.toLocaleString('en')} people; exported ${exported.event_count.toLocaleString('en')} again`);
mkdirSync('test-results', { recursive: true });
writeFileSync(args.out, `${JSON.stringify(figures, null, 2)}\n`);
if (!args.keep) rmSync(dir, { recursive: true, force: true });
