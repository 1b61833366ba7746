// A register's cells as spreadsheet programs read them. Text a person typed can start like a formula
// (`=HYPERLINK(…)`, `+255…`, `@SUM(…)`); Excel and LibreOffice would run it when the file opens.
import { formatDay } from '../contract/days.ts';
import { assertNever } from '../core/assert.ts';
import type { CellValue, ColumnKind } from './register.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * OWASP's defence against formula injection: a leading quote makes the text inert in every spreadsheet
 * program, and it is kept in XLSX too, so a workbook saved again as CSV stays inert.
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** `YYYY-MM-DD` as a date at midnight UTC: Excel stores days without a zone, so none may shift it. */
export function dayAsDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/** A cell as the text a CSV file holds: numbers plain (a negative one too), days dd/MM/yyyy. */
export function csvText(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === '') return '';
  switch (kind) {
    case 'money':
    case 'number':
      // A number typed column never holds text; should one arrive, it is text like any other.
      return typeof value === 'number' ? String(kind === 'money' ? Math.round(value) : value) : neutralise(value);
    case 'day':
      return typeof value === 'string' && dayAsDate(value) ? formatDay(value) : neutralise(String(value));
    case 'text':
      return neutralise(String(value));
    default:
      return assertNever(kind, 'column kind');
  }
}

/** How wide a value reads, in characters, for sizing XLSX columns. */
export function displayLength(value: CellValue, kind: ColumnKind): number {
  if (value === null) return 0;
  if (kind === 'day') return 10;
  if (typeof value === 'number') return kind === 'money' ? Math.round(value).toLocaleString('en-US').length : String(value).length;
  // A cell with line breaks is as wide as its longest line.
  return Math.max(...value.split(/\r?\n/).map((line) => line.length));
}
