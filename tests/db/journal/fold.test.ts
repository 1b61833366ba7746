// The fold shapes every projection shares (db/journal/fold.ts).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { onExisting, onOwn, pick, standing, stamps } from '../../../db/journal/fold.ts';
import { defineEvent, type FoldEvent } from '../../../db/journal/types.ts';

const renamed = defineEvent('test.renamed', 'shared', z.object({ name: z.string(), owner: z.string() }), (p) => [p.owner]);
const event = (entity: string, hlc: string, payload: Record<string, unknown> = {}): FoldEvent => ({
  origin: 'o1',
  origin_seq: 1,
  hlc,
  actor: 'u1',
  type: renamed.type,
  entity,
  payload,
});
const H1 = '2026-01-05T08:00:00.000Z-00000';
const H2 = '2026-01-06T08:00:00.000Z-00000';

describe('the folds every projection shares', () => {
  it('keeps the instant a row was first folded and stamps the latest change', () => {
    const first = stamps(undefined, event('r1', H1));
    expect(first).toEqual({ id: 'r1', created_at: '2026-01-05T08:00:00.000Z', updated_at: '2026-01-05T08:00:00.000Z' });
    expect(stamps(first, event('r1', H2))).toEqual({ id: 'r1', created_at: '2026-01-05T08:00:00.000Z', updated_at: '2026-01-06T08:00:00.000Z' });
  });

  it('keeps a row switched off when an event that does not say is folded, and sets it as an edit says', () => {
    const off = { ...stamps(undefined, event('r1', H1)), active: 0 };
    expect(standing(undefined, event('r1', H1)).active).toBe(1);
    expect(standing(off, event('r1', H2)).active).toBe(0);
    expect(standing(off, event('r1', H2), true).active).toBe(1);
  });

  it('takes only the payload fields named, never an id or a column a peer slipped in', () => {
    const payload = { name: 'Ghorofa 2', id: 'someone-else', extra: 'x' };
    expect(pick(payload, ['name'])).toEqual({ name: 'Ghorofa 2' });
  });

  it('folds a change into its own row only, and makes no row for one this file has not seen', () => {
    const own = onOwn(renamed, (_row: { id: string; name: string } | undefined, p, e) => ({ id: e.entity, name: p.name }));
    const change = onExisting(renamed, (row: { id: string; name: string }, p) => ({ ...row, name: p.name }));
    const e = event('r1', H1, { name: 'Mpya', owner: 'r2' });
    const other = { id: 'r2', name: 'Ya zamani' };
    expect(own.reduce(other, e, 'r2')).toBe(other);
    expect(own.reduce(undefined, e, 'r1')).toEqual({ id: 'r1', name: 'Mpya' });
    expect(change.reduce(undefined, e, 'r1')).toBeUndefined();
    expect(change.reduce(other, e, 'r2')).toBe(other);
    expect(change.reduce({ id: 'r1', name: 'Ya zamani' }, e, 'r1')).toEqual({ id: 'r1', name: 'Mpya' });
  });
});
