// Issue 7: the demo's log book follows the closing rules it teaches. Every repair closed as repaired,
// part replaced or beyond repair names who did it and what was done; every "no fault found" or
// "cancelled" says why; blank hours stay blank; and the file still verifies intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCore } from '../../../db/core.ts';
import { runDemo, type DemoSummary } from '../../../db/demo/demo.ts';
import { tempDir } from '../../helpers/core.ts';

describe('the demo log book (small scale)', () => {
  const dir = tempDir();
  const path = join(dir.dir, 'demo.db');
  let summary: DemoSummary;
  let rows: { outcome: string | null; state: string; technician_type: string | null; actions: string; close_reason: string; hours: number | null }[];
  let verified: { ok: boolean };

  beforeAll(async () => {
    summary = await runDemo({ path, scale: 'small', seed: 7 });
    const core = await openCore({ path });
    try {
      rows = core.services.store.sqlite.prepare('SELECT outcome, state, technician_type, actions, close_reason, hours FROM maintenance_entries').all() as typeof rows;
      const token = (await core.call(null, 'auth.sign-in', { username: summary.admin.username, password: summary.admin.password })).session as string;
      const result = (await core.call(token, 'journal.verify', {})).result;
      verified = result.ok ? (result.value as { ok: boolean }) : { ok: false };
    } finally {
      core.close();
    }
  }, 240_000);
  afterAll(() => dir.remove());

  it('builds a log book and verifies intact', () => {
    expect(summary.register.entries).toBeGreaterThan(10);
    expect(verified.ok).toBe(true);
  });

  it('closes with work only where the work is recorded', () => {
    const withWork = rows.filter((r) => r.state === 'closed' && ['repaired', 'part_replaced', 'beyond_repair'].includes(r.outcome ?? ''));
    expect(withWork.length).toBeGreaterThan(0);
    for (const row of withWork) {
      expect(row.technician_type).not.toBeNull();
      expect(row.actions).not.toBe('');
    }
  });

  it('gives the reason for every "no fault found" and "cancelled"', () => {
    const withoutWork = rows.filter((r) => r.state === 'closed' && ['no_fault', 'cancelled'].includes(r.outcome ?? ''));
    expect(withoutWork.length).toBeGreaterThan(0);
    for (const row of withoutWork) expect(row.close_reason).not.toBe('');
  });

  it('leaves some hours blank rather than 0', () => {
    expect(rows.some((r) => r.hours === null && r.actions !== '')).toBe(true);
    expect(rows.every((r) => r.hours === null || r.hours > 0)).toBe(true);
  });
});
