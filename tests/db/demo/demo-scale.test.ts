// Issue 9: the demo builds an institution of any size through the real command path, the same file for
// the same seed and day, and the log book it builds reads like a ministry's: years of it, most closed,
// some open, every outcome, officers and providers, parts in shillings.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { addDays } from '../../../db/contract/days.ts';
import { DEMO_SCALES, runDemo, type DemoSummary } from '../../../db/demo/demo.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const DATE = '2026-11-30';
const COUNTS = { devices: 300, entries: 1_000, people: 80, years: 3 };

/** Every journal row, in order, with every column the hash covers. */
function journalOf(store: Store): string[] {
  return (store.sqlite.prepare('SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal ORDER BY seq').all() as Record<string, unknown>[]).map((row) =>
    JSON.stringify(row),
  );
}

describe('the demo at a size of its own', () => {
  const dir = tempDir();
  let first: DemoSummary;
  let store: Store;
  let journal: string[];
  let again: string[];
  let otherSeed: string[];

  beforeAll(async () => {
    first = await runDemo({ path: join(dir.dir, 'first.db'), counts: COUNTS, seed: 11, date: DATE });
    await runDemo({ path: join(dir.dir, 'again.db'), counts: COUNTS, seed: 11, date: DATE });
    await runDemo({ path: join(dir.dir, 'other.db'), counts: { devices: 20, entries: 30, people: 10 }, seed: 12, date: DATE });
    const read = async (name: string) => {
      const { store: opened } = await openStore(join(dir.dir, name), { migrations: registry.migrations });
      try {
        return journalOf(opened);
      } finally {
        closeStore(opened);
      }
    };
    again = await read('again.db');
    otherSeed = await read('other.db');
    store = (await openStore(join(dir.dir, 'first.db'), { migrations: registry.migrations })).store;
    journal = journalOf(store);
  }, 600_000);
  afterAll(() => {
    closeStore(store);
    dir.remove();
  });

  const count = (sql: string, ...params: unknown[]) => (store.sqlite.prepare(sql).get(...params) as { n: number }).n;

  it('gives the same journal, hash for hash, for the same seed and day', () => {
    expect(journal.length).toBeGreaterThan(COUNTS.devices + COUNTS.entries * 3);
    expect(again).toEqual(journal);
  });

  it('gives another journal for another seed', () => {
    const hashes = new Set(journal.map((row) => (JSON.parse(row) as { hash: string }).hash));
    expect(otherSeed.some((row) => hashes.has((JSON.parse(row) as { hash: string }).hash))).toBe(false);
  });

  it('holds exactly the devices and entries asked for, each written by its command', () => {
    expect(first.register.devices).toBe(COUNTS.devices);
    expect(first.register.entries).toBe(COUNTS.entries);
    // The register's devices, the flash disks the removable media register adds (issue 10), and the
    // device the stocktake found that the register did not know (issue 13).
    const fromStocktake = count("SELECT count(*) AS n FROM stocktake_actions WHERE kind = 'registered'");
    expect(fromStocktake).toBe(1);
    expect(count("SELECT count(*) AS n FROM assets WHERE category != 'flash_disk'")).toBe(COUNTS.devices + fromStocktake);
    expect(count('SELECT count(*) AS n FROM assets')).toBe(COUNTS.devices + DEMO_SCALES.small.flash_disks + fromStocktake);
    expect(count('SELECT count(*) AS n FROM maintenance_entries')).toBe(COUNTS.entries);
    expect(count("SELECT count(*) AS n FROM journal WHERE type = 'assets.registered'")).toBe(COUNTS.devices + DEMO_SCALES.small.flash_disks + fromStocktake);
    expect(count("SELECT count(*) AS n FROM journal WHERE type = 'maintenance.reported'")).toBe(COUNTS.entries);
  });

  it('verifies intact: every row is the fold of its events', async () => {
    const verified = await verifyStore(store, registry.domain, { migrations: registry.migrations });
    expect(verified.ok).toBe(true);
  });

  it('keeps a book of several years that ends on the day the records are entered', () => {
    const span = store.sqlite.prepare('SELECT min(reported_on) AS first, max(reported_on) AS last, max(closed_on) AS closed FROM maintenance_entries').get() as { first: string; last: string; closed: string };
    expect(span.first < addDays(DATE, -2 * 365)).toBe(true);
    expect(span.last <= DATE).toBe(true);
    expect(span.closed <= DATE).toBe(true);
    expect(span.last > addDays(DATE, -60)).toBe(true);
  });

  it('has most entries closed and some still open, in more than one state', () => {
    const open = store.sqlite.prepare("SELECT state, count(*) AS n FROM maintenance_entries WHERE state != 'closed' GROUP BY state").all() as { state: string; n: number }[];
    const stillOpen = open.reduce((sum, row) => sum + row.n, 0);
    expect(stillOpen).toBe(first.register.open_entries);
    expect(stillOpen).toBeGreaterThan(0);
    expect(stillOpen).toBeLessThan(COUNTS.entries / 10);
    expect(open.length).toBeGreaterThan(1);
  });

  it('closes with every outcome, repairs outnumbering the rest', () => {
    const outcomes = Object.fromEntries(
      (store.sqlite.prepare("SELECT outcome, count(*) AS n FROM maintenance_entries WHERE state = 'closed' GROUP BY outcome").all() as { outcome: string; n: number }[]).map((r) => [r.outcome, r.n]),
    );
    expect(outcomes).toEqual(first.register.outcomes);
    for (const outcome of ['repaired', 'part_replaced', 'beyond_repair', 'no_fault', 'cancelled']) expect(outcomes[outcome]).toBeGreaterThan(0);
    expect((outcomes.repaired ?? 0) + (outcomes.part_replaced ?? 0)).toBeGreaterThan(COUNTS.entries / 2);
  });

  it('has preventive work under plans and repairs by officers and by providers', () => {
    expect(count("SELECT count(*) AS n FROM maintenance_entries WHERE kind = 'preventive' AND plan_id IS NOT NULL")).toBe(first.register.preventive_entries);
    expect(first.register.preventive_entries).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM maintenance_entries WHERE technician_type = 'internal'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM maintenance_entries WHERE technician_type = 'external' AND provider_id IS NOT NULL AND job_ref != ''")).toBe(first.register.external_repairs);
    expect(first.register.external_repairs).toBeGreaterThan(0);
  });

  it('prices parts in shillings and says what was done in Swahili', () => {
    expect(count('SELECT count(*) AS n FROM maintenance_entries WHERE parts_cost_tzs > 0')).toBeGreaterThan(0);
    expect((store.sqlite.prepare('SELECT sum(parts_cost_tzs) AS n FROM maintenance_entries').get() as { n: number }).n).toBe(first.register.parts_cost_tzs);
    const sample = store.sqlite.prepare("SELECT symptoms, diagnosis, actions FROM maintenance_entries WHERE outcome = 'part_replaced' AND kind = 'corrective' LIMIT 1").get() as Record<string, string>;
    expect(`${sample.symptoms} ${sample.diagnosis} ${sample.actions}`).toMatch(/imebadilishwa|mpya|imewekwa/);
  });

  it('takes every storage medium out before a device leaves and puts it back when it returns (3.6.3)', () => {
    const away = count("SELECT count(*) AS n FROM maintenance_entries WHERE sent_on != ''");
    expect(away).toBe(first.register.offsite_repairs);
    expect(away).toBeGreaterThan(0);
    const missing = (type: string, when: string) =>
      count(
        `SELECT count(*) AS n FROM maintenance_entries e JOIN storage_media m ON m.asset_id = e.asset_id
         WHERE ${when} AND NOT EXISTS (
           SELECT 1 FROM journal j WHERE j.type = ? AND j.entity = m.id AND json_extract(j.payload, '$.entry_id') = e.id)`,
        type,
      );
    expect(count("SELECT count(*) AS n FROM journal WHERE type = 'storage.removed'")).toBeGreaterThan(0);
    expect(missing('storage.removed', "e.sent_on != ''")).toBe(0);
    expect(missing('storage.reinstalled', "e.returned_on != ''")).toBe(0);
  });

  it('says in its summary how long the build took', () => {
    expect(first.build_seconds).toBeGreaterThan(0);
    expect(first.seed).toBe(11);
    expect(first.date).toBe(DATE);
  });
});
