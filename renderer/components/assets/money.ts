// Shillings as Tanzanian offices write them: whole shillings, commas between thousands, `TSh 2,450,000`.

/** `2450000` → `2,450,000`. */
export function groupThousands(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `TSh 2,450,000` (a no-break space keeps the sign with the figure); empty for no amount. */
export function formatTzs(amount: number | null | undefined): string {
  return amount === null || amount === undefined || !Number.isFinite(amount) ? '' : `TSh\u00a0${groupThousands(amount)}`;
}

/**
 * What a shilling field holds, as the schema wants it: blank → null; `2,450,000`, `TSh 2 450 000` or
 * `2450000.00` → 2450000; anything else (cents, letters, a minus) → NaN, which the schema refuses
 * with its own sentence (`validation.money`).
 */
export function parseShillings(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  const text = value.replace(/^\s*TSh\.?/i, '').replace(/[\s,\u00a0]/g, '');
  if (text === '') return null;
  const match = /^(\d+)(?:\.0+)?$/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}
