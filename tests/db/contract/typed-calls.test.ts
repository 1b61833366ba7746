// The tests call the core through a client typed by the route table (issue 8, "one typed test core"):
// a misspelt route or a wrong input does not build. The `@ts-expect-error` lines below fail typecheck
// the day that typing loosens; at run time the dispatcher still refuses them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, openTestCore, setUp, type TestCore } from '../../helpers/core.ts';

describe('the typed test core', () => {
  let t: TestCore;
  let token: string;
  beforeEach(async () => {
    t = await openTestCore();
    token = (await setUp(t)).token;
  });
  afterEach(() => t.core.close());

  it('does not build a call to a route the table does not hold', async () => {
    // @ts-expect-error 'departments.remove' is not a route.
    expectRefused(await t.call(token, 'departments.remove', { department_id: 'x' }), 'unknown-route');
  });

  it('does not build a call whose input has the wrong shape', async () => {
    // @ts-expect-error departments.create takes a name and a code, and the code is text.
    expectRefused(await t.call(token, 'departments.create', { name: 'Uhasibu', code: 7 }), 'invalid-input');
    // @ts-expect-error a field the route does not know.
    expectRefused(await t.call(token, 'departments.create', { name: 'Uhasibu', code: 'UH', colour: 'blue' }), 'invalid-input');
  });

  it('gives the value typed by the route: a created department has its id and name', async () => {
    const department = await t.ok(token, 'departments.create', { name: 'Uhasibu', code: 'UH' });
    const name: string = department.name;
    expect(name).toBe('Uhasibu');
    expect(typeof department.id).toBe('string');
  });

  it('answers a created plan, provider and category with the row itself, never maybe nothing', async () => {
    // Each is typed as the row: no `undefined` to check for (a missing row read back is an internal error).
    const plan: { id: string; task: string } = await t.ok(token, 'plans.create', { task: 'Kusafisha vumbi', interval_months: 6, category: 'laptop' });
    const provider: { id: string; name: string } = await t.ok(token, 'providers.register', { name: 'Techno Brain Ltd' });
    const category: { id: string; name_sw: string } = await t.ok(token, 'categories.create', { name_sw: 'Projekta', name_en: 'Projector', can_hold_records: false });
    expect([plan.task, provider.name, category.name_sw]).toEqual(['Kusafisha vumbi', 'Techno Brain Ltd', 'Projekta']);
  });
});
