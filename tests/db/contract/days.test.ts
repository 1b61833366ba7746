// Days as Tanzanian offices write and read them, one set of rules for the core and the window
// (db/contract/days.ts): "today" in Dar es Salaam, dd/MM/yyyy, typed dates, spans of days and months.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  financialYearStart,
  formatDate,
  formatDateTime,
  formatDay,
  isCalendarDate,
  monthStart,
  parseTypedDay,
  workingDay,
} from '../../../db/contract/days.ts';
import { formatPrintDay } from '../../../db/documents/pdf.ts';
import { todayInDar } from '../../../renderer/components/assets/days.ts';

describe('today', () => {
  it('is the working day in Dar es Salaam, three hours ahead of UTC, whatever the PC says', () => {
    expect(workingDay(new Date('2025-03-04T20:59:00Z'))).toBe('2025-03-04');
    expect(workingDay(new Date('2025-03-04T21:00:00Z'))).toBe('2025-03-05');
    expect(workingDay(new Date('2025-12-31T21:30:00Z'))).toBe('2026-01-01');
  });

  it('is the same day in the window, on a printed form and in the core', () => {
    for (const instant of ['2025-03-04T20:59:00Z', '2025-03-04T21:00:00Z', '2024-02-28T23:10:00Z']) {
      const now = new Date(instant);
      expect(todayInDar(now)).toBe(workingDay(now));
      expect(formatPrintDay(now)).toBe(formatDay(workingDay(now)));
    }
  });
});

describe('dates shown to people', () => {
  it('shows a typed day dd/MM/yyyy and leaves a blank blank', () => {
    expect(formatDay('2025-03-05')).toBe('05/03/2025');
    expect(formatDay('')).toBe('');
  });

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

describe('a typed date', () => {
  it('is read day first, as offices write it, or as YYYY-MM-DD', () => {
    expect(parseTypedDay('05/03/2025')).toBe('2025-03-05');
    expect(parseTypedDay('5.3.2025')).toBe('2025-03-05');
    expect(parseTypedDay('2025-3-5')).toBe('2025-03-05');
  });

  it('is no date when the day does not exist', () => {
    expect(parseTypedDay('29/02/2025')).toBeNull();
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-4-3')).toBe(false);
  });
});

describe('spans of days and months', () => {
  it('counts whole days, never fewer than none', () => {
    expect(daysBetween('2025-03-01', '2025-03-11')).toBe(10);
    expect(daysBetween('2025-03-11', '2025-03-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('moves a day forward and back across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-10', 30)).toBe('2025-04-09');
  });

  it('adds months, falling on the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-29', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('starts the financial year on 1 July and a month on its first', () => {
    expect(financialYearStart('2026-06-30')).toBe('2025-07-01');
    expect(financialYearStart('2026-07-01')).toBe('2026-07-01');
    expect(monthStart('2026-03-17')).toBe('2026-03-01');
  });
});
