import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, ftsQuery } from '../../../db/core/paging.ts';
import { Refusal } from '../../../db/core/refusal.ts';

describe('paging and search helpers', () => {
  it('gives back the sort key and id a cursor was made from', () => {
    expect(decodeCursor(encodeCursor('Asha Mrisho', 'p-1'))).toEqual(['Asha Mrisho', 'p-1']);
    expect(decodeCursor(encodeCursor('Zuhura "Ñ" Saïd', ''))).toEqual(['Zuhura "Ñ" Saïd', '']);
  });

  it('refuses a cursor that is not one of its own', () => {
    for (const cursor of ['', 'garbage', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["a"]').toString('base64url'), Buffer.from('["a",2]').toString('base64url')]) {
      expect(() => decodeCursor(cursor), cursor).toThrow(Refusal);
    }
  });

  it('turns typed words into prefix searches that all must match', () => {
    expect(ftsQuery('asha mri')).toBe('"asha"* "mri"*');
    expect(ftsQuery('  ')).toBeNull();
  });

  it('strips search syntax so typing it cannot break the query', () => {
    expect(ftsQuery('"asha" OR (juma*) ^x col:y {z}')).toBe('"asha"* "OR"* "juma"* "x"* "coly"* "z"*');
    expect(ftsQuery('" * ^')).toBeNull();
  });
});
