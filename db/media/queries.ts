// Reading the removable media register: the media with who holds them, where they are kept and whether
// a wipe is due; one medium's issues, wipes and incidents; the incidents list; what waits for whom.
import type { z } from 'zod';
import { STORAGE_MEDIUM_CATEGORIES } from '../assets/contract.ts';
import { ACCOUNTING_OFFICERS, ICT } from '../contract/roles.ts';
import type { SessionUser } from '../core/context.ts';
import { statement, type Store } from '../store/open.ts';
import { wipeDue, type IncidentListInput, type MediaListInput } from './contract.ts';
import type { MediaIncidentRow, MediaIssueRow, MediaWipeRow } from './schema.ts';

export interface MediumItem {
  id: string;
  tag: string;
  category: string;
  make: string;
  model: string;
  serial: string;
  status: string;
  classification: string;
  custodian_id: string | null;
  holder_name: string | null;
  location_id: string | null;
  location_name: string | null;
  lost_report_id: string | null;
  /** The issue it is out on (the latest, if a merge left two open). */
  open_issue_id: string | null;
  open_issue_purpose: string | null;
  open_issued_on: string | null;
  open_issues: number;
  last_returned_on: string | null;
  last_wiped_on: string | null;
  wipe_due: boolean;
}

type MediumRow = Omit<MediumItem, 'wipe_due'>;

const SELECT_MEDIA = `
  SELECT a.id, a.tag, a.category, a.make, a.model, a.serial, a.status, a.classification, a.custodian_id, p.full_name AS holder_name,
         a.location_id, l.name AS location_name, a.lost_report_id,
         oi.id AS open_issue_id, oi.purpose AS open_issue_purpose, oi.issued_on AS open_issued_on,
         (SELECT count(*) FROM media_issues i WHERE i.asset_id = a.id AND i.state = 'issued') AS open_issues,
         (SELECT max(returned_on) FROM media_issues i WHERE i.asset_id = a.id AND i.state = 'returned') AS last_returned_on,
         (SELECT max(wiped_on) FROM media_wipes w WHERE w.asset_id = a.id) AS last_wiped_on
    FROM assets a
    LEFT JOIN people p ON p.id = a.custodian_id
    LEFT JOIN locations l ON l.id = a.location_id
    LEFT JOIN media_issues oi ON oi.id = (
      SELECT i.id FROM media_issues i WHERE i.asset_id = a.id AND i.state = 'issued' ORDER BY i.issued_on DESC, i.created_at DESC, i.id DESC LIMIT 1)
   WHERE a.category IN (${STORAGE_MEDIUM_CATEGORIES.map(() => '?').join(', ')})`;

function toItem(row: MediumRow): MediumItem {
  // A disposed medium is history (3.6.12): the department destroyed it, nothing is left to wipe.
  return { ...row, wipe_due: row.status !== 'disposed' && wipeDue(row) };
}

/** Every removable medium, by tag, in the list asked for; a search matches tag, make, model, serial or holder. */
export function listMedia(store: Store, input: z.output<typeof MediaListInput>): MediumItem[] {
  const rows = (statement(store, `${SELECT_MEDIA} ORDER BY a.tag`).all(...STORAGE_MEDIUM_CATEGORIES) as MediumRow[]).map(toItem);
  const needle = input.search.toLowerCase();
  return rows.filter((medium) => {
    if (needle && ![medium.tag, medium.make, medium.model, medium.serial, medium.holder_name ?? ''].join(' ').toLowerCase().includes(needle)) return false;
    switch (input.list) {
      case 'all':
        return true;
      case 'in_store':
        return medium.status === 'in_store';
      case 'issued':
        return medium.open_issue_id !== null || medium.status === 'in_service';
      case 'lost':
        return medium.status === 'lost';
      case 'wipe_due':
        return medium.wipe_due;
    }
  });
}

