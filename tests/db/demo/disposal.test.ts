// Issue 11: `daftari demo` also holds disposal candidates (closed beyond repair in the log book, proposed
// as obsolete, for sale or for removal) and a disposal batch in every state, made through the routes by
// the records officer and decided by the Accounting Officer, each medium sanitised as NIST SP 800-88 asks,
// what was submitted frozen with its SHA-256; and the file still verifies intact.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { BATCH_STATES, TO_BE_DESTROYED } from '../../../db/disposal/contract.ts';
import { DEMO_RECORDS_OFFICER, DEMO_RECORDS_PASSWORD, runDemo, type DemoSummary } from '../../../db/demo/demo.ts';
import { sha256Hex } from '../../../db/journal/hash.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const DATE = '2026-11-30';

interface Line {
  asset_id: string;
  reason: string;
}
interface Medium {
  line_id: string;
  sanitisation: { category: string; method: string | null; tool: string; performed_by: { name: string; date: string } | null; verified_by: { name: string; date: string } | null; report: { sha256: string } | null } | null;
}

describe('the small demo’s disposal records', () => {
  const dir = tempDir();
  let summary: DemoSummary;
  let store: Store;

  beforeAll(async () => {
    const path = join(dir.dir, 'demo.db');
    summary = await runDemo({ path, scale: 'small', seed: 31, date: DATE });
    store = (await openStore(path, { migrations: registry.migrations })).store;
  }, 240_000);
  afterAll(() => {
    closeStore(store);
    dir.remove();
  });

  const rows = <T>(sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).all(...params) as T[];
  const count = (sql: string, ...params: unknown[]) => (store.sqlite.prepare(sql).get(...params) as { n: number }).n;
  const batches = (where = '1') =>
    rows<{ id: string; number: string; state: string; lines: string; media: string; letter_ref: string; snapshot: string; snapshot_sha256: string; certificate_ref: string; prepared_by_name: string; decided_by_name: string; prepared_by: string; decided_by: string | null }>(
      `SELECT * FROM disposal_batches WHERE ${where} ORDER BY seq`,
    );

  it('holds a batch in every state, as its summary says, and its file verifies intact', async () => {
    const states = Object.fromEntries(rows<{ state: string; n: number }>('SELECT state, count(*) AS n FROM disposal_batches GROUP BY state').map((r) => [r.state, r.n]));
    expect(states).toEqual(Object.fromEntries(Object.entries(summary.disposal.batch_states).filter(([, n]) => n > 0)));
    for (const state of BATCH_STATES) expect([state, (states[state] ?? 0) > 0]).toEqual([state, true]);
    expect(await verifyStore(store, registry.domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
  });

  it('has candidates waiting: closed beyond repair in the log book, and proposed with a reason in Swahili', () => {
    const waiting = count('SELECT count(*) AS n FROM assets WHERE disposal_candidate = 1 AND disposal_batch_id IS NULL AND disposed_on IS NULL');
    expect(waiting).toBe(summary.disposal.waiting_candidates);
    expect(waiting).toBeGreaterThan(0);
    const proposals = rows<{ reason: string; note: string; state: string; proposed_by_name: string }>('SELECT reason, note, state, proposed_by_name FROM disposal_proposals');
    expect(proposals).toHaveLength(summary.disposal.proposals);
    expect(new Set(proposals.map((p) => p.reason))).toEqual(new Set(['obsolete', 'sale', 'removal']));
    for (const p of proposals) expect(p.note).toMatch(/[a-z]{4,} (na|kwa|ya|la|wa) /);
    expect(proposals.filter((p) => p.state === 'withdrawn')).toHaveLength(1);
    // The log book's write-offs are candidates without a proposal; a batch names them as beyond repair.
    const beyond = count("SELECT count(*) AS n FROM maintenance_entries WHERE outcome = 'beyond_repair'");
    expect(beyond).toBeGreaterThan(0);
    const lines = batches().flatMap((b) => JSON.parse(b.lines) as Line[]);
    const writtenOff = new Set(rows<{ asset_id: string }>("SELECT asset_id FROM maintenance_entries WHERE outcome = 'beyond_repair'").map((r) => r.asset_id));
    expect(lines.filter((l) => l.reason === 'beyond_repair').every((l) => writtenOff.has(l.asset_id))).toBe(true);
    expect(count("SELECT count(*) AS n FROM assets WHERE status = 'awaiting_disposal'")).toBeGreaterThan(0);
  });

  it('sanitises every medium of a batch sent for approval, some of a draft, as NIST SP 800-88 asks', () => {
    const all: Medium[] = [];
    for (const batch of batches("state NOT IN ('draft', 'cancelled')")) {
      const media = JSON.parse(batch.media) as Medium[];
      expect([batch.number, media.filter((m) => m.sanitisation === null).length]).toEqual([batch.number, 0]);
      all.push(...media);
    }
    const draft = JSON.parse(batches("state = 'draft'")[0]?.media ?? '[]') as Medium[];
    expect(draft.some((m) => m.sanitisation !== null)).toBe(true);
    expect(draft.some((m) => m.sanitisation === null)).toBe(true);
    const records = all.map((m) => m.sanitisation).filter((s) => s !== null);
    expect(records.length + draft.filter((m) => m.sanitisation !== null).length).toBe(summary.disposal.sanitised_media);
    const categories = new Set(records.map((s) => s.category));
    expect(categories.has('purge')).toBe(true);
    for (const s of records) {
      if (s.category === TO_BE_DESTROYED) continue;
      expect(s.tool).not.toBe('');
      expect(s.performed_by?.name).not.toBe(s.verified_by?.name);
      expect((s.verified_by?.date ?? '') >= (s.performed_by?.date ?? '~')).toBe(true);
      expect((s.verified_by?.date ?? '~') <= DATE).toBe(true);
    }
    // The erasure tool's own report is kept, by its SHA-256.
    for (const s of records.filter((r) => r.report !== null)) expect(count('SELECT count(*) AS n FROM attachments WHERE sha256 = ?', s.report?.sha256)).toBe(1);
  });

  it('prepares by the records officer and approves by the Accounting Officer, never the same person', () => {
    for (const batch of batches()) expect(batch.prepared_by_name).toBe('Zawadi Mushi');
    const decided = batches("decided_by IS NOT NULL AND decided_by != ''");
    expect(decided.length).toBeGreaterThan(0);
    for (const batch of decided) {
      expect(batch.decided_by_name).toBe('Eng. Mwajuma Waziri');
      expect(batch.decided_by).not.toBe(batch.prepared_by);
    }
    expect(summary.users.find((u) => u.username === DEMO_RECORDS_OFFICER)).toEqual({ username: DEMO_RECORDS_OFFICER, roles: ['records_officer'], password: DEMO_RECORDS_PASSWORD });
  });

  it('freezes what it submitted with its letter reference and SHA-256, and disposes with the department’s certificate', () => {
    const frozen = batches("state IN ('submitted', 'collected', 'disposed', 'returned')");
    expect(frozen.length).toBeGreaterThanOrEqual(4);
    for (const batch of frozen) {
      expect(batch.letter_ref).toMatch(/^WM\/ICT\/DSP\/2026\/\d{2}$/);
      expect(sha256Hex(batch.snapshot)).toBe(batch.snapshot_sha256);
    }
    expect(new Set(frozen.map((b) => b.letter_ref)).size).toBe(frozen.length);
    const disposed = batches("state = 'disposed'");
    for (const batch of disposed) expect(batch.certificate_ref).toMatch(/^IKNT\/UT\/2026\/\d+$/);
    const devices = disposed.flatMap((b) => (JSON.parse(b.lines) as Line[]).map((l) => l.asset_id));
    expect(devices).toHaveLength(summary.disposal.disposed_devices);
    expect(count("SELECT count(*) AS n FROM assets WHERE status = 'disposed'")).toBe(devices.length);
    // Every device a holding batch lists is in that batch; none is on an open handover or permit.
    for (const batch of batches("state IN ('draft', 'awaiting_approval', 'approved', 'submitted', 'collected')")) {
      for (const line of JSON.parse(batch.lines) as Line[]) {
        expect(store.sqlite.prepare('SELECT status, disposal_batch_id FROM assets WHERE id = ?').get(line.asset_id)).toEqual({ status: 'in_disposal', disposal_batch_id: batch.id });
      }
    }
    expect(count("SELECT count(*) AS n FROM handovers h, json_each(h.lines) j JOIN assets a ON a.id = j.value ->> '$.asset_id' WHERE h.state IN ('pending', 'approved') AND a.disposal_batch_id IS NOT NULL")).toBe(0);
  });
});
