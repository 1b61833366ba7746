// A register ready to write: headings in words, rows as cells, and the pauses a long write takes so the
// process can answer other calls, report progress and stop when asked.
import type { CellValue, ColumnShape } from './register.ts';

export interface Table {
  columns: readonly ColumnShape[];
  headers: string[];
  rows: Iterable<CellValue[]>;
  /** Rows between pauses. */
  pageSize: number;
}

export interface ExportControl {
  /** Stops the export between two pages; a file being written is removed. */
  signal?: AbortSignal;
  /** The number of rows written so far, after every page and once at the end. */
  onProgress?: (rows: number) => void;
}

/** Between pages: stop if asked, say how far the export is, and let queued work (and the streams) run. */
export async function checkpoint(rows: number, control: ExportControl): Promise<void> {
  control.signal?.throwIfAborted();
  control.onProgress?.(rows);
  await new Promise<void>((resolve) => setImmediate(resolve));
}
