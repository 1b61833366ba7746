// The register list's column widths. A tag or serial is what tells two devices apart, so its column is
// as wide as the longest one loaded and it is never cut or wrapped; the status and classification columns
// fit their longest word in the language shown. What is left is shared by the columns of names, which
// wrap at word boundaries (issue 7: tags cut to `MAJI/ICT/2026/000…`).

/** Widths, in pixels, of the widest content each fixed column must hold (header included). */
export interface ContentWidths {
  tag: number;
  serial: number;
  status: number;
  classification: number;
}

/** Left and right padding of a cell, plus a pixel each side for rounding. */
export const CELL_PADDING = 20;
const SLACK = 2;
const CHECKBOX = 36;

/**
 * The name columns, what they need at the least and their share of the rest: the device (make and model
 * over its category) and who keeps it where (custodian over location). Two columns of two lines each
 * leave the names room to read at 1366 px where four narrow columns wrapped every word.
 */
const FLEXIBLE = [
  { min: 150, share: 1 }, // device
  { min: 150, share: 1.2 }, // custodian and location
] as const;

/** Before anything is measured: wide enough for a `XXXX/ICT/2026/000123` tag at the usual size. */
export const UNMEASURED: ContentWidths = { tag: 176, serial: 120, status: 150, classification: 100 };

function fixed(width: number): number {
  return Math.ceil(width) + CELL_PADDING + SLACK;
}

export function registerColumns(widths: ContentWidths): { template: string; minWidth: number } {
  const tag = fixed(widths.tag);
  const serial = fixed(widths.serial);
  const status = fixed(widths.status);
  const classification = fixed(widths.classification);
  const [device, keeper] = FLEXIBLE.map(({ min, share }) => `minmax(${min}px, ${share}fr)`);
  return {
    template: [`${CHECKBOX}px`, `${tag}px`, device, `${serial}px`, keeper, `${status}px`, `${classification}px`].join(' '),
    minWidth: CHECKBOX + tag + serial + status + classification + FLEXIBLE.reduce((sum, column) => sum + column.min, 0),
  };
}

/** The longest of some strings (by length: tags and serials are shown in a monospace font). */
export function longest(values: Iterable<string>): string {
  let best = '';
  for (const value of values) if (value.length > best.length) best = value;
  return best;
}
