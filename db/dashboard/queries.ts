// The compliance dashboard's figures (issue 14): each an aggregate over another area's rows, read
// through an index, and the rows behind it, paged. Each figure is shown to whoever may call the route
// that reads its rows on their own screen, so the dashboard never shows more than the areas do.
import { STORAGE_MEDIUM_CATEGORIES } from '../assets/contract.ts';
import type { Registry } from '../area.ts';
import { addDays, addMonths, monthStart } from '../contract/days.ts';
import { mayCall } from '../contract/route.ts';
import type { SessionUser } from '../core/context.ts';
import { decodeCursor, encodeCursor } from '../core/paging.ts';
import { refuse } from '../core/refusal.ts';
import { duePreventive, type DueItem } from '../maintenance/queries.ts';
import { ACCOUNTS_OF_LEAVERS } from '../users/queries.ts';
import { statement, type Store } from '../store/open.ts';
import {
  AGE_BANDS,
  CHART_MONTHS,
  DUE_WITHIN_DAYS,
  TOP_MODELS,
  type Bucket,
  type Chart,
  type ChartKey,
  type DashboardPage,
  type DashboardRow,
  type DashboardSummary,
  type Figure,
  type FigureGroup,
  type FigureKey,
  type Flag,
} from './contract.ts';

/** What a figure is counted from, as of a working day, for one user. */
interface Asked {
  store: Store;
  registry: Registry;
  today: string;
  user: SessionUser;
  /** Preventive work due within DUE_WITHIN_DAYS, read once per answer: the rule walks every plan and device. */
  due?: DueItem[];
}

interface Counted {
  value: number;
  of?: number;
  buckets?: Bucket[];
}

/** A page of rows: either an SQL query (paged by the database) or rows made here (paged here). */
type Rows = { sql: string; params: Record<string, unknown> } | { rows: SortedRow[] };

interface SortedRow extends DashboardRow {
  sort: string;
}

interface FigureDefinition {
  key: FigureKey | ChartKey;
  group: FigureGroup | null;
  clause: string | null;
  /** The route whose access decides who sees the figure: the one that reads these rows on their screen. */
  reads: string;
  /** `count`: attention when above zero; `info`: never; `share`: attention below 100 %. */
  kind: 'count' | 'info' | 'share';
  count(asked: Asked): Counted;
  list(asked: Asked, bucket: string | null): Rows;
}

// ---- How rows read ------------------------------------------------------------------------------

/** Columns of a row that is a device: its tag, make and model; it leads to the device's page. */
const DEVICE = `a.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id`;

/** Devices gone from the institution: counted by status, but no longer part of the register's make-up. */
const GONE = `('disposed', 'transferred')`;

const scalar = (store: Store, sql: string, ...params: unknown[]): number => (statement(store, sql).get(...params) as { n: number | null }).n ?? 0;
const buckets = (store: Store, sql: string, ...params: unknown[]): Bucket[] => statement(store, sql).all(...params) as Bucket[];
const sum = (list: readonly Bucket[]): number => list.reduce((total, bucket) => total + bucket.value, 0);

/** 3.6.3: a removal of one of the device's media, dated on or before the day it left, not undone by a reinstallation before then. */
const REMOVED_BEFORE_LEAVING = `EXISTS (
  SELECT 1 FROM storage_media m JOIN journal j ON j.entity = m.id AND j.type = 'storage.removed'
   WHERE m.asset_id = e.asset_id AND json_extract(j.payload, '$.removed_on') <= e.sent_on
     AND NOT EXISTS (SELECT 1 FROM journal r WHERE r.entity = m.id AND r.type = 'storage.reinstalled'
                      AND json_extract(r.payload, '$.reinstalled_on') >= json_extract(j.payload, '$.removed_on')
                      AND json_extract(r.payload, '$.reinstalled_on') < e.sent_on))`;

/** 3.6.3: off-site repairs of devices able to hold records (by their category's rule or a drive recorded inside). */
const OFFSITE_WITH_STORAGE = `FROM maintenance_entries e JOIN assets a ON a.id = e.asset_id
  WHERE e.sent_on != '' AND (a.can_hold_records = 1 OR EXISTS (SELECT 1 FROM storage_media s WHERE s.asset_id = e.asset_id))`;

