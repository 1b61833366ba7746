// Disposal submissions to the Records and Archives Management Department (3.6.12–3.6.14, 4.3): why a
// device is a candidate, where it goes, a batch's states, the NIST SP 800-88 sanitisation of each
// storage medium, the forms' inputs and the pure rules the core and the window share. Pure zod and pure
// functions; messages are catalogue keys.
import { z } from 'zod';
import { CLASSIFICATIONS, isStorageMedium } from '../assets/contract.ts';
import { CalendarDate, Id, multilineText, optionalMultilineText, OptionalDate, optionalText, OutputLanguage, text } from '../contract/inputs.ts';
import { FileInput } from '../maintenance/contract.ts';

/** Why an ICT officer proposes a device: obsolete (3.6.12), or to be sold or removed (3.6.13). */
export const PROPOSAL_REASONS = ['obsolete', 'sale', 'removal'] as const;
export type ProposalReason = (typeof PROPOSAL_REASONS)[number];
/** Why a device is a candidate: a proposal's reason, or its log book entry closed as beyond repair. */
export const CANDIDATE_REASONS = ['beyond_repair', ...PROPOSAL_REASONS] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

/** Where a device goes once the department has dealt with it. */
export const DISPOSAL_ROUTES = ['destruction', 'recycling', 'sale', 'gift', 'return_to_supplier'] as const;
export type DisposalRoute = (typeof DISPOSAL_ROUTES)[number];
/** 3.6.14: no storage or transfer medium of the institution leaves it by sale or gift, ever. */
export const ROUTES_CLOSED_TO_MEDIA: readonly DisposalRoute[] = ['sale', 'gift'];

/** The device's condition as the schedule states it. */
export const CONDITIONS = ['unserviceable', 'obsolete', 'damaged', 'serviceable'] as const;

/**
 * draft → awaiting_approval → approved → submitted → collected → disposed; a rejection sends it back to
 * draft; submitted or collected → returned (the department sends the devices back); draft → cancelled.
 */
export const BATCH_STATES = ['draft', 'awaiting_approval', 'approved', 'submitted', 'collected', 'disposed', 'returned', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];
/** A batch in these states holds its devices: no other batch may take them. */
export const HOLDING_STATES: readonly BatchState[] = ['draft', 'awaiting_approval', 'approved', 'submitted', 'collected'];
/** Submitted and after: the batch is frozen, its snapshot recorded with its SHA-256. */
export const FROZEN_STATES: readonly BatchState[] = ['submitted', 'collected', 'disposed', 'returned'];

export function isFrozen(state: string): boolean {
  return (FROZEN_STATES as readonly string[]).includes(state);
}

// ---- NIST SP 800-88 --------------------------------------------------------------------------------

/** The categories of sanitisation, and the explicit choice to leave the medium to the department to destroy. */
export const TO_BE_DESTROYED = 'not_sanitised_to_be_destroyed_by_department';
export const SANITISATION_CATEGORIES = ['clear', 'purge', 'destroy', TO_BE_DESTROYED] as const;
export type SanitisationCategory = (typeof SANITISATION_CATEGORIES)[number];
export const SANITISATION_METHODS = ['overwrite', 'block_erase', 'crypto_erase', 'degauss', 'shred', 'disintegrate', 'pulverize', 'incinerate', 'other'] as const;
export type SanitisationMethod = (typeof SANITISATION_METHODS)[number];
export const VERIFICATION_METHODS = ['full', 'sample', 'visual'] as const;

/** NIST SP 800-88 rev. 1, tables A: the methods each category is done by ('other' is described in the notes). */
const METHODS_BY_CATEGORY: Record<Exclude<SanitisationCategory, typeof TO_BE_DESTROYED>, readonly SanitisationMethod[]> = {
  clear: ['overwrite', 'other'],
  purge: ['overwrite', 'block_erase', 'crypto_erase', 'degauss', 'other'],
  destroy: ['shred', 'disintegrate', 'pulverize', 'incinerate', 'other'],
};

/** The methods a category of sanitisation may record. */
export function methodsFor(category: SanitisationCategory): readonly SanitisationMethod[] {
  return category === TO_BE_DESTROYED ? [] : METHODS_BY_CATEGORY[category];
}

