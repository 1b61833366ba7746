import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '../../../db/journal/types.ts';
import { reduceDepartment, reduceLocation } from '../../../db/places/reducer.ts';

function event(type: string, hlc: string, entity: string, payload: Record<string, unknown>): FoldEvent {
  return { origin: 'shared-origin', origin_seq: 1, hlc: `${hlc}-00000`, actor: 'u-1', type, entity, payload: { ...payload, actor_name: 'Juma Ally' } };
}

describe('the departments reducer', () => {
  it('creates an active department', () => {
    expect(reduceDepartment(undefined, event('departments.created', '2025-03-03T08:00:00.000Z', 'd-1', { name: 'Uhasibu', code: 'UH' }))).toEqual({
      id: 'd-1',
      name: 'Uhasibu',
      code: 'UH',
      active: 1,
      created_at: '2025-03-03T08:00:00.000Z',
      updated_at: '2025-03-03T08:00:00.000Z',
    });
  });

  it('renames and closes a department, keeping when it was created', () => {
    const created = reduceDepartment(undefined, event('departments.created', '2025-03-03T08:00:00.000Z', 'd-1', { name: 'Uhasibu', code: 'UH' }));
    const closed = reduceDepartment(created, event('departments.updated', '2025-03-10T08:00:00.000Z', 'd-1', { name: 'Fedha', code: 'FE', active: false }));
    expect(closed).toEqual({ id: 'd-1', name: 'Fedha', code: 'FE', active: 0, created_at: '2025-03-03T08:00:00.000Z', updated_at: '2025-03-10T08:00:00.000Z' });
    const reopened = reduceDepartment(closed, event('departments.updated', '2025-03-11T08:00:00.000Z', 'd-1', { name: 'Fedha', code: 'FE', active: true }));
    expect(reopened?.active).toBe(1);
  });

  it('still makes a row for an update folded before the creation was seen', () => {
    expect(reduceDepartment(undefined, event('departments.updated', '2025-03-10T08:00:00.000Z', 'd-9', { name: 'Fedha', code: 'FE', active: false }))).toMatchObject({
      id: 'd-9',
      active: 0,
      created_at: '2025-03-10T08:00:00.000Z',
    });
  });
});

describe('the locations reducer', () => {
  it('creates an active location and updates it, keeping when it was created', () => {
    const created = reduceLocation(undefined, event('locations.created', '2025-03-03T08:00:00.000Z', 'l-1', { name: 'Ghorofa 2', building: 'Treasury Square', region: 'Dodoma' }));
    expect(created).toEqual({
      id: 'l-1',
      name: 'Ghorofa 2',
      building: 'Treasury Square',
      region: 'Dodoma',
      active: 1,
      created_at: '2025-03-03T08:00:00.000Z',
      updated_at: '2025-03-03T08:00:00.000Z',
    });
    const moved = reduceLocation(created, event('locations.updated', '2025-04-01T08:00:00.000Z', 'l-1', { name: 'Ghorofa 3', building: 'Treasury Square', region: 'Dodoma', active: false }));
    expect(moved).toMatchObject({ name: 'Ghorofa 3', active: 0, created_at: '2025-03-03T08:00:00.000Z', updated_at: '2025-04-01T08:00:00.000Z' });
  });

  it('keeps a closed location closed when it is created again after a merge', () => {
    const closed = reduceLocation(undefined, event('locations.updated', '2025-04-01T08:00:00.000Z', 'l-1', { name: 'Ghorofa 3', building: '', region: '', active: false }));
    const row = reduceLocation(closed, event('locations.created', '2025-04-02T08:00:00.000Z', 'l-1', { name: 'Ghorofa 3', building: '', region: '' }));
    expect(row?.active).toBe(0);
  });
});
