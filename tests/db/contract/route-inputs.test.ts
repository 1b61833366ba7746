// Issue 7, "Rules that commands still let through": every route in the table names an unknown field
// instead of dropping it, and no text field of any route takes NUL or another control character
// (line breaks and tabs only in the multi-line fields). Both walk the whole table, so a route added
// later is held to the same rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routes } from '../../../db/contract/routes.ts';
import { stringLeaves } from '../../helpers/schema-leaves.ts';
import { CONTROL_CHARACTERS_KEY, multilineText, optionalText, text } from '../../../db/contract/inputs.ts';
import type { Role } from '../../../db/users/contract.ts';
import { addUser } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';

/**
 * Routes whose input schemas live in db/import/contract.ts and db/sync/contract.ts (jobs take
 * db/jobs/contract.ts's JobInput). Their text fields join the control-character check once those schemas use
 * the shared helpers; they already refuse unknown fields, so the first walk covers every route.
 */

/** The fields where a person writes several lines: descriptions, notes, addresses. */
const MULTILINE = new Set(['page_code', 'postal_address', 'note', 'notes', 'address', 'symptoms', 'diagnosis', 'actions', 'reason', 'body_sw', 'body_en']);

/** A discriminated union is only read once its discriminator is known. */
const BASE: Record<string, Record<string, unknown>> = {
  'registers.export': { register: 'devices' },
};

const ALL_ROLES: Role[] = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'records_officer', 'auditor'];
const everyRoute = Object.keys(routes);
const textChecked = everyRoute;

describe('every route refuses an unknown field, naming it', () => {
  let o: Office;
  let token: string;
  beforeAll(async () => {
    o = await openOffice();
    token = (await addUser(o, o.admin, 'kila.jukumu', ALL_ROLES, 'Kila Jukumu')).token;
  });
  afterAll(() => o.core.close());

  it.each(everyRoute)('%s', async (name) => {
    const result = await o.callRaw(token, name, { ...BASE[name], mistyped_field: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.fields?.mistyped_field).toBe('validation.unknown-field');
  });

  it('names an unknown field inside a nested object by its full path', async () => {
    const result = await o.callRaw(token, 'maintenance.assign', { entry_id: 'x', technician: { type: 'internal', name: 'Hamisi', provider: 'y' } });
    expect(result.ok ? null : result.error.fields).toEqual({ 'technician.provider': 'validation.unknown-field' });
    const exported = await o.callRaw(token, 'registers.export', { register: 'log-book', filters: { form: '2026-01-01' } });
    expect(exported.ok ? null : exported.error.fields).toEqual({ 'filters.form': 'validation.unknown-field' });
  });

});


describe('no text field of any route takes control characters', () => {
  const leaves = textChecked.flatMap((name) =>
    stringLeaves((routes as Record<string, { input: z.ZodType }>)[name]?.input as z.ZodType).map((leaf) => ({ route: name, ...leaf })),
  );

  it('finds the text fields it checks', () => {
    expect(leaves.length).toBeGreaterThan(100);
  });

  it.each(leaves.map((leaf) => [`${leaf.route} ${leaf.path}`, leaf] as const))('%s refuses NUL and other control characters', (_label, leaf) => {
    for (const bad of ['Juma\u0000Ally', 'Juma\u0007', '\u001bAlly', 'Juma\u007fAlly', 'Juma\u0085Ally', 'Juma\vAlly']) {
      expect(leaf.schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it.each(leaves.map((leaf) => [`${leaf.route} ${leaf.path}`, leaf] as const))('%s takes line breaks only if it is multi-line', (_label, leaf) => {
    const name = leaf.path.split('.').at(-1) as string;
    const result = leaf.schema.safeParse('Mstari wa kwanza\nMstari\twa pili');
    expect(result.success).toBe(MULTILINE.has(name));
  });
});

describe('the shared text helpers', () => {
  it('say which rule a NUL breaks, so the form can name the field', () => {
    expect(text(40).safeParse('Juma\u0000').error?.issues[0]?.message).toBe(CONTROL_CHARACTERS_KEY);
    expect(optionalText(40).safeParse('\u0000').error?.issues[0]?.message).toBe(CONTROL_CHARACTERS_KEY);
    expect(multilineText(40).safeParse('a\u0000b').error?.issues[0]?.message).toBe(CONTROL_CHARACTERS_KEY);
  });

  it('keep a multi-line text with Windows line ends, as plain line breaks', () => {
    expect(multilineText(40).parse('Mstari 1\r\nMstari 2\r\n')).toBe('Mstari 1\nMstari 2');
  });

  it('refuse a NUL in a route call with the field named', async () => {
    const o = await openOffice();
    try {
      const result = await o.call(o.officer.token, 'people.register', { full_name: 'Zuhura\u0000Said' });
      expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid-input', fields: { full_name: CONTROL_CHARACTERS_KEY } });
    } finally {
      o.core.close();
    }
  });
});