/** 3.6.14: whether a device may leave by this route. Storage and transfer media never by sale or gift. */
export function routeAllowed(category: string, route: DisposalRoute): boolean {
  return !(isStorageMedium(category) && ROUTES_CLOSED_TO_MEDIA.includes(route));
}

/**
 * Whether a device of this status may change hands or leave the office (3.6.6, 3.6.11): one in a disposal
 * batch, or disposed of, may not. Pure, for the handovers and off-premises areas to ask.
 */
export function statusMayMove(status: string): boolean {
  return status !== 'in_disposal' && status !== 'disposed';
}

/** A batch's reference: `MAJI/UOND/2026/0001`. */
export function batchNumber(code: string, year: number, seq: number): string {
  return `${code}/UOND/${year}/${String(seq).padStart(4, '0')}`;
}

// ---- inputs ----------------------------------------------------------------------------------------

export const ProposeInput = z.strictObject({
  asset_id: Id,
  reason: z.enum(PROPOSAL_REASONS),
  route: z.enum(DISPOSAL_ROUTES).default('destruction'),
  note: multilineText(1000),
});
export const ProposalIdInput = z.strictObject({ proposal_id: Id });
export const WithdrawInput = z.strictObject({ proposal_id: Id, reason: multilineText(1000) });

export const LineInput = z.strictObject({
  asset_id: Id,
  condition: z.enum(CONDITIONS).default('unserviceable'),
  /** Blank: the route its proposal named, or destruction. */
  route: z.enum(DISPOSAL_ROUTES).nullable().default(null),
});
export type LineInput = z.input<typeof LineInput>;

/** The most devices one batch carries: a store room cleared at once fits, the schedule still prints. */
export const MAX_LINES = 300;

export const CreateBatchInput = z.strictObject({
  note: optionalMultilineText(1000),
  lines: z.array(LineInput).max(MAX_LINES, 'validation.too_big').default([]),
});
export const BatchIdInput = z.strictObject({ batch_id: Id });
export const AddLinesInput = z.strictObject({ batch_id: Id, lines: z.array(LineInput).min(1, 'validation.required').max(MAX_LINES, 'validation.too_big') });
export const RemoveLineInput = z.strictObject({ batch_id: Id, asset_id: Id });

/** Who did or checked the work, as the certificate names them. */
export const Official = z.strictObject({ name: text(120), title: text(120), date: CalendarDate });

/** What a category other than "to be destroyed by the department" must record (NIST SP 800-88). */
const WORK_FIELDS = ['method', 'tool', 'verification', 'performed_by', 'verified_by', 'confidentiality_after'] as const;

/**
 * NIST SP 800-88's record of one medium. The "to be destroyed by the department" choice needs only the
 * confidentiality before; every other category needs the method, the tool, the verification, who did it,
 * who verified it and the confidentiality after.
 */
export const SanitisationInput = z
  .strictObject({
    batch_id: Id,
    line_id: Id,
    category: z.enum(SANITISATION_CATEGORIES),
    method: z.enum(SANITISATION_METHODS).nullable().default(null),
    tool: optionalText(120),
    tool_version: optionalText(60),
    verification: z.enum(VERIFICATION_METHODS).nullable().default(null),
    performed_by: Official.nullable().default(null),
    verified_by: Official.nullable().default(null),
    confidentiality_before: z.enum(CLASSIFICATIONS),
    confidentiality_after: z.enum(CLASSIFICATIONS).nullable().default(null),
    /** The erasure tool's own report (an nwipe log, a vendor PDF), kept by SHA-256. */
    report: FileInput.nullable().default(null),
    notes: optionalMultilineText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.category === TO_BE_DESTROYED) return;
    for (const field of WORK_FIELDS) {
      if (value[field] === null || value[field] === '') ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    }
  });
export type SanitisationInput = z.input<typeof SanitisationInput>;

