// Issue 10: `daftari demo` also holds the custody records, made through their own commands: handovers
// in every state (custody moved only on receipt, nothing medium-like to another institution), off-premises
// permits in every state with one overdue and one secret device justified, personal devices approved,
// expiring, pending, rejected and revoked, and flash disks issued, returned, wiped, kept and lost.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { addDays } from '../../../db/contract/days.ts';
import { DEMO_SCALES, runDemo, type DemoSummary } from '../../../db/demo/demo.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { permitText } from '../../../db/movements/contract.ts';
import { checkPermit } from '../../../db/movements/permit-check.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const DATE = '2026-11-30';

describe('the small demo’s custody records', () => {
  const dir = tempDir();
  let summary: DemoSummary;
  let store: Store;

  beforeAll(async () => {
    const path = join(dir.dir, 'demo.db');
    summary = await runDemo({ path, scale: 'small', seed: 21, date: DATE });
    store = (await openStore(path, { migrations: registry.migrations })).store;
  }, 240_000);
  afterAll(() => {
    closeStore(store);
    dir.remove();
  });

  const rows = <T>(sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).all(...params) as T[];
  const count = (sql: string, ...params: unknown[]) => (store.sqlite.prepare(sql).get(...params) as { n: number }).n;
  const byState = (table: string, where = '1') =>
    Object.fromEntries(rows<{ state: string; n: number }>(`SELECT state, count(*) AS n FROM ${table} WHERE ${where} GROUP BY state`).map((r) => [r.state, r.n]));
  /** The custody part's own handovers: not those a stocktake started to correct a custodian (issue 13). */
  const CUSTODY_ONLY = "id NOT IN (SELECT ref FROM stocktake_actions WHERE kind = 'custodian-corrected')";

  it('builds the small scale’s counts, and its file verifies intact', async () => {
    const small = DEMO_SCALES.small;
    expect(summary.custody.handovers).toBe(small.handovers);
    expect(summary.custody.off_premises).toBe(small.off_premises);
    expect(count(`SELECT count(*) AS n FROM handovers WHERE ${CUSTODY_ONLY}`)).toBe(small.handovers);
    expect(count('SELECT count(*) AS n FROM movements')).toBe(small.off_premises);
    expect(count('SELECT count(*) AS n FROM personal_devices')).toBe(small.personal_devices);
    expect(count("SELECT count(*) AS n FROM assets WHERE category = 'flash_disk'")).toBe(small.flash_disks);
    expect(await verifyStore(store, registry.domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
  });

  it('has handovers in every state, as its summary says', () => {
    const states = byState('handovers', CUSTODY_ONLY);
    expect(states).toEqual(Object.fromEntries(Object.entries(summary.custody.handover_states).filter(([, n]) => n > 0)));
    for (const state of ['pending', 'approved', 'received', 'rejected', 'cancelled']) expect(states[state]).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM handovers WHERE json_array_length(lines) > 1")).toBe(summary.custody.multi_device_handovers);
    expect(summary.custody.multi_device_handovers).toBeGreaterThan(0);
  });

  it('moves custody from the store to a person, between people, back to the store and out to another institution', () => {
    const received = (from: string, to: string, kind: string) =>
      count("SELECT count(*) AS n FROM handovers WHERE state = 'received' AND from_type = ? AND to_type = ? AND kind = ?", from, to, kind);
    expect(received('store', 'person', 'handover')).toBeGreaterThan(0);
    expect(received('person', 'person', 'handover')).toBeGreaterThan(0);
    expect(received('person', 'store', 'return')).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM handovers WHERE state = 'received' AND to_type = 'institution' AND to_institution != ''")).toBeGreaterThan(0);
    // Each device stands where its last receipt put it.
    const last = rows<{ asset_id: string; to_type: string; to_person_id: string | null; custodian_id: string | null; status: string }>(
      `SELECT j.value ->> '$.asset_id' AS asset_id, h.to_type, h.to_person_id, a.custodian_id, a.status
         FROM handovers h, json_each(h.lines) j JOIN assets a ON a.id = j.value ->> '$.asset_id'
        WHERE h.state = 'received' AND h.received_at = (
          SELECT max(h2.received_at) FROM handovers h2, json_each(h2.lines) j2
           WHERE h2.state = 'received' AND j2.value ->> '$.asset_id' = j.value ->> '$.asset_id')`,
    );
    expect(last.length).toBeGreaterThan(0);
    for (const device of last) {
      if (device.to_type === 'institution') expect(device.status).toBe('transferred');
      else if (device.to_type === 'store') expect(device.custodian_id).toBeNull();
      else expect(device.custodian_id).toBe(device.to_person_id);
    }
    // 3.6.14: no storage or transfer medium went to another institution.
    expect(count("SELECT count(*) AS n FROM assets WHERE status = 'transferred' AND category IN ('flash_disk', 'external_drive')")).toBe(0);
    expect(count("SELECT count(*) AS n FROM assets WHERE status = 'transferred'")).toBe(summary.custody.transferred_devices);
  });

  it('has each permit decided by another officer than the one who prepared it, and receipts dated no later than the day', () => {
    for (const table of ['handovers', 'movements', 'personal_devices']) {
      expect(count(`SELECT count(*) AS n FROM ${table} WHERE decided_by IS NOT NULL AND decided_by != '' AND decided_by = prepared_by`)).toBe(0);
      expect(count(`SELECT count(*) AS n FROM ${table} WHERE decided_by IS NOT NULL AND decided_by != ''`)).toBeGreaterThan(0);
    }
    expect(count("SELECT count(*) AS n FROM handovers WHERE decided_role != '' AND decided_role != 'accounting_officer'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM handovers WHERE received_on > ?", DATE)).toBe(0);
  });

  it('has off-premises requests in every state, one overdue and one secret device approved with a justification', () => {
    const states = byState('movements');
    for (const state of ['requested', 'approved', 'rejected', 'checked_out', 'returned', 'revoked']) expect(states[state]).toBeGreaterThan(0);
    expect(states).toEqual(Object.fromEntries(Object.entries(summary.custody.off_premises_states).filter(([, n]) => n > 0)));
    const overdue = count("SELECT count(*) AS n FROM movements WHERE out_on != '' AND returned_on = '' AND due_on < ?", DATE);
    expect(overdue).toBe(summary.custody.overdue);
    expect(overdue).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM movements WHERE classification IN ('secret', 'top_secret') AND decided_at != '' AND state != 'rejected' AND justification != ''")).toBeGreaterThan(0);
    // A device out of the office says so; every one back is no longer out.
    const out = rows<{ status: string }>(
      "SELECT a.status FROM movements m, json_each(m.devices) j JOIN assets a ON a.id = j.value ->> '$.asset_id' WHERE m.out_on != '' AND m.returned_on = ''",
    );
    expect(out.length).toBeGreaterThan(0);
    for (const device of out) expect(device.status).toBe('off_premises');
    expect(count("SELECT count(*) AS n FROM movements WHERE out_on > ? OR returned_on > ?", DATE, DATE)).toBe(0);
  });

  it('gives the gate a valid, an expired and a revoked answer for the permits it approved', () => {
    const answer = (where: string) => {
      const row = store.sqlite.prepare(`SELECT permit_no, verification_code FROM movements WHERE ${where} ORDER BY permit_seq LIMIT 1`).get(DATE) as
        | { permit_no: string; verification_code: string }
        | undefined;
      expect(row).toBeDefined();
      return checkPermit(store, permitText(row?.permit_no ?? '', row?.verification_code ?? ''), DATE).answer;
    };
    expect(answer("state = 'checked_out' AND due_on >= ?")).toBe('valid');
    expect(answer("state = 'checked_out' AND due_on < ?")).toBe('expired');
    expect(answer("state = 'revoked' AND ? != ''")).toBe('revoked');
  });

  it('has personal devices pending, approved for long, expiring within thirty days, rejected and revoked', () => {
    const states = byState('personal_devices');
    for (const state of ['pending', 'approved', 'rejected', 'revoked']) expect(states[state]).toBeGreaterThan(0);
    const soon = addDays(DATE, 30);
    expect(count("SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on > ? AND expires_on <= ?", DATE, soon)).toBe(summary.custody.personal_devices.expiring);
    expect(summary.custody.personal_devices.expiring).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on > ?", soon)).toBe(summary.custody.personal_devices.approved);
    expect(summary.custody.personal_devices.approved).toBeGreaterThan(0);
  });

  it('has flash disks kept in a place, issued with the three rules acknowledged, returned, wiped, one issued now and one lost', () => {
    const disks = "SELECT id FROM assets WHERE category = 'flash_disk'";
    expect(count(`SELECT count(*) AS n FROM assets WHERE category = 'flash_disk' AND location_id IS NULL`)).toBe(0);
    expect(count(`SELECT count(DISTINCT payload ->> '$.asset_id') AS n FROM journal WHERE type = 'media.stored' AND payload ->> '$.asset_id' IN (${disks})`)).toBe(
      DEMO_SCALES.small.flash_disks,
    );
    expect(count(`SELECT count(*) AS n FROM media_issues WHERE asset_id IN (${disks})`)).toBe(summary.custody.media_issues);
    expect(count(`SELECT count(*) AS n FROM media_issues WHERE json_array_length(acknowledged) != 3`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM media_issues WHERE state = 'returned'`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM media_wipes WHERE asset_id IN (${disks})`)).toBe(summary.custody.media_wipes);
    expect(summary.custody.media_wipes).toBeGreaterThan(0);
    // Issued now: an open issue, the disk held by the servant.
    expect(
      count(`SELECT count(*) AS n FROM media_issues i JOIN assets a ON a.id = i.asset_id WHERE i.state = 'issued' AND a.custodian_id = i.person_id AND a.status = 'in_service'`),
    ).toBeGreaterThan(0);
    // Lost: an open incident, the disk marked lost.
    expect(count(`SELECT count(*) AS n FROM media_incidents m JOIN assets a ON a.id = m.asset_id WHERE m.kind = 'lost' AND m.state = 'open' AND a.status = 'lost'`)).toBe(
      summary.custody.flash_disks.lost,
    );
    expect(summary.custody.flash_disks.lost).toBeGreaterThan(0);
    // Back and not wiped since: due for its wipe (3.6.9).
    const wipeDue = count(
      `SELECT count(*) AS n FROM assets a WHERE a.category = 'flash_disk' AND a.status = 'in_store'
         AND (SELECT max(returned_on) FROM media_issues i WHERE i.asset_id = a.id) > coalesce((SELECT max(wiped_on) FROM media_wipes w WHERE w.asset_id = a.id), '')`,
    );
    expect(wipeDue).toBe(summary.custody.flash_disks.wipe_due);
    expect(wipeDue).toBeGreaterThan(0);
    for (const table of ['media_issues', 'media_wipes', 'media_incidents']) {
      const column = { media_issues: 'issued_on', media_wipes: 'wiped_on', media_incidents: 'reported_on' }[table] as string;
      expect(count(`SELECT count(*) AS n FROM ${table} WHERE ${column} > ?`, DATE)).toBe(0);
    }
  });
});
