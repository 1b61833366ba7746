// The rule every approval shares (3.6.5, 3.6.6, 3.6.11): a request is decided by a named officer who
// did not prepare it. Areas call it inside their decide command, before any event is emitted.
import type { SessionUser } from './context.ts';
import { refuse } from './refusal.ts';

/** A decision on a request: approved, or rejected with a reason. */
export const DECISIONS = ['approved', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Refuses a decision by the account that prepared the request. `subject` names the request in the
 * refusal ("handover HK/2026/0004"). Accounts and the people register are apart, so the servant a
 * request is for cannot be matched to an account; the preparer can.
 */
export function refuseOwnRequest(user: SessionUser, request: { prepared_by: string }, subject: string): void {
  if (request.prepared_by === user.id) refuse('approval-own-request', { subject });
}
