// The gate's check of a permit (3.6.11): the number and code scanned from the QR or typed from the
// paper, answered from this installation's records alone (offline) with the holder and the devices,
// so the officer at the gate compares them with the person and what they carry.
import type { Store } from '../store/open.ts';
import { isOut, parsePermitText, type PermitAnswer } from './contract.ts';
import type { MovementDevice } from './events.ts';
import { movementsByPermitNo } from './queries.ts';
import { sameCode } from './verification.ts';

export interface PermitCheck {
  answer: PermitAnswer;
  /** Empty for an unknown permit: nothing is said about a code nobody issued. */
  permit_no: string;
  holder_name: string;
  holder_title: string;
  holder_check_number: string;
  devices: Pick<MovementDevice, 'tag' | 'serial' | 'make' | 'model' | 'category' | 'classification'>[];
  destination: string;
  date_out: string;
  due_on: string;
  out_on: string;
  returned_on: string;
  decided_by_name: string;
  revoke_reason: string;
}

const UNKNOWN: PermitCheck = {
  answer: 'unknown',
  permit_no: '',
  holder_name: '',
  holder_title: '',
  holder_check_number: '',
  devices: [],
  destination: '',
  date_out: '',
  due_on: '',
  out_on: '',
  returned_on: '',
  decided_by_name: '',
  revoke_reason: '',
};

/**
 * valid: approved or out, and not past its due date; expired: past its due date, or the devices are
 * back; revoked: withdrawn; unknown: no permit has this number and code (never approved, rejected,
 * mistyped or forged).
 */
export function checkPermit(store: Store, text: string, today: string): PermitCheck {
  const parsed = parsePermitText(text);
  if (!parsed) return UNKNOWN;
  const row = movementsByPermitNo(store, parsed.permit_no).find((m) => m.verification_code !== '' && sameCode(m.verification_code, parsed.code));
  if (!row || !['approved', 'checked_out', 'returned', 'revoked'].includes(row.state)) return UNKNOWN;
  const answer: PermitAnswer =
    row.state === 'revoked' ? 'revoked' : row.state === 'returned' || row.due_on < today ? 'expired' : 'valid';
  const devices = (JSON.parse(row.devices) as MovementDevice[]).map(({ tag, serial, make, model, category, classification }) => ({ tag, serial, make, model, category, classification }));
  return {
    answer,
    permit_no: row.permit_no,
    holder_name: row.holder_name,
    holder_title: row.holder_title,
    holder_check_number: row.holder_check_number,
    devices,
    destination: row.destination,
    date_out: row.date_out,
    due_on: row.due_on,
    out_on: row.out_on,
    returned_on: isOut(row) ? '' : row.returned_on,
    decided_by_name: row.decided_by_name,
    revoke_reason: row.revoke_reason,
  };
}
