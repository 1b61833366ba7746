// Input schemas shared by the routes and the renderer's forms. Pure zod: safe to bundle in the window.
// Every message is a catalogue key, so a refusal reads in the user's language wherever it appears.
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'validation.required';
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
    // A choice left unmade (no outcome picked) is missing, not a wrong value.
    if (issue.code === 'invalid_value' && (issue.input === undefined || issue.input === null)) return 'validation.required';
    return `validation.${issue.code}`;
  },
});

export const ROLES = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'records_officer', 'auditor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

// Issue 7: NUL and other control characters are refused in every text a person or a script sends.
// A multi-line field (descriptions, notes, symptoms, work done) keeps its line breaks and tabs; nothing
// else. Every schema in db/contract builds its strings from these helpers, so the rule holds everywhere.
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;
export const CONTROL_CHARACTERS_KEY = 'validation.control-characters';

/** True when `value` holds a control character not allowed in its kind of field. */
export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_BUT_LINES : ANY_CONTROL).test(value);
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

// 3.1.8: strong passwords. Each rule is a catalogue key, shown as a checklist beside the field.
export const PASSWORD_MIN_LENGTH = 10;
const WEAK_PARTS = ['password', 'nenosiri', 'daftari', 'qwerty', '12345', 'abcde', 'tanzania'];
export const passwordRules = [
  { key: 'password.rule-length', test: (p: string) => p.length >= PASSWORD_MIN_LENGTH },
  { key: 'password.rule-lower', test: (p: string) => /\p{Ll}/u.test(p) },
  { key: 'password.rule-upper', test: (p: string) => /\p{Lu}/u.test(p) },
  { key: 'password.rule-digit', test: (p: string) => /\d/.test(p) },
  { key: 'password.rule-symbol', test: (p: string) => /[^\p{L}\d]/u.test(p) },
  { key: 'password.rule-common', test: (p: string) => !WEAK_PARTS.some((w) => p.toLowerCase().includes(w)) },
] as const;

export const StrongPassword = safeString()
  .max(200, 'validation.too-long')
  .superRefine((value, ctx) => {
    for (const rule of passwordRules) {
      if (!rule.test(value)) ctx.addIssue({ code: 'custom', message: rule.key });
    }
  });

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'validation.username')
  .max(32, 'validation.username')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'validation.username');

export const InstitutionInput = z.strictObject({
  name: text(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/, 'validation.institution-code'),
  postal_address: multilineText(300),
  accounting_officer_title: text(120),
  head_title: text(120),
});
export type InstitutionInput = z.infer<typeof InstitutionInput>;

export const NewAccount = z
  .strictObject({
    username: Username,
    display_name: text(120),
    password: StrongPassword,
    confirm: safeString(),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwords-differ' });
    if (value.username.length > 0 && value.password.toLowerCase().includes(value.username.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'password.rule-username' });
    }
  });

export const SetupInput = z.strictObject({ institution: InstitutionInput, admin: NewAccount });
export type SetupInput = z.input<typeof SetupInput>;

export const SignInInput = z.strictObject({
  username: text(64).toLowerCase(),
  password: safeString().min(1, 'validation.required').max(200, 'validation.too-long'),
});

export const ChangePasswordInput = z
  .strictObject({
    current: safeString().min(1, 'validation.required').max(200, 'validation.too-long'),
    next: StrongPassword,
    confirm: safeString(),
  })
  .superRefine((value, ctx) => {
    if (value.next !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwords-differ' });
    if (value.next === value.current) ctx.addIssue({ code: 'custom', path: ['next'], message: 'password.rule-new' });
  });

const Roles = z.array(Role).min(1, 'validation.roles').transform((roles) => [...new Set(roles)].sort());

export const CreateUserInput = z
  .strictObject({
    username: Username,
    display_name: text(120),
    roles: Roles,
    temporary_password: StrongPassword,
  })
  .superRefine((value, ctx) => {
    if (value.temporary_password.toLowerCase().includes(value.username.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['temporary_password'], message: 'password.rule-username' });
    }
  });

export const UpdateUserInput = z.strictObject({ user_id: Id, display_name: text(120), roles: Roles });
export const ResetPasswordInput = z.strictObject({ user_id: Id, temporary_password: StrongPassword });

export const DEACTIVATION_REASONS = ['transfer', 'retirement', 'resignation', 'death', 'termination', 'other'] as const;
export const DeactivateUserInput = z.strictObject({
  user_id: Id,
  reason: z.enum(DEACTIVATION_REASONS),
  note: optionalMultilineText(500),
});
export const UserIdInput = z.strictObject({ user_id: Id });

export const SecuritySettingsInput = z.strictObject({
  password_max_age_days: z.coerce.number().int('validation.whole-number').min(30, 'validation.max-age').max(365, 'validation.max-age'),
});

const Email = z
  .string()
  .trim()
  .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY)
  .max(200, 'validation.too-long')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'validation.email')
  .default('');
const Phone = z
  .string()
  .trim()
  .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY)
  .max(40, 'validation.too-long')
  .refine((v) => v === '' || /^\+?[\d\s-]{9,20}$/.test(v), 'validation.phone')
  .default('');

export const PersonInput = z.strictObject({
  full_name: text(160),
  check_number: z
    .string()
    .trim()
    .max(20, 'validation.too-long')
    .refine((v) => v === '' || /^[A-Za-z0-9/-]+$/.test(v), 'validation.check-number')
    .default(''),
  title: optionalText(160),
  department_id: NullableId,
  institution: optionalText(200),
  phone: Phone,
  email: Email,
});
export type PersonInput = z.input<typeof PersonInput>;
export const UpdatePersonInput = PersonInput.extend({ person_id: Id });
export const PersonIdInput = z.strictObject({ person_id: Id });

export const DepartmentInput = z.strictObject({ name: text(160), code: optionalText(20) });
export const UpdateDepartmentInput = DepartmentInput.extend({ department_id: Id, active: z.boolean() });
export const LocationInput = z.strictObject({ name: text(160), building: optionalText(160), region: optionalText(80) });
export const UpdateLocationInput = LocationInput.extend({ location_id: Id, active: z.boolean() });

/** Keyset paging: `after` is the last row's cursor from the previous page. */
export const ListInput = z.strictObject({
  search: SearchText,
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  after: Cursor,
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListInput = z.input<typeof ListInput>;

export const HistoryInput = z.strictObject({ entity: Id });
export const EmptyInput = z.strictObject({}).default({});
