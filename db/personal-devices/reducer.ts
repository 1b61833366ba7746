// Folds of the personal-devices register (3.6.5). Pure: where a registration stands today (expiring,
// expired) is read from its expiry by the queries, never folded.
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, type FoldEvent } from '../journal/types.ts';
import { personalDeviceApproved, personalDeviceRegistered, personalDeviceRejected, personalDeviceRenewed, personalDeviceRevoked } from './events.ts';
import type { PersonalDeviceRow } from './schema.ts';

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

/** A decision stamps who made it and when; the state is the decision's. */
function decided(row: PersonalDeviceRow, event: FoldEvent, state: string): PersonalDeviceRow {
  const at = hlcInstant(event.hlc);
  return { ...row, state, decided_by: event.actor, decided_by_name: actorName(event), decided_at: at, updated_at: at };
}

export const personalDevicesProjection = defineProjection<PersonalDeviceRow>({
  table: 'personal_devices',
  columns: [
    'id', 'owner_id', 'owner_name', 'kind', 'make', 'model', 'serial', 'purpose', 'scope', 'notes', 'state', 'prepared_by', 'prepared_by_name',
    'expires_on', 'decided_by', 'decided_by_name', 'decided_at', 'reason', 'revoked_by_name', 'revoked_at', 'revoke_reason', 'renewals',
    'created_at', 'updated_at',
  ],
  on: [
    // A decision folded before the registration (after a merge) is kept; the registration fills in its own columns.
    onOwn(personalDeviceRegistered, (row: PersonalDeviceRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['owner_id', 'owner_name', 'kind', 'make', 'model', 'serial', 'purpose', 'scope', 'notes']),
      state: row?.state ?? 'pending',
      prepared_by: event.actor,
      prepared_by_name: actorName(event),
      expires_on: row?.expires_on ?? '',
      decided_by: row?.decided_by ?? '',
      decided_by_name: row?.decided_by_name ?? '',
      decided_at: row?.decided_at ?? '',
      reason: row?.reason ?? '',
      revoked_by_name: row?.revoked_by_name ?? '',
      revoked_at: row?.revoked_at ?? '',
      revoke_reason: row?.revoke_reason ?? '',
      renewals: row?.renewals ?? 0,
    })),
    onExisting(personalDeviceApproved, (row: PersonalDeviceRow, p, _at, event) => ({ ...decided(row, event, 'approved'), expires_on: p.expires_on })),
    onExisting(personalDeviceRejected, (row: PersonalDeviceRow, p, _at, event) => ({ ...decided(row, event, 'rejected'), reason: p.reason })),
    onExisting(personalDeviceRevoked, (row: PersonalDeviceRow, p, at, event) => ({
      ...row,
      state: 'revoked',
      revoked_by_name: actorName(event),
      revoked_at: at,
      revoke_reason: p.reason,
      updated_at: at,
    })),
    // A renewal is a fresh approval by the head with a later expiry: it also brings back an approval that had expired.
    onExisting(personalDeviceRenewed, (row: PersonalDeviceRow, p, _at, event) => ({
      ...decided(row, event, 'approved'),
      expires_on: p.expires_on,
      renewals: row.renewals + 1,
    })),
  ],
});

export const reducePersonalDevice = personalDevicesProjection.reduce;
