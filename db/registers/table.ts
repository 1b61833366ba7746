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