/** 3.6.11: devices out on a permit that no longer stands approved (revoked while they were out, or never decided). */
const OUT_WITHOUT_APPROVAL = `FROM assets a LEFT JOIN movements v ON v.id = a.off_premises_id
  WHERE a.off_premises_id IS NOT NULL AND (v.id IS NULL OR v.state != 'checked_out' OR v.decided_at = '')`;

/** 3.6.11: devices out past the day their permit said they would be back (out: checked out, or revoked while out). */
const OUT_OVERDUE = `FROM movements v JOIN assets a ON a.off_premises_id = v.id
  WHERE v.state IN ('checked_out', 'revoked') AND v.out_on != '' AND v.returned_on = '' AND v.due_on < @today`;

/**
 * 3.6.9: a medium out on an issue made after an earlier issue came back, with no wipe confirmed between
 * that return and this issue. Compliant: issued with a wipe since the last return, or issued for the first time.
 * The issues drive the join (CROSS JOIN keeps that order): there are far fewer of them than devices.
 */
const ISSUED_MEDIA = `FROM media_issues i CROSS JOIN assets a ON a.id = i.asset_id WHERE i.state = 'issued'`;
const LAST_RETURN = `(SELECT max(r.returned_on) FROM media_issues r
  WHERE r.asset_id = i.asset_id AND r.state = 'returned' AND r.returned_on <= i.issued_on AND r.id != i.id)`;
const ISSUED_UNWIPED = `${LAST_RETURN} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM media_wipes w WHERE w.asset_id = i.asset_id AND w.wiped_on >= ${LAST_RETURN} AND w.wiped_on <= i.issued_on)`;

/** 3.6.9: returned after its last wipe (a wipe on the day of the return counts), and not destroyed since. */
const NOT_WIPED = `FROM assets a
  JOIN (SELECT asset_id, max(returned_on) AS last_return FROM media_issues WHERE state = 'returned' GROUP BY asset_id) r ON r.asset_id = a.id
  WHERE a.status != 'disposed' AND a.category IN (${STORAGE_MEDIUM_CATEGORIES.map((c) => `'${c}'`).join(', ')})
    AND NOT EXISTS (SELECT 1 FROM media_wipes w WHERE w.asset_id = a.id AND w.wiped_on >= r.last_return)`;

/** 3.6.6: handovers whose permit was approved, received (compliant) or still waiting for the receipt. */
const DECIDED_HANDOVERS = `FROM handovers h WHERE h.state IN ('approved', 'received')`;
const HANDOVER_DONE = `(h.state = 'received' AND h.decided_by IS NOT NULL AND h.received_on != '')`;

/** Years since purchase, in the bands of AGE_BANDS: a purchase after `@y1` (a year before today) is under a year old. */
const AGE_BAND = `CASE WHEN a.purchase_date = '' THEN 'unknown'
  WHEN a.purchase_date > @y1 THEN '0-1'
  WHEN a.purchase_date > @y3 THEN '1-3'
  WHEN a.purchase_date > @y5 THEN '3-5'
  WHEN a.purchase_date > @y8 THEN '5-8'
  ELSE '8+' END`;

/** The days the age bands start from, as of `today`. */
function ageCuts(today: string): { y1: string; y3: string; y5: string; y8: string } {
  return { y1: addMonths(today, -12), y3: addMonths(today, -36), y5: addMonths(today, -60), y8: addMonths(today, -96) };
}

/** The first day of the charts' window: the month CHART_MONTHS − 1 before this one. */
function chartsFrom(today: string): string {
  return monthStart(addMonths(monthStart(today), -(CHART_MONTHS - 1)));
}

/** The months of the charts' window, oldest first, as YYYY-MM. */
function chartMonths(today: string): string[] {
  const first = chartsFrom(today);
  return Array.from({ length: CHART_MONTHS }, (_, i) => addMonths(first, i).slice(0, 7));
}

// ---- The figures --------------------------------------------------------------------------------

