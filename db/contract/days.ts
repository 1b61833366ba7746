// Days people type and read, once for the core and the window: sent and stored as YYYY-MM-DD, shown
// dd/MM/yyyy, and "today" is the working day in Dar es Salaam (UTC+3 all year, no DST), whatever the
// PC's own zone says. Pure: no clock is read here; the caller passes `now`.

const DAY_MS = 86_400_000;
const DAR_OFFSET_MS = 3 * 3_600_000;

/** An instant as the wall clock in Dar es Salaam reads it, `YYYY-MM-DDTHH:mm…`; null when unreadable. */
function darClock(instant: Date): string | null {
  const time = instant.getTime();
  return Number.isNaN(time) ? null : new Date(time + DAR_OFFSET_MS).toISOString();
}

/** The working day in Dar es Salaam at `now`, as YYYY-MM-DD: "today" for dates people type. */
export function workingDay(now: Date): string {
  return (darClock(now) ?? '').slice(0, 10);
}

/** A stored instant (ISO-8601 UTC) as the day it was in Dar es Salaam, dd/MM/yyyy; '' when missing or unreadable. */
export function formatDate(iso: string | null | undefined): string {
  const local = iso ? darClock(new Date(iso)) : null;
  return local ? formatDay(local.slice(0, 10)) : '';
}

/** A stored instant as Dar es Salaam's wall clock read it, dd/MM/yyyy HH:mm (24-hour); '' when missing or unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  const local = iso ? darClock(new Date(iso)) : null;
  return local ? `${formatDay(local.slice(0, 10))} ${local.slice(11, 16)}` : '';
}

/** A typed YYYY-MM-DD shown as dd/MM/yyyy; anything else unchanged (a blank stays blank). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** True when year, month (1–12) and day name a day that exists. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `value` is a real day written YYYY-MM-DD (no 31 April, no 29 February outside leap years). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
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

/** The typed date `days` after (or, negative, before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus whole months (negative: minus); the 31st of a shorter month falls on its last day. */
export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
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