// The decisions of db/core/approvals.ts (DECISIONS); a contract imports no core module.
export const DecideInput = z.strictObject({ batch_id: Id, decision: z.enum(['approved', 'rejected']), reason: optionalMultilineText(1000) });
export const SubmitInput = z.strictObject({ batch_id: Id, submitted_on: CalendarDate, letter_ref: text(80) });
export const CollectedInput = z.strictObject({ batch_id: Id, collected_on: CalendarDate, collected_by: text(120) });
export const DisposedInput = z.strictObject({ batch_id: Id, disposed_on: CalendarDate, certificate_ref: text(120), method: text(200) });
export const ReturnedInput = z.strictObject({ batch_id: Id, returned_on: CalendarDate, reason: multilineText(1000) });
export const CancelInput = z.strictObject({ batch_id: Id, reason: multilineText(1000) });
/** A correction after submission: a new event that names the frozen batch, never an edit of it. */
export const CorrectionInput = z.strictObject({ batch_id: Id, note: multilineText(2000) });

export const BatchListInput = z.strictObject({ state: z.enum([...BATCH_STATES, 'open', 'all']).default('all') });

/** The register of disposal batches: by the day each was prepared (both ends included; either may be open), and by state. */
export const DisposalBatchesFilters = z
  .strictObject({ from: OptionalDate, to: OptionalDate, state: z.enum([...BATCH_STATES, 'open', 'all']).default('all') })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'registers.validation.period' });
  });

/** The cover letter's words: blank keeps the catalogue's default for that language. */
export const SettingsInput = z.strictObject({
  addressee: optionalText(200),
  address: optionalMultilineText(400),
  subject_sw: optionalText(300),
  body_sw: optionalMultilineText(4000),
  subject_en: optionalText(300),
  body_en: optionalMultilineText(4000),
  signatory_title: optionalText(120),
});
export type SettingsInput = z.input<typeof SettingsInput>;

export const PackInput = z.strictObject({ batch_id: Id, language: OutputLanguage });
export type PackInput = z.input<typeof PackInput>;

// ---- Conflicts a merge can reveal (conflicts.ts detects them; the disposal and Sync screens tell them) ----

/** A catalogue lookup with `{{name}}` parameters: the core's translator or the window's i18next `t`. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One device put in batches on two installations, each not knowing of the other (3.6.12). */
export const DEVICE_IN_TWO_BATCHES = 'disposal-device-in-two-batches';
/** A device received through a handover on one installation while a batch held it on another. */
export const HANDED_OVER_IN_BATCH = 'disposal-handed-over-in-batch';
/** A device put in a batch on one installation while a handover not yet received held it on another. */
export const BATCHED_ON_HANDOVER = 'disposal-batched-on-handover';
/** Two batches given the same number on two installations. */
export const BATCH_NUMBER_TWICE = 'disposal-number-twice';
export const DISPOSAL_CONFLICT_KINDS = [DEVICE_IN_TWO_BATCHES, HANDED_OVER_IN_BATCH, BATCHED_ON_HANDOVER, BATCH_NUMBER_TWICE] as const;

const words = (value: unknown): string => (typeof value === 'string' ? value : '');
const wordList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * A disposal conflict in plain words, in the language of `t`: the device by its tag, the batches by their
 * numbers, the handover, and what to do. Everything it names is in the conflict's detail.
 */
export function describeDisposalConflict(conflict: { kind: string; detail: Record<string, unknown> }, t: Translate): string {
  const { detail } = conflict;
  if (conflict.kind === BATCH_NUMBER_TWICE) return t('disposal_ui.conflicts.number-twice', { number: words(detail.number), count: wordList(detail.batches).length });
  if (conflict.kind === HANDED_OVER_IN_BATCH) return t('disposal_ui.conflicts.handed-over', { tag: words(detail.tag), number: words(detail.number), handover: words(detail.handover) });
  if (conflict.kind === BATCHED_ON_HANDOVER) return t('disposal_ui.conflicts.on-handover', { tag: words(detail.tag), number: words(detail.number), handover: words(detail.handover) });
  return t('disposal_ui.conflicts.two-batches', { tag: words(detail.tag), numbers: wordList(detail.numbers).join(', ') });
}

/** A disposal conflict's heading, in the language of `t`. */
export function disposalConflictTitle(kind: string, t: Translate): string {
  return t(`disposalConflicts.titles.${kind}`);
}

/** The link from the Sync screen to the disposal screen, where the batches are set right. */
export function disposalConflictLink(t: Translate): string {
  return t('disposalConflicts.open-area');
}
