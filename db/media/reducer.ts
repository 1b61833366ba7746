// Folds of the removable media register. Pure. What an issue, a return or a loss does to the device
// itself (its holder, its place, its status) is folded on the register's rows (db/assets/reducer.ts).
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { ACTOR_NAME, defineProjection, type FoldEvent } from '../journal/types.ts';
import { issueVoided, mediumFound, mediumIssued, mediumReported, mediumReturned, mediumWiped } from './events.ts';
import type { MediaIncidentRow, MediaIssueRow, MediaWipeRow } from './schema.ts';

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

export const mediaIssuesProjection = defineProjection<MediaIssueRow>({
  table: 'media_issues',
  columns: [
    'id', 'asset_id', 'person_id', 'person_name', 'purpose', 'issued_on', 'acknowledged', 'state', 'returned_on', 'return_condition',
    'return_note', 'void_reason', 'issued_by_name', 'closed_by_name', 'created_at', 'updated_at',
  ],
  on: [
    // A return folded before the issue (after a merge) is kept; the issue fills in its own columns.
    onOwn(mediumIssued, (row: MediaIssueRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', 'person_id', 'person_name', 'purpose', 'issued_on']),
      acknowledged: JSON.stringify(p.acknowledged),
      state: row?.state ?? 'issued',
      returned_on: row?.returned_on ?? '',
      return_condition: row?.return_condition ?? '',
      return_note: row?.return_note ?? '',
      void_reason: row?.void_reason ?? '',
      issued_by_name: actorName(event),
      closed_by_name: row?.closed_by_name ?? '',
    })),
    onExisting(mediumReturned, (row: MediaIssueRow, p, at, event) => ({
      ...row,
      state: 'returned',
      returned_on: p.returned_on,
      return_condition: p.condition,
      return_note: p.note,
      closed_by_name: actorName(event),
      updated_at: at,
    })),
    onExisting(issueVoided, (row: MediaIssueRow, p, at, event) => ({ ...row, state: 'voided', void_reason: p.reason, closed_by_name: actorName(event), updated_at: at })),
  ],
});

export const mediaWipesProjection = defineProjection<MediaWipeRow>({
  table: 'media_wipes',
  columns: ['id', 'asset_id', 'wiped_on', 'method', 'wiped_by', 'witness', 'note', 'recorded_by_name', 'created_at', 'updated_at'],
  on: [
    onOwn(mediumWiped, (row: MediaWipeRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', 'wiped_on', 'method', 'wiped_by', 'witness', 'note']),
      recorded_by_name: actorName(event),
    })),
  ],
});

export const mediaIncidentsProjection = defineProjection<MediaIncidentRow>({
  table: 'media_incidents',
  columns: [
    'id', 'asset_id', 'kind', 'reported_on', 'note', 'holder_id', 'holder_name', 'state', 'found_on', 'found_note', 'reported_by_name',
    'created_at', 'updated_at',
  ],
  on: [
    onOwn(mediumReported, (row: MediaIncidentRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', 'kind', 'reported_on', 'note', 'holder_id', 'holder_name']),
      // Damage is recorded once; a loss stays open until the medium is found.
      state: row?.state ?? (p.kind === 'lost' ? 'open' : 'recorded'),
      found_on: row?.found_on ?? '',
      found_note: row?.found_note ?? '',
      reported_by_name: actorName(event),
    })),
    onExisting(mediumFound, (row: MediaIncidentRow, p, at) => ({ ...row, state: 'found', found_on: p.found_on, found_note: p.note, updated_at: at })),
  ],
});
