import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '../../../db/journal/types.ts';
import { reducePerson } from '../../../db/people/reducer.ts';
import type { PersonRow } from '../../../db/store/schema.ts';

const particulars = {
  full_name: 'Zuhura Said',
  check_number: '100234',
  title: 'Afisa Ugavi',
  department_id: 'd-uhasibu',
  institution: 'Wizara ya Fedha',
  phone: '+255 754 123 456',
  email: 'zuhura@wf.go.tz',
};

function event(type: string, hlc: string, payload: Record<string, unknown> = {}): FoldEvent {
  return { origin: 'shared-origin', origin_seq: 1, hlc: `${hlc}-00000`, actor: 'u-1', type, entity: 'p-1', payload: { ...payload, actor_name: 'Juma Ally' } };
}

const registered = event('people.registered', '2025-03-03T08:00:00.000Z', particulars);

describe('the people reducer', () => {
  it('registers a person as active with their particulars', () => {
    expect(reducePerson(undefined, registered)).toEqual({
      id: 'p-1',
      ...particulars,
      active: 1,
      created_at: '2025-03-03T08:00:00.000Z',
      updated_at: '2025-03-03T08:00:00.000Z',
    });
  });

  it("folds an event into its own person's row even when the payload carries an id of another", () => {
    // Payloads are stored as written and folded again after a sync; a key the schema does not know
    // (a newer version's field, or a crafted bundle) must never redirect the fold to another row.
    const row = reducePerson(undefined, event('people.updated', '2025-03-05T08:00:00.000Z', { ...particulars, id: 'p-someone-else' }));
    expect(row?.id).toBe('p-1');
  });

  it('updates particulars, keeping when they were registered and whether they are active', () => {
    const off = reducePerson(reducePerson(undefined, registered), event('people.deactivated', '2025-03-04T08:00:00.000Z'));
    const row = reducePerson(off, event('people.updated', '2025-03-05T08:00:00.000Z', { ...particulars, title: 'Mhasibu', department_id: null }));
    expect(row).toMatchObject({ title: 'Mhasibu', department_id: null, active: 0, created_at: '2025-03-03T08:00:00.000Z', updated_at: '2025-03-05T08:00:00.000Z' });
  });

  it('still makes a row for an update folded before the registration was seen (after a merge)', () => {
    const row = reducePerson(undefined, event('people.updated', '2025-03-05T08:00:00.000Z', particulars));
    expect(row).toMatchObject({ id: 'p-1', full_name: 'Zuhura Said', active: 1, created_at: '2025-03-05T08:00:00.000Z' });
  });

  it('deactivates and reactivates', () => {
    const row = reducePerson(undefined, registered) as PersonRow;
    const off = reducePerson(row, event('people.deactivated', '2025-03-04T08:00:00.000Z'));
    expect(off).toMatchObject({ active: 0, updated_at: '2025-03-04T08:00:00.000Z', full_name: 'Zuhura Said' });
    expect(reducePerson(off, event('people.reactivated', '2025-03-05T08:00:00.000Z'))).toMatchObject({ active: 1, updated_at: '2025-03-05T08:00:00.000Z' });
  });

  it('yields no row when a person it never saw is deactivated or reactivated', () => {
    expect(reducePerson(undefined, event('people.deactivated', '2025-03-04T08:00:00.000Z'))).toBeUndefined();
    expect(reducePerson(undefined, event('people.reactivated', '2025-03-04T08:00:00.000Z'))).toBeUndefined();
  });

  it('is pure: it leaves the row it was given unchanged', () => {
    const row = Object.freeze(reducePerson(undefined, registered) as PersonRow);
    const e = Object.freeze(event('people.deactivated', '2025-03-04T08:00:00.000Z'));
    expect(reducePerson(row, e)).toEqual(reducePerson(row, e));
    expect(row.active).toBe(1);
  });
});
