// What the handover screens share: the lists a change refreshes, the colour of each state, and how a
// party reads in a line of the list.
import type { RouteName } from '../../../db/contract/routes.ts';

/** Every list a handover's change may alter: the handovers, the inbox, and the devices whose custody moved. */
export const HANDOVER_REFRESH: readonly RouteName[] = [
  'handovers.list',
  'handovers.get',
  'handovers.inbox',
  'handovers.holders',
  'handovers.conflicts',
  'assets.get',
  'assets.list',
];

export const STATE_COLOURS: Record<string, string> = {
  pending: 'yellow',
  approved: 'blue',
  rejected: 'red',
  received: 'flag',
  cancelled: 'gray',
};

/** The list's filters, open handovers first: those are the ones someone still has to act on. */
export const STATE_FILTERS = ['open', 'pending', 'approved', 'received', 'rejected', 'cancelled', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface PartyWords {
  type: string;
  name: string;
  institution: string;
}

/** A receiving or giving party as one phrase: a person's name, the ICT store, or the officer of another institution. */
export function partyLabel(party: PartyWords, t: (key: string, params?: Record<string, string>) => string): string {
  if (party.type === 'store') return t('handovers_ui.parties.store');
  if (party.type === 'institution') return t('handovers_ui.parties.institution', { officer: party.name, institution: party.institution });
  return party.name;
}
