// Issue 9, "Streamed verify": verify reads everything in chunks, in key order on both sides, holding no
// table whole; between chunks a job hears how far it is and may stop it. The chunk is made tiny here so
// a workday's few rows cross its edges everywhere: entities split across chunks, rows compared across
// pages, a chain read in many pieces.
import { registry } from '../../../db/areas.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import type { JobHandle } from '../../../db/core/jobs.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { foldAll, verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { countRows, openTestCore, recordWorkday, rowsOf, snapshotRows, type TestCore } from '../../helpers/core.ts';

const PROJECTION_TABLES = domain.projections.map((p) => p.table);

/** A job as the window's would be: it records what verify reports and stops when asked. */
function watchedJob(stopAt?: string): JobHandle & { reports: { phase: string; done: number; total: number }[]; stopped: boolean } {
  const job = {
    id: 'verify-test',
    reports: [] as { phase: string; done: number; total: number }[],
    stopped: false,
    report(done: number, total: number, phase: string) {
      job.reports.push({ phase, done, total });
      if (phase === stopAt) job.stopped = true;
    },
    cancelled: () => job.stopped,
    finish() {},
  };
  return job;
}

describe('verify in chunks', () => {
  let t: TestCore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestCore();
    await recordWorkday(t);
    store = t.core.services.store;
  });
  afterEach(() => t.core.close());

  it('finds the file intact whatever the chunk, with the same counts', async () => {
    const whole = await verifyStore(store, domain);
    expect(whole).toMatchObject({ ok: true });
    for (const chunk of [1, 2, 3, 7]) expect(await verifyStore(store, domain, { chunk })).toEqual(whole);
  });

  it('rebuilds the same rows whatever the chunk, an entity\u2019s events split across chunks included', async () => {
    for (const chunk of [1, 2, 5]) {
      const { store: fresh } = await openStore(':memory:', { migrations: registry.migrations });
      try {
        expect(foldAll(store, fresh, domain, { chunk })).toBe(countRows(store, 'journal'));
        for (const table of PROJECTION_TABLES) expect(rowsOf(fresh, table), `${table}, chunk ${chunk}`).toEqual(rowsOf(store, table));
      } finally {
        closeStore(fresh);
      }
    }
  });

  it('names the same first disagreement in chunks as in one piece', async () => {
    const people = rowsOf(store, 'people') as { id: string }[];
    const [first, second] = [...people].sort((a, b) => (a.id < b.id ? -1 : 1));
    // A row edited, a row deleted (the journal still gives it), and a row no event made.
    store.sqlite.prepare("UPDATE people SET title = 'Mkurugenzi' WHERE id = ?").run(second?.id);
    expect(await verifyStore(store, domain, { chunk: 1 })).toEqual({ ok: false, kind: 'row', table: 'people', id: second?.id, problem: 'row-differs' });
    store.sqlite.prepare('DELETE FROM people WHERE id = ?').run(second?.id);
    expect(await verifyStore(store, domain, { chunk: 1 })).toEqual({ ok: false, kind: 'row', table: 'people', id: second?.id, problem: 'row-missing' });
    store.sqlite.prepare("INSERT INTO people (id, full_name, check_number, title, institution, phone, email, department_id, active, created_at, updated_at) SELECT 'zz-forged', full_name, '999999', title, institution, phone, email, department_id, active, created_at, updated_at FROM people WHERE id = ?").run(first?.id);
    // An extra row is named before a missing one, as verify in one piece does.
    const inChunks = await verifyStore(store, domain, { chunk: 2 });
    expect(inChunks).toEqual({ ok: false, kind: 'row', table: 'people', id: 'zz-forged', problem: 'row-extra' });
    expect(await verifyStore(store, domain)).toEqual(inChunks);
  });

  it('checks a chain whose events arrived out of their order event by event, and finds it intact', async () => {
    // Another file holding the same journal, its events written in reverse arrival order (with their
    // refs): the quick pass in arrival order sees numbers out of line and hands over to the exact one.
    const { store: copy } = await openStore(':memory:', { migrations: registry.migrations });
    try {
      const seqs = new Map<number, number>();
      const insert = copy.sqlite.prepare('INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (@origin, @origin_seq, @hlc, @actor, @type, @entity, @payload, @prev_hash, @hash)');
      for (const row of store.sqlite.prepare('SELECT * FROM journal ORDER BY seq DESC').all() as { seq: number }[]) {
        seqs.set(row.seq, Number(insert.run(row).lastInsertRowid));
      }
      for (const ref of store.sqlite.prepare('SELECT seq, entity FROM journal_refs').all() as { seq: number; entity: string }[]) {
        copy.sqlite.prepare('INSERT INTO journal_refs (seq, entity) VALUES (?, ?)').run(seqs.get(ref.seq), ref.entity);
      }
      copy.sqlite.prepare('DELETE FROM origins').run();
      for (const origin of store.sqlite.prepare('SELECT * FROM origins').all()) copy.sqlite.prepare('INSERT INTO origins VALUES (@origin, @scope, @is_self)').run(origin);
      foldAll(copy, copy, domain);
      const result = await verifyStore(copy, domain, { chunk: 3 });
      expect(result).toMatchObject({ ok: true, events: countRows(store, 'journal') });
    } finally {
      closeStore(copy);
    }
  });

  it('tells a job how far it is, in each phase, up to the whole', async () => {
    const job = watchedJob();
    expect(await verifyStore(store, domain, { chunk: 4, job })).toMatchObject({ ok: true });
    const phases = [...new Set(job.reports.map((r) => r.phase))];
    expect(phases).toEqual(['checking', 'rebuilding', 'comparing']);
    const events = countRows(store, 'journal');
    const checking = job.reports.filter((r) => r.phase === 'checking');
    expect(checking.every((r) => r.total === events)).toBe(true);
    expect(checking.map((r) => r.done)).toEqual([...checking.map((r) => r.done)].sort((a, b) => a - b));
    expect(checking.at(-1)?.done).toBe(events);
  });

  it('stops when asked, refusing `cancelled`, and leaves the file as it was', async () => {
    for (const phase of ['checking', 'rebuilding', 'comparing']) {
      const before = snapshotRows(store);
      const job = watchedJob(phase);
      const error = await verifyStore(store, domain, { chunk: 4, job }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, phase).toBeInstanceOf(Refusal);
      expect((error as Refusal).value.code).toBe('cancelled');
      expect(snapshotRows(store)).toEqual(before);
    }
  });
});
