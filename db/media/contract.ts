// The removable media register (3.6.7–3.6.10): the institution's flash disks and external drives
// (devices of the register whose category is a storage medium), issued to a servant who acknowledges
// the rules, returned, wiped, kept in a place, reported lost or damaged. Pure zod and pure rules; the
// window imports it. Messages are catalogue keys.
import { z } from 'zod';
import { CalendarDate, Id, multilineText, NullableId, optionalMultilineText, optionalText, SearchText, text } from '../contract/inputs.ts';

/**
 * The rules a servant acknowledges when a medium is issued: 3.6.7 government work only, 3.6.8 no
 * personal data on it, 3.6.9 wipe government documents from it once each transfer is done.
 */
export const MEDIA_RULES = ['government_work_only', 'no_personal_data', 'wipe_after_transfer'] as const;
export type MediaRule = (typeof MEDIA_RULES)[number];
export const RETURN_CONDITIONS = ['good', 'damaged'] as const;
export const WIPE_METHODS = ['delete_files', 'quick_format', 'full_format', 'overwrite', 'secure_erase'] as const;
export const INCIDENT_KINDS = ['lost', 'damaged'] as const;
/** The media lists: every medium, those in the store, those issued, those lost, and those returned but not wiped since (3.6.9). */
export const MEDIA_LISTS = ['all', 'in_store', 'issued', 'lost', 'wipe_due'] as const;

export const Acknowledgement = z.strictObject({
  government_work_only: z.boolean().default(false),
  no_personal_data: z.boolean().default(false),
  wipe_after_transfer: z.boolean().default(false),
});

export const IssueMediumInput = z.strictObject({
  asset_id: Id,
  person_id: Id,
  /** The government work it is issued for (3.6.7). */
  purpose: text(300),
  issued_on: CalendarDate,
  acknowledged: Acknowledgement,
});
export const ReturnMediumInput = z.strictObject({
  issue_id: Id,
  returned_on: CalendarDate,
  condition: z.enum(RETURN_CONDITIONS),
  /** Where it is put away on return (3.6.10); null keeps the place it had. */
  location_id: NullableId,
  note: optionalMultilineText(1000),
});
export const VoidIssueInput = z.strictObject({ issue_id: Id, reason: multilineText(1000) });
export const WipeMediumInput = z.strictObject({
  asset_id: Id,
  wiped_on: CalendarDate,
  method: z.enum(WIPE_METHODS),
  wiped_by: text(120),
  witness: optionalText(120),
  note: optionalMultilineText(1000),
});
export const StoreMediumInput = z.strictObject({ asset_id: Id, location_id: Id });
export const ReportMediumInput = z.strictObject({
  asset_id: Id,
  kind: z.enum(INCIDENT_KINDS),
  reported_on: CalendarDate,
  /** What happened: where and how it was lost, or the damage. */
  note: multilineText(2000),
});
export const FoundMediumInput = z.strictObject({ report_id: Id, found_on: CalendarDate, note: optionalMultilineText(1000) });
export const MediumIdInput = z.strictObject({ asset_id: Id });
export const MediaListInput = z.strictObject({ list: z.enum(MEDIA_LISTS).default('all'), search: SearchText });
export const IncidentListInput = z.strictObject({ state: z.enum(['open', 'all']).default('open') });

// ---- Rules the core and the window share ----

/** The rules an acknowledgement leaves out: an issue is refused until this is empty. */
export function missingRules(acknowledged: Partial<Record<MediaRule, boolean>>): MediaRule[] {
  return MEDIA_RULES.filter((rule) => acknowledged[rule] !== true);
}

/**
 * 3.6.9: a medium that came back must be wiped before it goes out again. It is due while its last
 * return is later than its last wipe (a wipe on the day of the return counts).
 */
export function wipeDue(medium: { last_returned_on: string | null; last_wiped_on: string | null }): boolean {
  if (!medium.last_returned_on) return false;
  return !medium.last_wiped_on || medium.last_wiped_on < medium.last_returned_on;
}

/** The media register exported as a spreadsheet, by the same lists the screen shows. */
export const MediaRegisterFilters = z.strictObject({ list: z.enum(MEDIA_LISTS).default('all') });

// ---- The conflict a merge can reveal (conflicts.ts detects it; the media and Sync screens tell it) ----

/** A catalogue lookup with `{{name}}` parameters: the core's translator or the window's i18next `t`. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One medium issued to two different servants on two installations. Voiding the wrong issue clears it. */
export const MEDIA_ISSUED_TWICE = 'media-issued-twice';

/** The holders a double issue names, in the order of its issues (`detail.issues`). */
export function issuedTwiceHolders(detail: Record<string, unknown>): { issue: string; holder: string }[] {
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const holders = list(detail.holders);
  return list(detail.issues).map((issue, i) => ({ issue, holder: holders[i] ?? '' }));
}

/** A medium issued twice in plain words, in the language of `t`: the medium, both holders, and what to do. */
export function describeMediaConflict(conflict: { kind: string; detail: Record<string, unknown> }, t: Translate): string {
  const holders = issuedTwiceHolders(conflict.detail).map((line) => line.holder);
  return t('media_ui.conflicts.sentence', { tag: typeof conflict.detail.tag === 'string' ? conflict.detail.tag : '', holders: holders.join(', ') });
}
