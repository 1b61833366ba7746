// Handovers of ICT equipment (makabidhiano, 3.6.6) and the rule of 3.6.14: kinds, states, parties,
// the forms' inputs and the pure rules the core and the window share. Pure zod; messages are catalogue keys.
import { z } from 'zod';
import type { AssetListInput } from '../assets/contract.ts';
import { FileInput } from '../maintenance/contract.ts';
import { CalendarDate, Id, multilineText, OptionalDate, optionalMultilineText, optionalText, OutputLanguage, safeString, SearchText, text } from '../contract/inputs.ts';

/** A handover gives a device to someone; a return brings it back to the store or to another person. */
export const HANDOVER_KINDS = ['handover', 'return'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** pending → approved → received; pending → rejected; pending or approved → cancelled. */
export const HANDOVER_STATES = ['pending', 'approved', 'rejected', 'received', 'cancelled'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
/** The states in which a handover still holds its devices: no other handover may take them. */
export const OPEN_STATES: readonly HandoverState[] = ['pending', 'approved'];

/** 3.6.6: the special permit is decided by the Accounting Officer unless the institution names the Head. */
export const APPROVER_ROLES = ['accounting_officer', 'head_of_institution'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
export const DEFAULT_APPROVER_ROLE: ApproverRole = 'accounting_officer';

export const CONDITIONS = ['good', 'fair', 'poor', 'damaged'] as const;

export const GIVER_TYPES = ['person', 'store'] as const;
export const RECEIVER_TYPES = ['person', 'store', 'institution'] as const;
export type ReceiverType = (typeof RECEIVER_TYPES)[number];

export const Giver = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('person'), person_id: Id }),
  z.strictObject({ type: z.literal('store') }),
]);
export type Giver = z.output<typeof Giver>;

export const Receiver = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('person'), person_id: Id }),
  z.strictObject({ type: z.literal('store') }),
  /** Another institution: its name and the officer who receives for it. */
  z.strictObject({ type: z.literal('institution'), institution_name: text(200), officer_name: text(120) }),
]);
export type Receiver = z.output<typeof Receiver>;

export const LineInput = z.strictObject({
  asset_id: Id,
  condition: z.enum(CONDITIONS).default('good'),
  /** Charger, bag, mouse…: what goes with the device. */
  accessories: optionalText(300),
});

/** The most devices one handover carries: a whole office's move fits, a form still prints. */
export const MAX_LINES = 200;

export const PrepareInput = z.strictObject({
  kind: z.enum(HANDOVER_KINDS).default('handover'),
  from: Giver,
  to: Receiver,
  lines: z.array(LineInput).min(1, 'handovers_ui.validation.lines').max(MAX_LINES, 'validation.too_big'),
  reason: multilineText(1000),
});
export type PrepareInput = z.input<typeof PrepareInput>;

export const HandoverIdInput = z.strictObject({ handover_id: Id });

export const DecideInput = z.strictObject({
  handover_id: Id,
  decision: z.enum(['approved', 'rejected']),
  /** Required for a rejection (checked by the command, which knows the decision). */
  reason: optionalMultilineText(1000),
});

export const ReceiveInput = z.strictObject({
  handover_id: Id,
  received_on: CalendarDate,
  /** The name of the person who signed for the devices, as on the form. */
  received_by: text(120),
  witness: optionalText(120),
  /** The signed form, scanned. */
  scan: FileInput.nullable().default(null),
});

export const CancelInput = z.strictObject({ handover_id: Id, reason: multilineText(1000) });
export const AttachScanInput = z.strictObject({ handover_id: Id, file: FileInput });

/** What a scanned or typed line asks about, with the rest of the form the checks depend on. */
export const CheckDeviceInput = z.strictObject({
  /** The tag as typed or as the USB scanner typed it from the label's QR code. */
  code: safeString().max(200, 'validation.too-long'),
  from: Giver,
  to_type: z.enum(RECEIVER_TYPES),
  /** Devices already on the form. */
  listed: z.array(Id).max(MAX_LINES).default([]),
});

