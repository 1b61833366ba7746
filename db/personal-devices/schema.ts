// The personal-devices table's row type, joined to the store's Database type from this folder.
import type { Selectable } from 'kysely';

export interface PersonalDeviceTable {
  id: string;
  owner_id: string;
  /** The owner's name when registered: the register reads the same after the person leaves. */
  owner_name: string;
  kind: string;
  make: string;
  model: string;
  serial: string;
  purpose: string;
  scope: string;
  notes: string;
  /** pending | approved | rejected | revoked; expiring and expired are read from `expires_on`. */
  state: string;
  /** The account that prepared the registration: it may not decide it. */
  prepared_by: string;
  prepared_by_name: string;
  /** yyyy-mm-dd, '' until approved. */
  expires_on: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
  /** Why it was rejected. */
  reason: string;
  revoked_by_name: string;
  revoked_at: string;
  revoke_reason: string;
  renewals: number;
  created_at: string;
  updated_at: string;
}
export type PersonalDeviceRow = Selectable<PersonalDeviceTable>;

declare module '../store/schema.ts' {
  interface Database {
    personal_devices: PersonalDeviceTable;
  }
}
