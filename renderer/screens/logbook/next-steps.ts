// Which steps an open log book entry offers next, and the one it most likely needs. The core decides
// what is allowed; this only keeps doors it would refuse out of sight and points at the usual path.
import type { RouteName } from '../../../db/contract/routes.ts';
import type { Can } from '../../shell/access.ts';
import type { EntryStep } from './entry-forms.tsx';

export interface EntryProgress {
  state: string;
  diagnosis: string;
  actions: string;
  technician_type: string | null;
}

export function nextSteps(entry: EntryProgress): { suggested: EntryStep | null; available: EntryStep[] } {
  if (entry.state === 'closed') return { suggested: null, available: [] };
  // Away with the provider: it can only come back (or have its notes brought up to date).
  if (entry.state === 'off_site') return { suggested: 'return', available: ['return', 'diagnose', 'work'] };
  const available: EntryStep[] = ['diagnose', 'assign', 'work', 'offsite', 'close'];
  let suggested: EntryStep;
  if (!entry.diagnosis && entry.state === 'reported') suggested = 'diagnose';
  else if (!entry.technician_type) suggested = 'assign';
  else if (entry.technician_type === 'external' && entry.state !== 'returned') suggested = 'offsite';
  else if (!entry.actions) suggested = 'work';
  else suggested = 'close';
  return { suggested, available };
}

/** The route each step calls: a step is offered when the route table lets the user call it. */
export const STEP_ROUTES: Record<EntryStep, RouteName> = {
  diagnose: 'maintenance.diagnose',
  assign: 'maintenance.assign',
  work: 'maintenance.record-work',
  offsite: 'maintenance.send-offsite',
  return: 'maintenance.return',
  close: 'maintenance.close',
};

/** The steps this user may take, and the suggestion only when it is one of them. */
export function stepsAllowed(steps: { suggested: EntryStep | null; available: EntryStep[] }, can: Can): { suggested: EntryStep | null; available: EntryStep[] } {
  const available = steps.available.filter((step) => can(STEP_ROUTES[step]));
  return { suggested: steps.suggested !== null && available.includes(steps.suggested) ? steps.suggested : null, available };
}
