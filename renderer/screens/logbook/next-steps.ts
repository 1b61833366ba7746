// Which steps an open log book entry offers next, and the one it most likely needs. The core decides
// what is allowed; this only keeps doors it would refuse out of sight and points at the usual path.
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
