// Input schemas shared by the routes and the renderer's forms. Pure zod: safe to bundle in the window.
// Every message is a catalogue key, so a refusal reads in the user's language wherever it appears.
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'validation.required';
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required';
    return `validation.${issue.code}`;
  },
});

export const ROLES = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'records_officer', 'auditor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Trimmed text; required unless `optional`. */
export function text(max: number) {
  return z.string().trim().min(1, 'validation.required').max(max, 'validation.too-long');
}
export function optionalText(max: number) {
  return z.string().trim().max(max, 'validation.too-long').default('');
}
export const Id = z.string().trim().min(1, 'validation.required').max(64, 'validation.too-long');

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

export const StrongPassword = z
  .string()
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

export const InstitutionInput = z.object({
  name: text(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/, 'validation.institution-code'),
  postal_address: text(300),
  accounting_officer_title: text(120),
  head_title: text(120),
});
export type InstitutionInput = z.infer<typeof InstitutionInput>;

export const NewAccount = z
  .object({
    username: Username,
    display_name: text(120),
    password: StrongPassword,
    confirm: z.string(),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwords-differ' });
    if (value.username.length > 0 && value.password.toLowerCase().includes(value.username.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'password.rule-username' });
    }
  });

export const SetupInput = z.object({ institution: InstitutionInput, admin: NewAccount });
export type SetupInput = z.input<typeof SetupInput>;

export const SignInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, 'validation.required').max(64, 'validation.too-long'),
  password: z.string().min(1, 'validation.required').max(200, 'validation.too-long'),
});

export const ChangePasswordInput = z
  .object({
    current: z.string().min(1, 'validation.required').max(200, 'validation.too-long'),
    next: StrongPassword,
    confirm: z.string(),
  })
  .superRefine((value, ctx) => {
    if (value.next !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwords-differ' });
    if (value.next === value.current) ctx.addIssue({ code: 'custom', path: ['next'], message: 'password.rule-new' });
  });

const Roles = z.array(Role).min(1, 'validation.roles').transform((roles) => [...new Set(roles)].sort());

export const CreateUserInput = z
  .object({
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

export const UpdateUserInput = z.object({ user_id: Id, display_name: text(120), roles: Roles });
export const ResetPasswordInput = z.object({ user_id: Id, temporary_password: StrongPassword });

export const DEACTIVATION_REASONS = ['transfer', 'retirement', 'resignation', 'death', 'termination', 'other'] as const;
export const DeactivateUserInput = z.object({
  user_id: Id,
  reason: z.enum(DEACTIVATION_REASONS),
  note: optionalText(500),
});
export const UserIdInput = z.object({ user_id: Id });

export const SecuritySettingsInput = z.object({
  password_max_age_days: z.coerce.number().int('validation.whole-number').min(30, 'validation.max-age').max(365, 'validation.max-age'),
});

const Email = z
  .string()
  .trim()
  .max(200, 'validation.too-long')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'validation.email')
  .default('');
const Phone = z
  .string()
  .trim()
  .max(40, 'validation.too-long')
  .refine((v) => v === '' || /^\+?[\d\s-]{9,20}$/.test(v), 'validation.phone')
  .default('');

export const PersonInput = z.object({
  full_name: text(160),
  check_number: z
    .string()
    .trim()
    .max(20, 'validation.too-long')
    .refine((v) => v === '' || /^[A-Za-z0-9/-]+$/.test(v), 'validation.check-number')
    .default(''),
  title: optionalText(160),
  department_id: z.string().trim().max(64).nullable().default(null),
  institution: optionalText(200),
  phone: Phone,
  email: Email,
});
export type PersonInput = z.input<typeof PersonInput>;
export const UpdatePersonInput = PersonInput.extend({ person_id: Id });
export const PersonIdInput = z.object({ person_id: Id });

export const DepartmentInput = z.object({ name: text(160), code: optionalText(20) });
export const UpdateDepartmentInput = DepartmentInput.extend({ department_id: Id, active: z.boolean() });
export const LocationInput = z.object({ name: text(160), building: optionalText(160), region: optionalText(80) });
export const UpdateLocationInput = LocationInput.extend({ location_id: Id, active: z.boolean() });

/** Keyset paging: `after` is the last row's cursor from the previous page. */
export const ListInput = z.object({
  search: z.string().trim().max(100, 'validation.too-long').default(''),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  after: z.string().max(400).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListInput = z.input<typeof ListInput>;

export const HistoryInput = z.object({ entity: Id });
export const EmptyInput = z.object({}).default({});