export function findMediumItem(store: Store, assetId: string): MediumItem | undefined {
  const row = statement(store, `${SELECT_MEDIA} AND a.id = ?`).get(...STORAGE_MEDIUM_CATEGORIES, assetId) as MediumRow | undefined;
  return row ? toItem(row) : undefined;
}

export interface IssueView extends Omit<MediaIssueRow, 'acknowledged'> {
  acknowledged: string[];
}

const toIssue = (row: MediaIssueRow): IssueView => ({ ...row, acknowledged: JSON.parse(row.acknowledged) as string[] });

export function findIssue(store: Store, id: string): MediaIssueRow | undefined {
  return statement(store, 'SELECT * FROM media_issues WHERE id = ?').get(id) as MediaIssueRow | undefined;
}

/** The issues of a medium still open, the latest first (more than one only after a merge). */
export function openIssuesOf(store: Store, assetId: string): MediaIssueRow[] {
  return statement(store, "SELECT * FROM media_issues WHERE asset_id = ? AND state = 'issued' ORDER BY issued_on DESC, created_at DESC, id DESC").all(assetId) as MediaIssueRow[];
}

export function findIncident(store: Store, id: string): MediaIncidentRow | undefined {
  return statement(store, 'SELECT * FROM media_incidents WHERE id = ?').get(id) as MediaIncidentRow | undefined;
}

export interface MediumView extends MediumItem {
  issues: IssueView[];
  wipes: MediaWipeRow[];
  incidents: MediaIncidentRow[];
}

/** One medium with everything the register keeps about it, newest first. */
export function findMediumView(store: Store, assetId: string): MediumView | undefined {
  const item = findMediumItem(store, assetId);
  if (!item) return undefined;
  const issues = (statement(store, 'SELECT * FROM media_issues WHERE asset_id = ? ORDER BY issued_on DESC, created_at DESC').all(assetId) as MediaIssueRow[]).map(toIssue);
  const wipes = statement(store, 'SELECT * FROM media_wipes WHERE asset_id = ? ORDER BY wiped_on DESC, created_at DESC').all(assetId) as MediaWipeRow[];
  const incidents = statement(store, 'SELECT * FROM media_incidents WHERE asset_id = ? ORDER BY reported_on DESC, created_at DESC').all(assetId) as MediaIncidentRow[];
  return { ...item, issues, wipes, incidents };
}

export interface IncidentView extends MediaIncidentRow {
  asset_tag: string;
  asset_label: string;
}

/** Lost and damaged media; `open` keeps the losses not yet found (3.6.10), the oldest first. */
export function listIncidents(store: Store, input: z.output<typeof IncidentListInput>): IncidentView[] {
  const where = input.state === 'open' ? "WHERE m.state = 'open'" : '';
  const order = input.state === 'open' ? 'm.reported_on, m.created_at' : 'm.reported_on DESC, m.created_at DESC';
  const rows = statement(
    store,
    `SELECT m.*, coalesce(a.tag, '') AS asset_tag, trim(coalesce(a.make, '') || ' ' || coalesce(a.model, '')) AS asset_label
       FROM media_incidents m LEFT JOIN assets a ON a.id = m.asset_id ${where} ORDER BY ${order}`,
  ).all() as IncidentView[];
  return rows;
}

export interface MediaInbox {
  /** Lost media not yet found: for the ICT officer and the Accounting Officer. */
  lost: number;
  /** Media returned and not wiped since (3.6.9): for the ICT officer. */
  wipe_due: number;
}

/** What waits for `user` in the media register; a count is 0 for a role it is not meant for. */
export function mediaInbox(store: Store, user: Pick<SessionUser, 'roles'>): MediaInbox {
  const holds = (set: readonly string[]) => user.roles.some((role) => set.includes(role));
  const ict = holds(ICT);
  const lost = ict || holds(ACCOUNTING_OFFICERS) ? (statement(store, "SELECT count(*) AS n FROM media_incidents WHERE state = 'open'").get() as { n: number }).n : 0;
  return { lost, wipe_due: ict ? listMedia(store, { list: 'wipe_due', search: '' }).length : 0 };
}
