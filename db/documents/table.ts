// A ruled table that grows down the pages, as in the paper book: cells wrap, a row that does not fit
// the rest of a page goes to the next one (one taller than a whole page is split), and the header row
// is drawn again at the top of every page the table reaches.
import { drawLines, lineHeight, linesHeight, wrap, type Align, type Line, type Pdf, type Run } from './pdf.ts';

export interface Column {
  header: Run[];
  /** Share of the table's width. */
  weight: number;
  align?: Align;
}

export interface Cell {
  runs: Run[];
  align?: Align;
  /** Columns this cell covers, itself included. */
  span?: number;
}

export interface Row {
  cells: Cell[];
  fill?: string;
}

export interface Frame {
  left: number;
  right: number;
  bottom: number;
  /** Where a table continues on a new page, below that page's running header. */
  top: number;
  /** Adds a page and draws its running header. */
  newPage(): void;
}

export interface TableStyle {
  size: number;
  headerSize: number;
  padding: number;
  /** false: a grid of particulars, with no header row. */
  header?: boolean;
  headerFill?: string;
}

const RULE = 0.6;

interface Placed {
  x: number;
  width: number;
  align: Align;
  lines: Line[];
}

export function drawTable(doc: Pdf, frame: Frame, startY: number, columns: Column[], rows: Row[], style: TableStyle): number {
  const table = startTable(doc, frame, startY, columns, style);
  for (const row of rows) table.add(row);
  return table.y();
}

/**
 * The same table for a long job (a year of the log book is thousands of rows): `step(done)` after each
 * row, where the job reports and pauses (db/core/jobs.ts, `stepper`).
 */
export async function drawLongTable(
  doc: Pdf,
  frame: Frame,
  startY: number,
  columns: Column[],
  rows: Iterable<Row>,
  style: TableStyle,
  step: (done: number) => Promise<void> | undefined,
): Promise<number> {
  const table = startTable(doc, frame, startY, columns, style);
  let done = 0;
  for (const row of rows) {
    table.add(row);
    done += 1;
    await step(done);
  }
  return table.y();
}

/** A table being drawn: its header is down, rows are added one at a time, `y` is below the last. */
interface OpenTable {
  add(row: Row): void;
  y(): number;
}

function startTable(doc: Pdf, frame: Frame, startY: number, columns: Column[], style: TableStyle): OpenTable {
  const pad = style.padding;
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => ((frame.right - frame.left) * c.weight) / total);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const headerCells: Placed[] = columns.map((column, i) => ({
    x: xs[i] as number,
    width: widths[i] as number,
    align: 'center',
    lines: column.header.flatMap((run) => wrap(doc, { bold: true, ...run }, (widths[i] as number) - 2 * pad, style.headerSize)),
  }));
  const withHeader = style.header ?? true;
  const headerHeight = withHeader ? Math.max(...headerCells.map((c) => linesHeight(c.lines))) + 2 * pad : 0;

  const drawCells = (y: number, cells: Placed[], height: number, fill?: string) => {
    for (const cell of cells) {
      if (fill) doc.rect(cell.x, y, cell.width, height).fill(fill);
      doc.lineWidth(RULE).strokeColor('#000000').rect(cell.x, y, cell.width, height).stroke();
      drawLines(doc, cell.lines, cell.x + pad, y + pad, cell.width - 2 * pad, cell.align);
    }
  };
  const drawHeader = (y: number) => {
    if (!withHeader) return y;
    drawCells(y, headerCells, headerHeight, style.headerFill ?? '#e4e4e4');
    return y + headerHeight;
  };
  const freshPage = () => {
    frame.newPage();
    return drawHeader(frame.top);
  };

  const place = (row: Row): Placed[] => {
    let column = 0;
    return row.cells.map((cell) => {
      const span = Math.max(1, Math.min(cell.span ?? 1, columns.length - column));
      const x = xs[column] as number;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      const align = cell.align ?? columns[column]?.align ?? 'left';
      column += span;
      return { x, width, align, lines: cell.runs.flatMap((run) => wrap(doc, run, width - 2 * pad, style.size)) };
    });
  };

  const minimum = lineHeight(style.size) * 2 + 2 * pad;
  let y = startY + headerHeight + minimum > frame.bottom ? freshPage() : drawHeader(startY);
  const pageRoom = frame.bottom - frame.top - headerHeight;

  const add = (row: Row) => {
    const cells = place(row);
    const height = Math.max(...cells.map((c) => linesHeight(c.lines))) + 2 * pad;
    if (y + height <= frame.bottom) {
      drawCells(y, cells, height, row.fill);
      y += height;
      return;
    }
    if (height <= pageRoom) {
      y = freshPage();
      drawCells(y, cells, height, row.fill);
      y += height;
      return;
    }
    // Taller than a page: it starts here if a few lines fit, and carries on over the next pages.
    if (frame.bottom - y < lineHeight(style.size) * 4 + 2 * pad) y = freshPage();
    let rest = cells;
    for (;;) {
      const room = frame.bottom - y - 2 * pad;
      const taken = rest.map((cell) => {
        let used = 0;
        let count = 0;
        while (count < cell.lines.length && used + lineHeight((cell.lines[count] as Line).size) <= room) {
          used += lineHeight((cell.lines[count] as Line).size);
          count += 1;
        }
        return count;
      });
      const part = rest.map((cell, i) => ({ ...cell, lines: cell.lines.slice(0, taken[i]) }));
      const partHeight = Math.max(...part.map((c) => linesHeight(c.lines))) + 2 * pad;
      drawCells(y, part, partHeight, row.fill);
      rest = rest.map((cell, i) => ({ ...cell, lines: cell.lines.slice(taken[i]) }));
      if (rest.every((cell) => cell.lines.length === 0)) {
        y += partHeight;
        break;
      }
      y = freshPage();
    }
  };
  return { add, y: () => y };
}
