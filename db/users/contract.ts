// The accounts' contract: roles, password rules (3.1.8), the account forms' inputs and the security
// settings. Pure zod, shared with the window's forms; messages are catalogue keys.
import { z } from 'zod';
import { Id, optionalMultilineText, safeString, text } from '../contract/inputs.ts';

export const ROLES = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'records_officer', 'auditor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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

/** The first administrator's account, made at setup. */
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

// 3.1.2: the person of the register an account belongs to, so an account is closed when that person
// leaves, whatever name the account shows. Optional: a consultant's account may have nobody there.
const PersonLink = Id.nullable();

export const CreateUserInput = z
  .strictObject({
    username: Username,
    display_name: text(120),
    roles: Roles,
    temporary_password: StrongPassword,
    person_id: PersonLink.default(null),
  })
  .superRefine((value, ctx) => {
    if (value.temporary_password.toLowerCase().includes(value.username.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['temporary_password'], message: 'password.rule-username' });
    }
  });

/** `person_id` left out keeps the account's person; `null` unlinks it. */
export const UpdateUserInput = z.strictObject({ user_id: Id, display_name: text(120), roles: Roles, person_id: PersonLink.optional() });
export const ResetPasswordInput = z.strictObject({ user_id: Id, temporary_password: StrongPassword });

// 3.1.2: an account is deactivated when its holder leaves, and the register says why.
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
