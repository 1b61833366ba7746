// What the screen shows of a batch, and the lists a change refreshes.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';
import { TO_BE_DESTROYED } from '../../../db/disposal/contract.ts';

export type BatchView = RouteOutput<'disposal.get'>;
export type CandidateView = RouteOutput<'disposal.candidates'>[number];

export const DISPOSAL_REFRESH: readonly RouteName[] = ['disposal.batches', 'disposal.get', 'disposal.candidates', 'disposal.proposals', 'disposal.of-device', 'disposal.settings', 'assets.get', 'assets.list', 'conflicts.list'];

/** A state's badge colour: drafts grey, waiting yellow, approved blue, with the department violet, done green. */
export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  approved: 'blue',
  submitted: 'violet',
  collected: 'indigo',
  disposed: 'green',
  returned: 'orange',
  cancelled: 'red',
};

export type ProposalView = RouteOutput<'disposal.proposals'>[number];

/** What a device's page needs to know of disposal to offer only the actions its routes would accept. */
export interface DisposalFacts {
  status: string;
  disposal_batch_id: string | null;
}

export interface DeviceDisposal {
  /** Disposed of: the page is read-only history, every action hidden. */
  history: boolean;
  /** A disposal batch holds it: no repair, handover or move (3.6.12). */
  inBatch: boolean;
  /** `disposal.propose` would be accepted: not disposed, transferred, lost, in a batch or already proposed. */
  proposable: boolean;
  proposal: ProposalView | null;
}

/** `proposals` is undefined until they are read: nothing is offered before then. */
export function deviceDisposal(asset: DisposalFacts, proposals: readonly ProposalView[] | undefined): DeviceDisposal {
  const open = proposals?.find((p) => p.state === 'open') ?? null;
  const history = asset.status === 'disposed';
  const inBatch = asset.disposal_batch_id !== null && !history;
  const left = history || asset.status === 'transferred' || asset.status === 'lost';
  return { history, inBatch, proposable: !left && !inBatch && proposals !== undefined && open === null, proposal: open };
}

/** What became of a storage medium in a disposal, in the words of its badge. */
export type DisposedMediumState = 'sanitised' | 'destroyed' | 'to-department';

/**
 * A medium of a disposed device as its batch recorded it: sanitised (clear or purge), destroyed by the
 * institution, or handed unsanitised to the department to destroy. Null when the batch does not name it
 * (a drive taken out before the batch): the page then shows the medium as the register last knew it.
 */
export function disposedMedium(batch: Pick<BatchView, 'media'> | null | undefined, mediumId: string): { state: DisposedMediumState; category: string } | null {
  const record = batch?.media.find((m) => m.medium_id === mediumId)?.sanitisation;
  if (!record) return null;
  const state: DisposedMediumState = record.category === TO_BE_DESTROYED ? 'to-department' : record.category === 'destroy' ? 'destroyed' : 'sanitised';
  return { state, category: record.category };
}

/**
 * The cover letter's settings as they are saved: a field left as its default (in either language, for
 * the addressee) is saved blank, so the letter keeps following the catalogue's wording.
 */
export function settingsToSave<K extends string>(values: Partial<Record<K, string>>, defaults: Record<K, string>, alsoDefault: Partial<Record<K, readonly string[]>> = {}): Record<K, string> {
  const keys = Object.keys(defaults) as K[];
  return Object.fromEntries(
    keys.map((key) => {
      const value = values[key] ?? '';
      const same = [defaults[key], ...(alsoDefault[key] ?? [])].some((text) => text.trim() === value.trim());
      return [key, same ? '' : value];
    }),
  ) as Record<K, string>;
}
