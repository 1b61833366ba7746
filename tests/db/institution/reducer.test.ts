import { describe, expect, it } from 'vitest';
import { INSTITUTION_ID, reduceInstitution } from '../../../db/institution/reducer.ts';
import type { FoldEvent } from '../../../db/journal/types.ts';

const particulars = {
  name: 'Wizara ya Fedha',
  code: 'WF',
  postal_address: 'S.L.P. 2802, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Waziri',
};

function event(type: string, hlc: string, payload: Record<string, unknown>): FoldEvent {
  return { origin: 'shared-origin', origin_seq: 1, hlc: `${hlc}-00000`, actor: 'system', type, entity: INSTITUTION_ID, payload: { ...payload, actor_name: 'Asha Mrisho' } };
}

describe('the institution reducer', () => {
  it('records the particulars when the institution is configured', () => {
    expect(reduceInstitution(undefined, event('institution.configured', '2025-03-03T08:00:00.000Z', particulars))).toEqual({
      id: 'institution',
      ...particulars,
      configured_at: '2025-03-03T08:00:00.000Z',
      updated_at: '2025-03-03T08:00:00.000Z',
    });
  });

  it('changes particulars and keeps the date it was first configured', () => {
    const configured = reduceInstitution(undefined, event('institution.configured', '2025-03-03T08:00:00.000Z', particulars));
    const updated = reduceInstitution(configured, event('institution.updated', '2025-05-01T08:00:00.000Z', { ...particulars, name: 'Wizara ya Fedha na Mipango', code: 'WFM' }));
    expect(updated).toMatchObject({ name: 'Wizara ya Fedha na Mipango', code: 'WFM', configured_at: '2025-03-03T08:00:00.000Z', updated_at: '2025-05-01T08:00:00.000Z' });
    expect(configured?.name).toBe('Wizara ya Fedha');
  });
});
