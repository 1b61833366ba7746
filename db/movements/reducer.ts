// Folds of off-premises requests (3.6.11). Pure; who prepared and who decided come from the events.
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { ACTOR_NAME, defineProjection, type FoldEvent } from '../journal/types.ts';
import { movementCheckedIn, movementCheckedOut, movementDecided, movementRequested, movementRevoked } from './events.ts';
import type { MovementRow } from './schema.ts';

const DEVICE_KEYS = ['asset_id', 'tag', 'serial', 'category', 'make', 'model', 'classification'] as const;

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

/** What later events fill in; a request folded after them (a merge) keeps them. */
const LATER = {
  state: 'requested',
  decided_by: '',
  decided_by_name: '',
  decided_at: '',
  decision_reason: '',
  justification: '',
  verification_code: '',
  out_on: '',
  returned_on: '',
  return_condition: '',
  return_notes: '',
  revoked_by_name: '',
  revoked_at: '',
  revoke_reason: '',
} as const;

export const movementsProjection = defineProjection<MovementRow>({
  table: 'movements',
  columns: [
    'id', 'permit_no', 'permit_year', 'permit_seq', 'holder_id', 'holder_name', 'holder_title', 'holder_check_number', 'devices', 'purpose',
    'destination', 'date_out', 'due_on', 'data_held', 'classification', 'state', 'prepared_by', 'prepared_by_name', 'decided_by',
    'decided_by_name', 'decided_at', 'decision_reason', 'justification', 'verification_code', 'out_on', 'returned_on', 'return_condition',
    'return_notes', 'revoked_by_name', 'revoked_at', 'revoke_reason', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(movementRequested, (row: MovementRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['permit_no', 'permit_year', 'permit_seq', 'holder_id', 'holder_name', 'holder_title', 'holder_check_number', 'purpose', 'destination']),
      ...pick(p, ['date_out', 'due_on', 'data_held', 'classification']),
      // Keys in one order, whether the payload came from the command or back from the (canonical) journal.
      devices: JSON.stringify(p.devices.map((d) => pick(d, DEVICE_KEYS))),
      prepared_by: event.actor,
      prepared_by_name: actorName(event),
      ...(row ? pick(row, Object.keys(LATER) as (keyof typeof LATER)[]) : LATER),
    })),
    onExisting(movementDecided, (row: MovementRow, p, at, event) => ({
      ...row,
      state: row.state === 'requested' ? p.decision : row.state,
      decided_by: event.actor,
      decided_by_name: actorName(event),
      decided_at: at,
      decision_reason: p.reason,
      justification: p.justification,
      verification_code: p.verification_code,
      updated_at: at,
    })),
    onExisting(movementCheckedOut, (row: MovementRow, p, at) => ({
      ...row,
      out_on: p.out_on,
      state: row.state === 'revoked' || row.returned_on ? row.state : 'checked_out',
      updated_at: at,
    })),
    onExisting(movementCheckedIn, (row: MovementRow, p, at) => ({
      ...row,
      returned_on: p.returned_on,
      return_condition: p.condition,
      return_notes: p.notes,
      // A revoked permit stays revoked; its devices are simply back.
      state: row.state === 'revoked' ? 'revoked' : 'returned',
      updated_at: at,
    })),
    onExisting(movementRevoked, (row: MovementRow, p, at, event) => ({
      ...row,
      state: 'revoked',
      revoked_by_name: actorName(event),
      revoked_at: at,
      revoke_reason: p.reason,
      updated_at: at,
    })),
  ],
});

export const reduceMovement = movementsProjection.reduce;
