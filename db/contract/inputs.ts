// The building blocks every area's input schemas share: text without control characters, ids, list
// paging, typed days, money. Pure zod, safe to bundle in the window. Every message is a catalogue key,
// so a refusal reads in the user's language wherever it appears.
import { z } from 'zod';
import { isCalendarDate } from './days.ts';

// Every area's contract builds on this file, so the message rule below holds for every schema.
z.config({
  customError: (issue) => {
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'validation.required';
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
    // A choice left unmade (no outcome picked) is missing, not a wrong value.
    if (issue.code === 'invalid_value' && (issue.input === undefined || issue.input === null)) return 'validation.required';
    return `validation.${issue.code}`;
  },
});

// Issue 7: NUL and other control characters are refused in every text a person or a script sends.
// A multi-line field (descriptions, notes, symptoms, work done) keeps its line breaks and tabs; nothing
// else. Every area's contract builds its strings from these helpers, so the rule holds everywhere.
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;
// Half of a surrogate pair is no character at all: it has no UTF-8 and no JSON form, so the journal
// could not hash it. Refused with the control characters, as invisible and as meaningless.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const CONTROL_CHARACTERS_KEY = 'validation.control-characters';

/** True when `value` holds a control character not allowed in its kind of field, or half a character. */
export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_BUT_LINES : ANY_CONTROL).test(value) || LONE_SURROGATE.test(value);
}

/** Any string without control characters, untrimmed and unbounded: the base of ids, cursors, passwords. */
export function safeString() {
  return z.string().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY);
}

/** One line of trimmed text, at most `max` characters, required. */
export function text(max: number) {
  return z.string().trim().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY).min(1, 'validation.required').max(max, 'validation.too-long');
}
/** One line of trimmed text, at most `max` characters; blank is ''. */
export function optionalText(max: number) {
  return z.string().trim().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY).max(max, 'validation.too-long').default('');
}

// Windows line ends become \n first, so a pasted note is not refused for its \r.
function multilineBase() {
  return z
    .string()
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim()
    .refine((v) => !hasControlCharacters(v, true), CONTROL_CHARACTERS_KEY);
}
/** Trimmed text that may span lines (\n and \t allowed), required. */
export function multilineText(max: number) {
  return multilineBase().min(1, 'validation.required').max(max, 'validation.too-long');
}
/** Trimmed text that may span lines (\n and \t allowed); blank is ''. */
export function optionalMultilineText(max: number) {
  return multilineBase().max(max, 'validation.too-long').default('');
}

export const Id = z.string().trim().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY).min(1, 'validation.required').max(64, 'validation.too-long');
/** An optional reference to another row: null when blank. */
export const NullableId = z.string().trim().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY).max(64, 'validation.too-long').nullable().default(null);
/** What a list is searched for: one line, possibly blank. */
export const SearchText = z.string().trim().refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY).max(100, 'validation.too-long').default('');
/** A list's keyset cursor, as the previous page gave it. */
export const Cursor = safeString().max(400, 'validation.too-long').nullable().default(null);

/** Keyset paging: `after` is the last row's cursor from the previous page. */
export const ListInput = z.strictObject({
  search: SearchText,
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  after: Cursor,
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListInput = z.input<typeof ListInput>;

export const EmptyInput = z.strictObject({}).default({});

/** A date a person typed, `YYYY-MM-DD`. */
export const CalendarDate = z.string().trim().refine(isCalendarDate, 'validation.date');
/** A date a person may leave blank: '' or `YYYY-MM-DD`. */
export const OptionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), 'validation.date')
  .default('');

/** Shillings, whole (TZS has no cents in use), never negative. */
export const Money = z.number('validation.money').int('validation.money').min(0, 'validation.money').max(1_000_000_000_000, 'validation.money');

/** A printed form or a register reads in the language asked for; Swahili unless told (3.5.2). */
export const OutputLanguage = z.enum(['sw', 'en']).default('sw');
