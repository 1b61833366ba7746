// Row types of the removable media register's tables, joined to the store's Database type from this folder.
import type { Selectable } from 'kysely';

export interface MediaIssueTable {
  id: string;
  asset_id: string;
  person_id: string;
  person_name: string;
  purpose: string;
  issued_on: string;
  /** JSON array of the rules acknowledged (3.6.7–3.6.9). */
  acknowledged: string;
  /** issued | returned | voided */
  state: string;
  returned_on: string;
  return_condition: string;
  return_note: string;
  void_reason: string;
  issued_by_name: string;
  closed_by_name: string;
  created_at: string;
  updated_at: string;
}
export type MediaIssueRow = Selectable<MediaIssueTable>;

export interface MediaWipeTable {
  id: string;
  asset_id: string;
  wiped_on: string;
  method: string;
  wiped_by: string;
  witness: string;
  note: string;
  recorded_by_name: string;
  created_at: string;
  updated_at: string;
}
export type MediaWipeRow = Selectable<MediaWipeTable>;

export interface MediaIncidentTable {
  id: string;
  asset_id: string;
  /** lost | damaged */
  kind: string;
  reported_on: string;
  note: string;
  holder_id: string | null;
  holder_name: string;
  /** open (lost, not found) | found | recorded (damage) */
  state: string;
  found_on: string;
  found_note: string;
  reported_by_name: string;
  created_at: string;
  updated_at: string;
}
export type MediaIncidentRow = Selectable<MediaIncidentTable>;

declare module '../store/schema.ts' {
  interface Database {
    media_issues: MediaIssueTable;
    media_wipes: MediaWipeTable;
    media_incidents: MediaIncidentTable;
  }
}
