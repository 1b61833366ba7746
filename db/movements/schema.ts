// The off-premises requests' table, joined to the store's Database type from the area's folder.
import type { Selectable } from 'kysely';

export interface MovementTable {
  id: string;
  permit_no: string;
  permit_year: number;
  permit_seq: number;
  holder_id: string;
  holder_name: string;
  holder_title: string;
  holder_check_number: string;
  /** JSON: the devices as they stood when the request was prepared. */
  devices: string;
  purpose: string;
  destination: string;
  date_out: string;
  due_on: string;
  data_held: string;
  classification: string;
  /** requested | approved | rejected | checked_out | returned | revoked */
  state: string;
  prepared_by: string;
  prepared_by_name: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
  decision_reason: string;
  justification: string;
  verification_code: string;
  out_on: string;
  returned_on: string;
  return_condition: string;
  return_notes: string;
  revoked_by_name: string;
  revoked_at: string;
  revoke_reason: string;
  created_at: string;
  updated_at: string;
}
export type MovementRow = Selectable<MovementTable>;

declare module '../store/schema.ts' {
  interface Database {
    movements: MovementTable;
  }
}
