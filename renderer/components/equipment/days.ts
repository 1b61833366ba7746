// Days people type and read: sent to the core as YYYY-MM-DD, shown as dd/MM/yyyy, and "today" is the
// working day in Dar es Salaam (UTC+3 all year), whatever the PC's own zone says.
import { formatDay } from '../../../db/contract/describe.ts';

export { formatDay };

const DAY_MS = 86_400_000;

/** Today in Dar es Salaam, YYYY-MM-DD: the same day the core calls today. */
export function todayInDar(now: Date = new Date()): string {
  return new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A typed date as the core wants it. Offices write day first: `05/03/2025`, `5-3-2025`, `5.3.2025`;
 * `2025-03-05` is taken as it is. Null when it is no real day.
 */
export function parseTypedDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [0, 0, 0];
  if (!year || !isCalendarDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whole days from one typed date to another; never negative. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
}

/** The first day of the government's financial year (1 July) that holds `day`. */
export function financialYearStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${month >= 7 ? year : year - 1}-07-01`;
}

/** The first day of the month `day` falls in. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
