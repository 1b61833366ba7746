// How a report looks on paper when a ruled table of its columns is not all the paper says. The printed
// Service Maintenance Log Book is the case in point: a device's page opens with the device's
// particulars, its cells hold several lines (a part and its price, who reported the fault, "to date"
// under the days of a repair still open), it has a numbered column and one left blank for a signature,
// and a period's book closes with a summary. The area declares this beside its columns; the shared
// engine (pdf.ts) draws every report, plain or laid out, the same way.
import type { Align, Run } from '../documents/pdf.ts';
import type { CellValue, ColumnKind, RegisterSource, Words } from './register.ts';

/** A column of the printed table. */
export interface PrintColumn<Row> {
  /** One of the report's columns, whose value is printed and added up; or the page's own (a number, a signature). */
  key: string;
  /** Catalogue key of the heading; the report column's heading when not given. */
  header?: string;
  /** Share of the table's width: a laid-out report fixes its columns, as the paper form does. */
  weight: number;
  align?: Align;
  /** What the cell says when its value alone would say too little; `number` counts the rows from 1. */
  runs?(row: Row, words: Words, number: number): Run[];
}

/** One labelled box of a lead's grid: "Serial number" above "5CD2143XYZ". */
export interface Particular {
  label: string;
  value: string;
  /** Boxes of the grid this one covers. */
  span?: number;
  /** Bold unless the value is a list or a sentence. */
  strong?: boolean;
}

/** What comes before the table: a heading, a grid of particulars, a warning nobody may miss, the table's own heading. */
export interface Lead {
  heading: string;
  rows: Particular[][];
  warning: string | null;
  records: string;
}

/** The words at the top of the first page and of every other page, when the report's title and its filters do not say it as the paper does. */
export interface PrintHeading {
  title?: string;
  subtitle?: string;
  runningHead?: string;
  /** The PDF's own title, shown by a reader's window. */
  documentTitle?: string;
}

/** What the rows add up to besides the totals row: a summary table after it and a note in every footer. */
export interface Tally<Row> {
  add(row: Row): void;
  summary(): { heading: string; lines: { label: string; value: string; strong?: boolean }[] } | null;
  footnote(): string;
}

export interface PrintLayout<Row, Filters> {
  /** The guideline's clause the paper keeps, in the head's top right corner; in words. */
  clause?(words: Words): string;
  heading?(source: RegisterSource, filters: Filters, words: Words): PrintHeading;
  lead?(source: RegisterSource, filters: Filters, words: Words): Lead | null;
  columns(filters: Filters): readonly PrintColumn<Row>[];
  /** The totals row's label, which may count the rows ("TOTAL — 3 entries"). */
  totalsLabel?(rows: number, words: Words): string;
  /** Said in place of rows when there are none. */
  empty?(filters: Filters, words: Words): string;
  tally?(source: RegisterSource, filters: Filters, words: Words): Tally<Row>;
  /** Catalogue keys: who signs under the certification, and the sentence they sign. */
  signers?: readonly string[];
  statement?: string;
  /** The records the page's witness names (db/documents/witness.ts), so a check can tell they are unchanged. */
  witnessed?(filters: Filters): string[];
  /** Point size of the table's text; the engine's own when not given. */
  size?: number;
}

/** A printed column with its row type hidden. */
export interface PrintedColumn {
  header: string;
  kind: ColumnKind;
  /** null: the engine sizes the column from its text. */
  weight: number | null;
  align: Align;
  totalled: boolean;
}

/** A printed row: the values (for the totals and for plain cells) and, where the layout says more, the lines to print. */
export interface PrintedRow {
  values: CellValue[];
  runs: (Run[] | null)[];
}

/** One printing of a report, everything resolved: what the PDF engine draws. */
export interface Printing {
  heading: PrintHeading;
  clause: string;
  lead: Lead | null;
  columns: PrintedColumn[];
  rows: Iterable<PrintedRow>;
  totalsLabel(rows: number): string;
  empty: string;
  /** Read once every row has been drawn. */
  summary(): ReturnType<Tally<unknown>['summary']>;
  footnote(): string;
  signers: readonly string[];
  statement: string;
  witnessed: string[];
  size: number | null;
}

export function alignOf(kind: ColumnKind): Align {
  return kind === 'money' || kind === 'number' ? 'right' : 'left';
}

interface Erasable<Row, Filters> {
  key: string;
  columns: readonly { key: string; header: string; kind: ColumnKind; value(row: Row, words: Words): CellValue }[];
  printed: readonly string[];
  totals: readonly string[];
  rows(source: RegisterSource, filters: Filters): Iterable<Row>;
  print?: PrintLayout<Row, Filters>;
}

/** The layout of a report that declares none: its printed columns, sized from their text, under the engine's own words. */
function plainColumns<Row>(printed: readonly string[]): PrintColumn<Row>[] {
  return printed.map((key) => ({ key, weight: 0 }));
}

/** A report's printing for these filters, in these words: columns resolved, rows turned into cells as they are drawn. */
export function printingOf<Row, Filters>(register: Erasable<Row, Filters>, source: RegisterSource, filters: Filters, words: Words): Printing {
  const layout = register.print;
  const declared = layout ? layout.columns(filters) : plainColumns<Row>(register.printed);
  const columns = declared.map((printed) => {
    const column = register.columns.find((c) => c.key === printed.key);
    if (!column && !printed.header) throw new Error(`report ${register.key} prints ${printed.key}, which is neither one of its columns nor has a heading of its own`);
    const kind: ColumnKind = column?.kind ?? 'text';
    return {
      printed,
      column,
      shape: {
        header: words.t(printed.header ?? column?.header ?? ''),
        kind,
        weight: layout ? printed.weight : null,
        align: printed.align ?? alignOf(kind),
        totalled: register.totals.includes(printed.key),
      } satisfies PrintedColumn,
    };
  });
  const tally = layout?.tally?.(source, filters, words);
  const lead = layout?.lead?.(source, filters, words) ?? null;
  const heading = layout?.heading?.(source, filters, words) ?? {};
  return {
    heading,
    clause: layout?.clause?.(words) ?? '',
    lead,
    columns: columns.map((c) => c.shape),
    rows: {
      *[Symbol.iterator]() {
        let number = 0;
        for (const row of register.rows(source, filters)) {
          number += 1;
          tally?.add(row);
          yield {
            values: columns.map(({ column }) => (column ? column.value(row, words) : null)),
            runs: columns.map(({ printed }) => printed.runs?.(row, words, number) ?? null),
          };
        }
      },
    },
    totalsLabel: (rows) => layout?.totalsLabel?.(rows, words) ?? words.t('registers.totals'),
    empty: layout?.empty?.(filters, words) ?? words.t('registers.pdf.empty'),
    summary: () => tally?.summary() ?? null,
    footnote: () => tally?.footnote() ?? '',
    signers: layout?.signers ?? ['registers.pdf.prepared-by', 'registers.pdf.checked-by'],
    statement: layout?.statement ?? 'registers.pdf.statement',
    witnessed: layout?.witnessed?.(filters) ?? [],
    size: layout?.size ?? null,
  };
}