export const HandoverListInput = z.strictObject({
  state: z.enum([...HANDOVER_STATES, 'open', 'all']).default('all'),
  search: SearchText,
  limit: z.number().int().min(1).max(500).default(200),
});

export const ApproverSettingInput = z.strictObject({ approver_role: z.enum(APPROVER_ROLES) });
export const HoldersInput = z.strictObject({ asset_id: Id });
export const HandoverFormInput = z.strictObject({ handover_id: Id, language: OutputLanguage });

/** The register of handovers: by the day each was prepared, both ends included, and by state. */
export const HandoversRegisterFilters = z
  .strictObject({ from: OptionalDate, to: OptionalDate, state: z.enum([...HANDOVER_STATES, 'open', 'all']).default('all') })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'registers.validation.period' });
  });

// ---- Rules the core and the window share ----

/**
 * A tag as a person typed it or a USB scanner typed it from a label: case and spaces do not matter
 * (a scanner may add a trailing space or newline; people type "wf / ict / 2025 / 7" loosely).
 */
export function normaliseTag(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The handover's number: `{CODE}/MK/{YYYY}/{SEQ}`, SEQ counted per year from 1. */
export function handoverNumber(code: string, year: number, seq: number): string {
  return `${code}/MK/${year}/${String(seq).padStart(4, '0')}`;
}

/** Which receivers a kind may have: a return goes back to the store or to a person, never outside. */
export function receiverAllowed(kind: HandoverKind, receiver: ReceiverType): boolean {
  return kind === 'return' ? receiver !== 'institution' : receiver !== 'store';
}

/** The giver as the form knows it while it is filled in: a person perhaps not chosen yet, or the store. */
export type GiverChoice = { type: 'person'; person_id: string | null } | { type: 'store' };

/**
 * What the form's device picker asks the register for: the devices the giver holds (or the store keeps)
 * that may change hands now. A device keeps its last holder on the register when it is disposed of, lost,
 * taken for disposal or repair, or out on a permit, and each of those gives it another status (the one
 * that limits it most, db/assets/reducer.ts): in service with a person, or in the store, is what is left.
 * Devices on another open handover or an approved permit are still offered; the check names why not.
 */
export function pickerQuery(giver: GiverChoice, search: string): AssetListInput {
  return giver.type === 'store'
    ? { search, status: 'in_store', limit: 30 }
    : { search, custodian_id: giver.person_id, status: 'in_service', limit: 30 };
}

// ---- Conflicts a merge can reveal (conflicts.ts detects them; the handovers and Sync screens tell them) ----

/** A catalogue lookup with `{{name}}` parameters: the core's translator or the window's i18next `t`. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One device received by two different holders through handovers prepared apart. */
export const RECEIVED_TWICE = 'handover-received-twice';
/** Two handovers given the same number on two installations. */
export const NUMBER_TWICE = 'handover-number-twice';
export const HANDOVER_CONFLICT_KINDS = [RECEIVED_TWICE, NUMBER_TWICE] as const;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A handover conflict in plain words, in the language of `t`: the device, each receiver and handover, and what to do. */
export function describeHandoverConflict(conflict: { kind: string; detail: Record<string, unknown> }, t: Translate): string {
  if (conflict.kind === NUMBER_TWICE) {
    return t('handovers_ui.conflicts.number-twice', { number: String(conflict.detail.number ?? ''), count: strings(conflict.detail.handovers).length });
  }
  const numbers = strings(conflict.detail.numbers);
  const receivers = strings(conflict.detail.receivers).map((name, i) =>
    t('handovers_ui.conflicts.receiver', { name: name || t('handovers_ui.parties.store'), number: numbers[i] ?? '' }),
  );
  return t('handovers_ui.conflicts.received-twice', { tag: String(conflict.detail.tag ?? ''), receivers: receivers.join('; ') });
}
