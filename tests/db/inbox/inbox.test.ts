// Issue 10, "Inbox and reminders": each user sees what waits for them, gathered from every area's
// reminders, counted as of today in Dar es Salaam, and only what their roles let them act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry, defineArea, type Reminder } from '../../../db/area.ts';
import { AREAS, registry } from '../../../db/areas.ts';
import { route } from '../../../db/contract/route.ts';
import { ICT } from '../../../db/contract/roles.ts';
import { inboxOf } from '../../../db/inbox/queries.ts';
import { EmptyInput } from '../../../db/contract/inputs.ts';
import { okValue, present } from '../../helpers/core.ts';
import { openOffice, registerLaptop, TODAY, type Office } from '../../helpers/office.ts';

const noop = route({ access: ICT, input: EmptyInput, handler: () => null });
const counted = (count: number, key = 'waiting', urgency: Reminder['urgency'] = 'act'): Reminder => ({ key, screen: 'desk', route: 'desk.act', urgency, count: () => count });
const desk = (reminders: Reminder[]) =>
  defineArea({ name: 'desk', routes: { 'desk.list': route({ access: 'signed-in', input: EmptyInput, handler: () => null }), 'desk.act': noop }, screens: [{ id: 'desk', route: 'desk.list' }], reminders });

describe('reminders in the registry', () => {
  it('are gathered from the areas in their order', () => {
    expect(registry.reminders.map((reminder) => reminder.key)).toEqual(AREAS.flatMap((area) => (area.reminders ?? []).map((reminder) => reminder.key)));
    expect(registry.reminders.map((reminder) => reminder.key)).toEqual(expect.arrayContaining(['preventive-overdue', 'preventive-due']));
  });

  it('stop the core at startup when one waits on an unknown route, opens an unknown screen, or is declared twice', () => {
    expect(() => createRegistry([desk([{ ...counted(1), route: 'desk.nothing' }])])).toThrow('reminder waiting waits on unknown route desk.nothing');
    expect(() => createRegistry([desk([{ ...counted(1), screen: 'nowhere' }])])).toThrow('reminder waiting opens unknown screen nowhere');
    expect(() => createRegistry([desk([counted(1), counted(2)])])).toThrow('reminder waiting is declared twice');
  });
});

describe('the inbox of one user', () => {
  const user = (roles: ('ict_officer' | 'auditor')[]) => ({ id: 'u1', username: 'u', display_name: 'U', roles });
  const store = {} as never;

  it('holds what the user may act on and where something waits, decisions first, then what is late, then what is soon', () => {
    const mine = createRegistry([desk([counted(2, 'soon-thing', 'soon'), counted(0, 'nothing'), counted(1, 'late-thing', 'late'), counted(3, 'decide-thing', 'act')])]);
    expect(inboxOf(store, mine, user(['ict_officer']), TODAY)).toEqual([
      { key: 'decide-thing', screen: 'desk', urgency: 'act', count: 3 },
      { key: 'late-thing', screen: 'desk', urgency: 'late', count: 1 },
      { key: 'soon-thing', screen: 'desk', urgency: 'soon', count: 2 },
    ]);
    expect(inboxOf(store, mine, user(['auditor']), TODAY)).toEqual([]);
  });

  it('asks each reminder as of today, for this user', () => {
    const asked: unknown[] = [];
    const mine = createRegistry([desk([{ ...counted(1), count: (_store, today, user) => (asked.push([today, user.id]), 1) }])]);
    inboxOf(store, mine, user(['ict_officer']), '2026-12-05');
    expect(asked).toEqual([['2026-12-05', 'u1']]);
  });
});

describe('preventive maintenance in the inbox', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('tells the ICT officer of work past due and falling due, and not the auditor, who cannot log it', async () => {
    expect(okValue(await o.call(o.officer.token, 'inbox.list', {}))).toEqual({ items: [] });
    // Never serviced: due from its purchase, long past. The other, serviced on 1 June, falls due on
    // 1 December, within 30 days of today (23 November).
    await registerLaptop(o, { purchase_date: '2024-11-01' });
    const serviced = await registerLaptop(o, { purchase_date: '2024-11-01', serial: 'DL5440-91K' });
    const plan = present(okValue(await o.call(o.officer.token, 'plans.create', { procedure_id: null, category: 'laptop', asset_id: null, task: 'Kusafisha vumbi', interval_months: 6 })), 'plans.create');
    const entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: serviced.id, kind: 'preventive', plan_id: plan.id, reported_on: '2026-06-01', reported_by: 'Juma Ally', symptoms: 'Matengenezo kinga' }),
    );
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-06-01', outcome: 'no_fault', reason: 'Kazi ya kawaida ya matengenezo kinga' }));
    expect(okValue(await o.call(o.officer.token, 'inbox.list', {}))).toEqual({
      items: [
        { key: 'preventive-overdue', screen: 'maintenance', urgency: 'late', count: 1 },
        { key: 'preventive-due', screen: 'maintenance', urgency: 'soon', count: 1 },
      ],
    });
    expect(okValue(await o.call(o.auditor.token, 'inbox.list', {}))).toEqual({ items: [] });
  });

  it('is refused to nobody signed in', async () => {
    const result = await o.call(null, 'inbox.list', {});
    expect(result.ok).toBe(false);
  });
});