const DEFINITIONS: readonly FigureDefinition[] = [
  {
    key: 'devices.status',
    group: 'register',
    clause: null,
    reads: 'assets.list',
    kind: 'info',
    count: ({ store }) => {
      const list = buckets(store, 'SELECT status AS key, count(*) AS value FROM assets GROUP BY status ORDER BY value DESC, key');
      return { value: sum(list), buckets: list };
    },
    list: (_asked, bucket) => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'statuses.' || a.status AS why_key, '{}' AS why_params, 'ok' AS flag FROM assets a WHERE (@bucket IS NULL OR a.status = @bucket)`,
      params: { bucket },
    }),
  },
  {
    key: 'devices.category',
    group: 'register',
    clause: null,
    reads: 'assets.list',
    kind: 'info',
    count: ({ store }) => {
      const list = buckets(store, `SELECT category AS key, count(*) AS value FROM assets WHERE status NOT IN ${GONE} GROUP BY category ORDER BY value DESC, key`);
      return { value: sum(list), buckets: list };
    },
    list: (_asked, bucket) => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'statuses.' || a.status AS why_key, '{}' AS why_params, 'ok' AS flag
              FROM assets a WHERE a.status NOT IN ${GONE} AND (@bucket IS NULL OR a.category = @bucket)`,
      params: { bucket },
    }),
  },
  ...(['in-house', 'off-site'] as const).map(
    (where): FigureDefinition => ({
      key: `repairs.${where}`,
      group: 'maintenance',
      clause: null,
      reads: 'maintenance.list',
      kind: 'info',
      count: ({ store }) => ({ value: scalar(store, 'SELECT count(*) AS n FROM assets WHERE status = ?', where === 'in-house' ? 'under_repair' : 'away_for_repair') }),
      list: () => ({
        sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.${where === 'in-house' ? 'in-house' : 'off-site'}' AS why_key,
                     json_object('since', coalesce(nullif(e.sent_on, ''), e.reported_on, '')) AS why_params, 'ok' AS flag
                FROM assets a LEFT JOIN maintenance_entries e ON e.id = a.open_entry_id WHERE a.status = @status`,
        params: { status: where === 'in-house' ? 'under_repair' : 'away_for_repair' },
      }),
    }),
  ),
  ...(['overdue', 'due'] as const).map(
    (when): FigureDefinition => ({
      key: `preventive.${when}`,
      group: 'maintenance',
      clause: null,
      reads: 'plans.list',
      kind: when === 'overdue' ? 'count' : 'info',
      count: (asked) => ({ value: preventive(asked, when).length }),
      list: (asked) => ({
        rows: preventive(asked, when).map((item) => ({
          id: `${item.plan_id} ${item.asset_id}`,
          sort: `${item.due_on} ${item.asset_tag}`,
          label: item.asset_tag,
          detail: item.asset_label,
          why: { key: `dashboard_ui.why.preventive-${when}`, params: { task: item.task, due: item.due_on } },
          flag: when === 'overdue' ? 'attention' : 'ok',
          lead: { screen: 'assets', id: item.asset_id },
        })),
      }),
    }),
  ),
  {
    key: 'approvals.pending',
    group: 'movements',
    clause: null,
    reads: 'inbox.list',
    kind: 'count',
    count: (asked) => ({ value: sum(decisions(asked).map((item) => ({ key: item.key, value: item.count }))) }),
    list: (asked) => ({
      rows: decisions(asked).map((item, i) => ({
        id: item.key,
        sort: String(i).padStart(4, '0'),
        label: '',
        detail: '',
        why: { key: `inbox.items.${item.key}`, params: { count: item.count } },
        flag: 'attention',
        lead: { screen: item.screen, id: null },
      })),
    }),
  },
  {
    key: 'movements.overdue',
    group: 'movements',
    clause: null,
    reads: 'movements.list',
    kind: 'count',
    count: ({ store, today }) => ({ value: scalar(store, "SELECT count(*) AS n FROM movements WHERE state IN ('checked_out', 'revoked') AND out_on != '' AND returned_on = '' AND due_on < ?", today) }),
    list: ({ today }) => ({
      sql: `SELECT v.id AS id, v.permit_no AS label, v.holder_name || ' — ' || v.destination AS detail, 'movements' AS screen, v.id AS lead_id,
                   v.due_on || v.permit_no AS sort, 'dashboard_ui.why.movement-overdue' AS why_key, json_object('due', v.due_on) AS why_params, 'attention' AS flag
              FROM movements v WHERE v.state IN ('checked_out', 'revoked') AND v.out_on != '' AND v.returned_on = '' AND v.due_on < @today`,
      params: { today },
    }),
  },
  {
    key: 'personal-devices.expiring',
    group: 'movements',
    clause: null,
    reads: 'personal-devices.list',
    kind: 'info',
    count: ({ store, today }) => ({
      value: scalar(store, "SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on >= ? AND expires_on <= ?", today, addDays(today, DUE_WITHIN_DAYS)),
    }),
    list: ({ today }) => ({
      sql: `SELECT d.id AS id, d.owner_name AS label, trim(d.make || ' ' || d.model) AS detail, 'personal-devices' AS screen, d.id AS lead_id,
                   d.expires_on || d.owner_name AS sort, 'dashboard_ui.why.approval-expires' AS why_key, json_object('date', d.expires_on) AS why_params, 'ok' AS flag
              FROM personal_devices d WHERE d.state = 'approved' AND d.expires_on >= @today AND d.expires_on <= @until`,
      params: { today, until: addDays(today, DUE_WITHIN_DAYS) },
    }),
  },
  {
    key: 'media.issued',
    group: 'media',
    clause: null,
    reads: 'media.list',
    kind: 'info',
    count: ({ store }) => ({ value: scalar(store, "SELECT count(DISTINCT asset_id) AS n FROM media_issues WHERE state = 'issued'") }),
    list: () => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.media-issued' AS why_key, json_object('holder', i.person_name, 'date', i.issued_on) AS why_params, 'ok' AS flag
              FROM media_issues i CROSS JOIN assets a ON a.id = i.asset_id
             WHERE i.state = 'issued' AND i.id = (SELECT x.id FROM media_issues x WHERE x.asset_id = i.asset_id AND x.state = 'issued' ORDER BY x.issued_on DESC, x.id DESC LIMIT 1)`,
      params: {},
    }),
  },
  {
    key: 'media.not-wiped',
    group: 'media',
    clause: null,
    reads: 'media.list',
    kind: 'count',
    count: ({ store }) => ({ value: scalar(store, `SELECT count(*) AS n ${NOT_WIPED}`) }),
    list: () => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.media-not-wiped' AS why_key, json_object('date', r.last_return) AS why_params, 'attention' AS flag ${NOT_WIPED}`,
      params: {},
    }),
  },
  {
    key: 'media.lost',
    group: 'media',
    clause: null,
    reads: 'media.list',
    kind: 'count',
    count: ({ store }) => ({ value: scalar(store, "SELECT count(*) AS n FROM media_incidents WHERE state = 'open' AND kind = 'lost'") }),
    list: () => ({
      sql: `SELECT n.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id, n.reported_on || a.tag AS sort,
                   'dashboard_ui.why.media-lost' AS why_key, json_object('date', n.reported_on, 'holder', n.holder_name) AS why_params, 'attention' AS flag
              FROM media_incidents n CROSS JOIN assets a ON a.id = n.asset_id WHERE n.state = 'open' AND n.kind = 'lost'`,
      params: {},
    }),
  },
  {
    key: 'disposal.batches',
    group: 'disposal',
    clause: null,
    reads: 'disposal.batches',
    kind: 'info',
    count: ({ store }) => {
      const list = buckets(store, 'SELECT state AS key, count(*) AS value FROM disposal_batches GROUP BY state ORDER BY key');
      return { value: sum(list), buckets: list };
    },
    list: (_asked, bucket) => ({
      sql: `SELECT b.id AS id, b.number AS label, b.prepared_by_name AS detail, 'disposal' AS screen, b.id AS lead_id, printf('%04d%06d', b.year, b.seq) AS sort,
                   'disposal_ui.states.' || b.state AS why_key, '{}' AS why_params, 'ok' AS flag
              FROM disposal_batches b WHERE (@bucket IS NULL OR b.state = @bucket)`,
      params: { bucket },
    }),
  },
  // ---- Compliance per clause ----
  {
    key: 'clause.3.6.3',
    group: 'compliance',
    clause: '3.6.3',
    reads: 'maintenance.list',
    kind: 'share',
    count: ({ store }) => {
      const row = statement(store, `SELECT count(*) AS of, coalesce(sum(${REMOVED_BEFORE_LEAVING}), 0) AS value ${OFFSITE_WITH_STORAGE}`).get() as { of: number; value: number };
      return { value: row.value, of: row.of };
    },
    list: (_asked, bucket) => ({
      sql: `SELECT * FROM (SELECT e.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id, e.sent_on || a.tag AS sort,
                   CASE WHEN ${REMOVED_BEFORE_LEAVING} THEN 'ok' ELSE 'attention' END AS flag,
                   CASE WHEN ${REMOVED_BEFORE_LEAVING} THEN 'dashboard_ui.why.storage-removed' ELSE 'dashboard_ui.why.storage-not-removed' END AS why_key,
                   json_object('date', e.sent_on, 'provider', e.provider_name) AS why_params
              ${OFFSITE_WITH_STORAGE}) WHERE (@bucket IS NULL OR flag = @bucket)`,
      params: { bucket },
    }),
  },
  {
    key: 'clause.3.6.6',
    group: 'compliance',
    clause: '3.6.6',
    reads: 'handovers.list',
    kind: 'share',
    count: ({ store }) => {
      const row = statement(store, `SELECT count(*) AS of, coalesce(sum(${HANDOVER_DONE}), 0) AS value ${DECIDED_HANDOVERS}`).get() as { of: number; value: number };
      return { value: row.value, of: row.of };
    },
    list: (_asked, bucket) => ({
      sql: `SELECT * FROM (SELECT h.id AS id, h.number AS label, h.from_name || ' → ' || coalesce(nullif(h.to_institution, ''), h.to_name) AS detail, 'handovers' AS screen, h.id AS lead_id,
                   printf('%04d%06d', h.year, h.seq) AS sort,
                   CASE WHEN ${HANDOVER_DONE} THEN 'ok' ELSE 'attention' END AS flag,
                   CASE WHEN ${HANDOVER_DONE} THEN 'dashboard_ui.why.handover-received' ELSE 'dashboard_ui.why.handover-not-received' END AS why_key,
                   json_object('approver', h.decided_by_name, 'date', h.received_on) AS why_params
              ${DECIDED_HANDOVERS}) WHERE (@bucket IS NULL OR flag = @bucket)`,
      params: { bucket },
    }),
  },
  {
    key: 'clause.3.6.11',
    group: 'compliance',
    clause: '3.6.11',
    reads: 'movements.list',
    kind: 'count',
    count: ({ store }) => ({ value: scalar(store, `SELECT count(*) AS n ${OUT_WITHOUT_APPROVAL}`) }),
    list: () => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.out-without-approval' AS why_key,
                   json_object('permit', coalesce(v.permit_no, ''), 'state', coalesce(v.state, '')) AS why_params, 'attention' AS flag ${OUT_WITHOUT_APPROVAL}`,
      params: {},
    }),
  },
  {
    key: 'clause.3.6.11-overdue',
    group: 'compliance',
    clause: '3.6.11',
    reads: 'movements.list',
    kind: 'count',
    count: ({ store, today }) => ({ value: scalar(store, `SELECT count(*) AS n ${OUT_OVERDUE}`, { today }) }),
    list: ({ today }) => ({
      sql: `SELECT ${DEVICE}, v.due_on || a.tag AS sort, 'dashboard_ui.why.out-overdue' AS why_key,
                   json_object('permit', v.permit_no, 'due', v.due_on, 'holder', v.holder_name) AS why_params, 'attention' AS flag ${OUT_OVERDUE}`,
      params: { today },
    }),
  },
  {
    key: 'clause.3.6.5',
    group: 'compliance',
    clause: '3.6.5',
    reads: 'personal-devices.list',
    kind: 'count',
    count: ({ store, today }) => ({ value: scalar(store, "SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on < ?", today) }),
    list: ({ today }) => ({
      sql: `SELECT d.id AS id, d.owner_name AS label, trim(d.make || ' ' || d.model) AS detail, 'personal-devices' AS screen, d.id AS lead_id,
                   d.expires_on || d.owner_name AS sort, 'dashboard_ui.why.approval-expired' AS why_key, json_object('date', d.expires_on) AS why_params, 'attention' AS flag
              FROM personal_devices d WHERE d.state = 'approved' AND d.expires_on < @today`,
      params: { today },
    }),
  },
  {
    key: 'clause.3.6.9',
    group: 'compliance',
    clause: '3.6.9',
    reads: 'media.list',
    kind: 'count',
    count: ({ store }) => ({ value: scalar(store, `SELECT count(*) AS n ${ISSUED_MEDIA} AND ${ISSUED_UNWIPED}`) }),
    list: () => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.issued-unwiped' AS why_key,
                   json_object('holder', i.person_name, 'date', i.issued_on, 'returned', ${LAST_RETURN}) AS why_params, 'attention' AS flag
              ${ISSUED_MEDIA} AND ${ISSUED_UNWIPED}`,
      params: {},
    }),
  },
  {
    key: 'clause.3.6.12',
    group: 'compliance',
    clause: '3.6.12',
    reads: 'disposal.batches',
    kind: 'count',
    count: ({ store }) => ({ value: scalar(store, "SELECT count(*) AS n FROM assets WHERE status = 'awaiting_disposal' AND can_hold_records = 1") }),
    list: () => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, 'dashboard_ui.why.not-in-batch' AS why_key, '{}' AS why_params, 'attention' AS flag
              FROM assets a WHERE a.status = 'awaiting_disposal' AND a.can_hold_records = 1`,
      params: {},
    }),
  },
  {
    key: 'clause.3.1.2',
    group: 'compliance',
    clause: '3.1.2',
    reads: 'users.list',
    kind: 'count',
    // An active account whose person (the account's own link, never a matching name) no longer serves.
    count: ({ store }) => ({ value: scalar(store, `SELECT count(*) AS n ${ACCOUNTS_OF_LEAVERS}`) }),
    list: () => ({
      sql: `SELECT u.id AS id, u.display_name AS label, u.username AS detail, 'users' AS screen, u.id AS lead_id, u.display_name || ' ' || u.id AS sort,
                   'dashboard_ui.why.account-of-leaver' AS why_key, '{}' AS why_params, 'attention' AS flag ${ACCOUNTS_OF_LEAVERS}`,
      params: {},
    }),
  },
  // ---- Charts ----
  {
    key: 'chart.cost',
    group: null,
    clause: null,
    reads: 'maintenance.list',
    kind: 'info',
    count: () => ({ value: 0 }),
    list: ({ today }, bucket) => ({
      sql: `SELECT e.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id, e.closed_on || a.tag AS sort,
                   'dashboard_ui.why.cost' AS why_key, json_object('amount', e.parts_cost_tzs + e.labour_cost_tzs, 'date', e.closed_on) AS why_params, 'ok' AS flag
              FROM maintenance_entries e JOIN assets a ON a.id = e.asset_id
             WHERE e.closed_on >= @from AND e.closed_on <= @today AND e.parts_cost_tzs + e.labour_cost_tzs > 0 AND (@bucket IS NULL OR substr(e.closed_on, 1, 7) = @bucket)`,
      params: { from: chartsFrom(today), today, bucket },
    }),
  },
  {
    key: 'chart.downtime',
    group: null,
    clause: null,
    reads: 'maintenance.list',
    kind: 'info',
    count: () => ({ value: 0 }),
    list: ({ today }, bucket) => ({
      sql: `SELECT e.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id, e.closed_on || a.tag AS sort,
                   'dashboard_ui.why.downtime' AS why_key, json_object('days', e.downtime_days, 'date', e.closed_on) AS why_params, 'ok' AS flag
              FROM maintenance_entries e JOIN assets a ON a.id = e.asset_id
             WHERE e.closed_on >= @from AND e.closed_on <= @today AND e.downtime_days > 0 AND (@bucket IS NULL OR a.category = @bucket)`,
      params: { from: chartsFrom(today), today, bucket },
    }),
  },
  {
    key: 'chart.models',
    group: null,
    clause: null,
    reads: 'maintenance.list',
    kind: 'info',
    count: () => ({ value: 0 }),
    list: ({ today }, bucket) => ({
      sql: `SELECT e.id AS id, a.tag AS label, trim(a.make || ' ' || a.model) AS detail, 'assets' AS screen, a.id AS lead_id, e.reported_on || a.tag AS sort,
                   'dashboard_ui.why.repair' AS why_key, json_object('date', e.reported_on, 'symptoms', e.symptoms) AS why_params, 'ok' AS flag
              FROM maintenance_entries e JOIN assets a ON a.id = e.asset_id
             WHERE e.kind = 'corrective' AND e.reported_on >= @from AND e.reported_on <= @today AND (@bucket IS NULL OR trim(a.make || ' ' || a.model) = @bucket)`,
      params: { from: chartsFrom(today), today, bucket },
    }),
  },
  {
    key: 'chart.age',
    group: null,
    clause: null,
    reads: 'assets.list',
    kind: 'info',
    count: () => ({ value: 0 }),
    list: ({ today }, bucket) => ({
      sql: `SELECT ${DEVICE}, a.tag AS sort, CASE WHEN a.purchase_date = '' THEN 'dashboard_ui.why.purchase-unknown' ELSE 'dashboard_ui.why.purchased' END AS why_key,
                   json_object('date', a.purchase_date) AS why_params, 'ok' AS flag
              FROM assets a WHERE a.status NOT IN ${GONE} AND (@bucket IS NULL OR ${AGE_BAND} = @bucket)`,
      params: { ...ageCuts(today), bucket },
    }),
  },
];

const BY_KEY = new Map(DEFINITIONS.map((definition) => [definition.key, definition]));

function preventive(asked: Asked, when: 'overdue' | 'due'): DueItem[] {
  asked.due ??= duePreventive(asked.store, asked.today, DUE_WITHIN_DAYS);
  return asked.due.filter((item) => item.overdue === (when === 'overdue'));
}

/**
 * What waits for this user's own decision: the reminders the inbox shows as `act`, counted by the same
 * rule (those whose route the user may call, where something waits), and only those.
 */
function decisions({ store, registry, user, today }: Asked): { key: string; screen: string; count: number }[] {
  return registry.reminders
    .filter((reminder) => reminder.urgency === 'act')
    .filter((reminder) => {
      const route = registry.routes[reminder.route];
      return route !== undefined && mayCall(route.access, user.roles);
    })
    .map((reminder) => ({ key: reminder.key, screen: reminder.screen, count: reminder.count(store, today, user) }))
    .filter((item) => item.count > 0);
}

function flagOf(kind: FigureDefinition['kind'], value: number, of: number | null): Flag {
  if (kind === 'share') return of !== null && value < of ? 'attention' : 'ok';
  if (kind === 'count') return value > 0 ? 'attention' : 'ok';
  return 'ok';
}

function readable(asked: Asked, definition: FigureDefinition): boolean {
  const route = asked.registry.routes[definition.reads];
  return route !== undefined && mayCall(route.access, asked.user.roles);
}

// ---- Charts -------------------------------------------------------------------------------------

function charts(asked: Asked): Chart[] {
  const { store, today } = asked;
  const from = chartsFrom(today);
  const out: Chart[] = [];
  const shown = (key: ChartKey) => readable(asked, BY_KEY.get(key) as FigureDefinition);
  if (shown('chart.cost')) {
    const spent = new Map(
      buckets(
        store,
        `SELECT substr(closed_on, 1, 7) AS key, sum(parts_cost_tzs + labour_cost_tzs) AS value FROM maintenance_entries
          WHERE closed_on >= ? AND closed_on <= ? GROUP BY key`,
        from,
        today,
      ).map((bar) => [bar.key, bar.value]),
    );
    out.push({ key: 'chart.cost', unit: 'tzs', bars: chartMonths(today).map((month) => ({ key: month, value: spent.get(month) ?? 0 })) });
  }
  if (shown('chart.downtime')) {
    out.push({
      key: 'chart.downtime',
      unit: 'days',
      bars: buckets(
        store,
        `SELECT a.category AS key, sum(e.downtime_days) AS value FROM maintenance_entries e JOIN assets a ON a.id = e.asset_id
          WHERE e.closed_on >= ? AND e.closed_on <= ? AND e.downtime_days > 0 GROUP BY a.category ORDER BY value DESC, key`,
        from,
        today,
      ),
    });
  }
  if (shown('chart.models')) {
    out.push({
      key: 'chart.models',
      unit: 'repairs',
      bars: buckets(
        store,
        // Repairs are counted per device from the index first, so each device's row is read once, not once per repair.
        `SELECT trim(a.make || ' ' || a.model) AS key, sum(r.n) AS value
           FROM (SELECT asset_id, count(*) AS n FROM maintenance_entries WHERE kind = 'corrective' AND reported_on >= ? AND reported_on <= ? GROUP BY asset_id) r
           CROSS JOIN assets a ON a.id = r.asset_id
          GROUP BY key ORDER BY value DESC, key LIMIT ${TOP_MODELS}`,
        from,
        today,
      ),
    });
  }
  if (shown('chart.age')) {
    const counted = new Map(
      buckets(store, `SELECT ${AGE_BAND} AS key, count(*) AS value FROM assets a WHERE a.status NOT IN ${GONE} GROUP BY key`, ageCuts(today)).map((bar) => [
        bar.key,
        bar.value,
      ]),
    );
    out.push({ key: 'chart.age', unit: 'devices', bars: AGE_BANDS.map((band) => ({ key: band, value: counted.get(band) ?? 0 })) });
  }
  return out;
}

// ---- The answers --------------------------------------------------------------------------------

/** Every figure this user may read, and the charts, as of `today`. */
export function dashboardSummary(store: Store, registry: Registry, user: SessionUser, today: string): DashboardSummary {
  const asked: Asked = { store, registry, today, user };
  const figures: Figure[] = [];
  for (const definition of DEFINITIONS) {
    if (definition.group === null || !readable(asked, definition)) continue;
    const counted = definition.count(asked);
    const of = counted.of ?? null;
    figures.push({
      key: definition.key as FigureKey,
      group: definition.group,
      value: counted.value,
      of,
      flag: flagOf(definition.kind, counted.value, of),
      clause: definition.clause,
      buckets: counted.buckets ?? [],
    });
  }
  return { today, figures, charts: charts(asked) };
}

interface SqlRow {
  id: string;
  label: string;
  detail: string | null;
  screen: string;
  lead_id: string | null;
  sort: string;
  why_key: string;
  why_params: string;
  flag: Flag;
}

/** The rows behind one figure (or one of its buckets, or one bar of a chart), a page at a time. */
export function dashboardList(
  store: Store,
  registry: Registry,
  user: SessionUser,
  today: string,
  input: { figure: FigureKey | ChartKey; bucket: string | null; after: string | null; limit: number },
): DashboardPage {
  const definition = BY_KEY.get(input.figure);
  const asked: Asked = { store, registry, today, user };
  // Only what the user may read on the figure's own screen.
  if (!definition || !readable(asked, definition)) refuse('forbidden');
  const [afterSort, afterId] = input.after ? decodeCursor(input.after) : [null, null];
  const rows = definition.list(asked, input.bucket);
  let items: SortedRow[];
  if ('sql' in rows) {
    const params = rows.params;
    const found = statement(
      store,
      `SELECT * FROM (${rows.sql}) WHERE (@after_sort IS NULL OR sort > @after_sort OR (sort = @after_sort AND id > @after_id))
        ORDER BY sort, id LIMIT @page`,
    ).all({ ...params, after_sort: afterSort, after_id: afterId, page: input.limit + 1 }) as SqlRow[];
    items = found.map((row) => ({
      id: row.id,
      sort: row.sort,
      label: row.label,
      detail: row.detail ?? '',
      why: { key: row.why_key, params: JSON.parse(row.why_params) as Record<string, string | number> },
      flag: row.flag,
      lead: { screen: row.screen, id: row.lead_id },
    }));
  } else {
    const afterKey = afterId ?? '';
    items = rows.rows
      .filter((row) => input.bucket === null || row.flag === input.bucket)
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .filter((row) => afterSort === null || row.sort > afterSort || (row.sort === afterSort && row.id > afterKey))
      .slice(0, input.limit + 1);
  }
  const more = items.length > input.limit;
  const page = items.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sort: _sort, ...row }) => row),
    next: more && last ? encodeCursor(last.sort, last.id) : null,
  };
}
