// A register ready to write: headings in words, rows as cells, and the pauses a long write takes so the
// process can answer other calls, report progress and stop when asked.
import { checkpoint as jobCheckpoint, pause, type JobHandle } from '../core/jobs.ts';
import type { CellValue, ColumnShape } from './register.ts';

export interface Table {
  columns: readonly ColumnShape[];
  headers: string[];
  rows: Iterable<CellValue[]>;
  /** Rows between pauses. */
  pageSize: number;
  /** How many rows there will be, when the register can count them beforehand; else 0. */
  total: number;
  /** Which columns add up into a totals row at the foot, and that row's label in words; none when no column does. */
  totals?: { columns: readonly boolean[]; label: string };
}

/** Adds up a table's totalled columns as its rows pass on their way to the file. */
export class Totals {
  private readonly sums: number[];
  private readonly columns: readonly boolean[];

  constructor(table: Table) {
    this.columns = table.totals?.columns ?? [];
    this.sums = this.columns.map(() => 0);
  }

  get any(): boolean {
    return this.columns.some(Boolean);
  }

  add(values: readonly CellValue[]): void {
    this.columns.forEach((totalled, i) => {
      const value = values[i];
      if (totalled && typeof value === 'number') this.sums[i] = (this.sums[i] ?? 0) + value;
    });
  }

  /** The totals row: the label in the first column, the sums under their columns, every other cell empty. */
  row(label: string): CellValue[] {
    return this.columns.map((totalled, i) => (totalled ? (this.sums[i] ?? 0) : i === 0 ? label : null));
  }
}

export interface ExportControl {
  /** Stops the export between two pages; a file being written is removed. */
  signal?: AbortSignal;
  /** The number of rows written so far, after every page and once at the end. */
  onProgress?: (rows: number) => void;
  /** The window's job: told the rows `writing` of the table's total; a stop is refused `cancelled`. */
  job?: JobHandle;
}

/** Between pages: stop if asked, say how far the export is, and let queued work (and the streams) run. */
export async function checkpoint(rows: number, table: Table, control: ExportControl): Promise<void> {
  control.signal?.throwIfAborted();
  control.onProgress?.(rows);
  if (control.job) await jobCheckpoint(control.job, rows, table.total, 'writing');
  else await pause();
}

/** Once every row is written: the last count, for the command line's line and the window's bar. */
export function written(rows: number, table: Table, control: ExportControl): void {
  control.onProgress?.(rows);
  control.job?.report(rows, table.total, 'writing');
}
