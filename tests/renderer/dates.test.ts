import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../renderer/format/dates.ts';

describe('dates as Tanzanian offices write them', () => {
  it('shows a UTC instant late in the evening as the next day in Dar es Salaam', () => {
    // 21:30 UTC on 14 March is 00:30 on 15 March in East Africa Time (UTC+3).
    expect(formatDate('2025-03-14T21:30:00.000Z')).toBe('15/03/2025');
    expect(formatDateTime('2025-03-14T21:30:00.000Z')).toBe('15/03/2025 00:30');
  });

  it('turns the year at 21:00 UTC on 31 December', () => {
    expect(formatDateTime('2025-12-31T20:59:00Z')).toBe('31/12/2025 23:59');
    expect(formatDateTime('2025-12-31T21:00:00Z')).toBe('01/01/2026 00:00');
  });

  it('pads day, month and hour with zeros and uses the 24-hour clock', () => {
    expect(formatDateTime('2024-02-05T03:04:00Z')).toBe('05/02/2024 06:04');
    expect(formatDateTime('2024-02-05T10:15:00Z')).toBe('05/02/2024 13:15');
  });

  it('shows nothing for a missing or unreadable value rather than "Invalid Date"', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
