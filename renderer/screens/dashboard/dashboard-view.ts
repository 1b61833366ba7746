// What the dashboard shows, without React: catalogue keys of figures and buckets, a month as MMM yyyy,
// the parameters of a row's sentence formatted for reading, and the height of a bar.
import { formatDay } from '../../../db/contract/days.ts';
import type { Phrase } from '../../../db/dashboard/contract.ts';
import { formatTzs, groupThousands } from '../../components/assets/money.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A figure or chart key as it is spelled in the catalogue: `clause.3.6.3` → `clause-3-6-3`. */
export function catalogueId(key: string): string {
  return key.replaceAll('.', '-');
}

/** `2026-05` → `Mei 2026` / `May 2026`. */
export function monthLabel(month: string, t: Translate): string {
  const [year, number] = month.split('-');
  return number && year ? `${t(`dashboard_ui.months.${number}`)} ${year}` : month;
}

/** Parameters that name days read as dd/MM/yyyy; an amount reads in shillings. */
const DAY_PARAMS = new Set(['date', 'due', 'since', 'returned']);

export function phraseParams(phrase: Phrase): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params)) {
    if (DAY_PARAMS.has(name) && typeof value === 'string') out[name] = formatDay(value);
    else if (name === 'amount' && typeof value === 'number') out[name] = formatTzs(value);
    else out[name] = value ?? '';
  }
  return out;
}

/** A bar's value as it is written beside it. */
export function barValue(unit: 'tzs' | 'days' | 'repairs' | 'devices', value: number): string {
  return unit === 'tzs' ? formatTzs(value) : groupThousands(value);
}

/**
 * The marks of an amount axis, from 0 to at least `top`: two to four equal steps, each a round amount
 * (1, 2, 2.5 or 5 times a power of ten, whole shillings). An office reads "100,000 · 150,000" at a
 * glance and writes it in a report as it stands; "62.5K" it has to work out.
 */
export function axisTicks(top: number): number[] {
  if (!(top > 0)) return [0];
  const rough = top / 4;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].map((times) => times * power).find((amount) => Number.isInteger(amount) && amount >= rough) ?? 10 * power;
  const steps = Math.max(1, Math.ceil(top / step));
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

/** Each bar's share of the tallest, 0–1; all zero when nothing was recorded. */
export function barShares(values: readonly number[]): number[] {
  const top = Math.max(0, ...values);
  return values.map((value) => (top > 0 ? value / top : 0));
}

/** A bar's width for its share of the tallest: a sliver at least when it is not zero, nothing when it is. */
export function barWidth(share: number): string {
  return share > 0 ? `max(2px, ${(share * 100).toFixed(1)}%)` : '0';
}

/** The percentage a share figure shows: whole per cent, 100 when there is nothing to count. */
export { percent } from '../../../db/dashboard/contract.ts';
