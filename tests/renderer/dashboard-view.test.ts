// The dashboard's cost axis: round amounts in whole shillings, never "62.5K".
import { describe, expect, it } from 'vitest';
import { axisTicks } from '../../renderer/screens/dashboard/dashboard-view.ts';
import { groupThousands } from '../../renderer/components/assets/money.ts';

describe('the marks of the cost axis', () => {
  it('marks a month of TSh 125,000 in round shillings, up to the tallest column', () => {
    expect(axisTicks(125_000).map(groupThousands)).toEqual(['0', '50,000', '100,000', '150,000']);
  });

  it('keeps millions in whole shillings with their thousands marked', () => {
    expect(axisTicks(2_437_500).map(groupThousands)).toEqual(['0', '1,000,000', '2,000,000', '3,000,000']);
    expect(axisTicks(3_600_000).map(groupThousands)).toEqual(['0', '1,000,000', '2,000,000', '3,000,000', '4,000,000']);
  });

  it('never marks a fraction of a shilling, however small the amounts', () => {
    for (const top of [1, 3, 7, 45, 980, 12_500, 310_000, 98_765_432]) {
      const ticks = axisTicks(top);
      expect(ticks.every(Number.isInteger), String(top)).toBe(true);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(top);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(5);
    }
  });

  it('draws only the zero line when nothing was spent', () => {
    expect(axisTicks(0)).toEqual([0]);
  });
});
