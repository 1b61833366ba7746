// Folds of handovers and of the institution's handover setting. Pure: no clock, never refuses; after a
// merge a decision, a receipt or a cancellation may meet a row in any state, and each keeps what is true.
import type { Selectable } from 'kysely';
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on, type FoldEvent } from '../journal/types.ts';
import {
  approverSet,
  HANDOVER_SETTINGS_ID,
  handoverApproved,
  handoverCancelled,
  handoverPrepared,
  handoverReceived,
  handoverRejected,
  handoverScanAttached,
  LINE_FIELDS,
} from './events.ts';

export interface HandoverTable {
  id: string;
  number: string;
  year: number;
  seq: number;
  /** handover | return */
  kind: string;
  /** pending | approved | rejected | received | cancelled */
  state: string;
  from_type: string;
  from_person_id: string | null;
  from_name: string;
  to_type: string;
  to_person_id: string | null;
  to_name: string;
  to_institution: string;
  to_officer: string;
  reason: string;
  /** JSON array of lines (events.ts `Line`). */
  lines: string;
  prepared_by: string;
  prepared_by_name: string;
  prepared_at: string;
  decided_by: string | null;
  decided_by_name: string;
  decided_role: string;
  decided_at: string;
  decision_note: string;
  received_on: string;
  received_by: string;
  witness: string;
  /** When the receipt was recorded (its event's instant): orders the receipts of one device. */
  received_at: string;
  cancel_reason: string;
  cancelled_at: string;
  /** JSON array of { sha256, name, mime, size }: the signed form, scanned. */
  attachments: string;
  created_at: string;
  updated_at: string;
}
export type HandoverRow = Selectable<HandoverTable>;

export interface HandoverSettingsTable {
  id: string;
  approver_role: string;
  updated_at: string;
}
export type HandoverSettingsRow = Selectable<HandoverSettingsTable>;

declare module '../store/schema.ts' {
  interface Database {
    handovers: HandoverTable;
    handover_settings: HandoverSettingsTable;
  }
}

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

/** What happens after the preparation, kept when a merge folds the preparation after it. */
const UNDECIDED = {
  state: 'pending',
  decided_by: null,
  decided_by_name: '',
  decided_role: '',
  decided_at: '',
  decision_note: '',
  received_on: '',
  received_by: '',
  witness: '',
  received_at: '',
  cancel_reason: '',
  cancelled_at: '',
  attachments: '[]',
} as const;
const AFTER_PREPARATION = Object.keys(UNDECIDED) as (keyof typeof UNDECIDED)[];

export const handoversProjection = defineProjection<HandoverRow>({
  table: 'handovers',
  columns: [
    'id', 'number', 'year', 'seq', 'kind', 'state', 'from_type', 'from_person_id', 'from_name', 'to_type', 'to_person_id', 'to_name',
    'to_institution', 'to_officer', 'reason', 'lines', 'prepared_by', 'prepared_by_name', 'prepared_at', 'decided_by', 'decided_by_name',
    'decided_role', 'decided_at', 'decision_note', 'received_on', 'received_by', 'witness', 'received_at', 'cancel_reason', 'cancelled_at',
    'attachments', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(handoverPrepared, (row: HandoverRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['number', 'year', 'seq', 'kind', 'from_type', 'from_person_id', 'from_name', 'to_type', 'to_person_id', 'to_name', 'to_institution', 'to_officer', 'reason']),
      lines: JSON.stringify(p.lines.map((line) => pick(line, LINE_FIELDS))),
      prepared_by: event.actor,
      prepared_by_name: actorName(event),
      prepared_at: hlcInstant(event.hlc),
      ...(row ? pick(row, AFTER_PREPARATION) : UNDECIDED),
    })),
    onExisting(handoverApproved, (row: HandoverRow, p, at, event) =>
      // Decided once: a second decision made apart on another installation leaves the first standing.
      row.decided_by !== null
        ? row
        : {
            ...row,
            state: row.state === 'pending' ? 'approved' : row.state,
            decided_by: event.actor,
            decided_by_name: p.approver_name,
            decided_role: p.approver_role,
            decided_at: at,
            decision_note: p.note,
            updated_at: at,
          },
    ),
    onExisting(handoverRejected, (row: HandoverRow, p, at, event) =>
      row.decided_by !== null
        ? row
        : {
            ...row,
            state: row.state === 'pending' ? 'rejected' : row.state,
            decided_by: event.actor,
            decided_by_name: p.approver_name,
            decided_role: p.approver_role,
            decided_at: at,
            decision_note: p.reason,
            updated_at: at,
          },
    ),
    // The devices changed hands: that stands whatever else was recorded elsewhere meanwhile.
    onExisting(handoverReceived, (row: HandoverRow, p, at) => ({
      ...row,
      state: 'received',
      ...pick(p, ['received_on', 'received_by', 'witness']),
      received_at: at,
      updated_at: at,
    })),
    onExisting(handoverCancelled, (row: HandoverRow, p, at) => ({
      ...row,
      state: row.state === 'received' ? 'received' : 'cancelled',
      cancel_reason: p.reason,
      cancelled_at: at,
      updated_at: at,
    })),
    onExisting(handoverScanAttached, (row: HandoverRow, p, at) => {
      const list = JSON.parse(row.attachments) as { sha256: string }[];
      if (list.some((a) => a.sha256 === p.sha256)) return row;
      return { ...row, attachments: JSON.stringify([...list, pick(p, ['sha256', 'name', 'mime', 'size'])]), updated_at: at };
    }),
  ],
});

export const reduceHandover = handoversProjection.reduce;

export const handoverSettingsProjection = defineProjection<HandoverSettingsRow>({
  table: 'handover_settings',
  columns: ['id', 'approver_role', 'updated_at'],
  on: [on(approverSet, (_row, p, event) => ({ id: HANDOVER_SETTINGS_ID, approver_role: p.approver_role, updated_at: hlcInstant(event.hlc) }))],
});
