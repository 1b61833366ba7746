// Common ground of the printed forms: an A4 document with Noto Sans embedded (so Swahili, "–" and
// "TSh" print alike on every machine and viewer), text wrapped by our own measure so a table knows its
// row heights before drawing, and the formats a form shows.
import type { Language } from '../contract/catalogues/index.ts';
import { formatDay, workingDay } from '../contract/days.ts';
import { fontBytes } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

export const MM = 72 / 25.4;

export interface DocumentMeta {
  layout: 'portrait' | 'landscape';
  language: Language;
  title: string;
  author: string;
  subject: string;
  /** The print time, from the clock: it is the creation date, and it makes the file reproducible. */
  now: Date;
}

export interface PrintedDocument {
  filename: string;
  mime: 'application/pdf';
  base64: string;
}

export async function newDocument(meta: DocumentMeta): Promise<Pdf> {
  // Loaded on first print, not with the route table: a bundle that mishandles PDFKit then fails one
  // print, not the start of the whole core.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout,
    // Pages carry no margins of their own: every form places its text itself, so PDFKit never adds a
    // page behind the layout's back.
    margin: 0,
    // No standard font: PDFKit would read Helvetica's metrics from a file beside its own code, which a
    // bundled app does not ship. Every text names one of the fonts registered below.
    font: null as unknown as string,
    autoFirstPage: false,
    // Page numbers ("1 of 3") are written once the page count is known.
    bufferPages: true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Daftari',
      Producer: 'Daftari',
      CreationDate: meta.now,
      ModDate: meta.now,
    },
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  return doc;
}

/** What PDFKit keeps of a page while pages are buffered, reached for by `sealPagesAsTheyFill`. */
interface BufferedPage {
  content: { buffer: unknown[]; end(): void };
  dictionary: { data: { Contents: unknown } };
}

/** Words a typeface keeps laid out (PDFKit's cache, one entry a word) before it is emptied. */
const WORDS_KEPT = 5_000;

/**
 * For a document of many pages (a report of 50,000 devices is 1,400): each page's text, once the next
 * page starts, is compressed and written out at once as a content stream of its own, and the page goes
 * on with a second stream for what is drawn on it later (its footer, once the page count is known).
 * Without it PDFKit holds every drawing instruction of every page, one small buffer each, until the end:
 * gigabytes for a large register. A page's streams are one to a reader, so the file prints the same.
 * Every page must be drawn on again (a footer) before the document ends: an empty stream is not allowed.
 * The typefaces' memory of words laid out is emptied too once it is large: a register's tags and serial
 * numbers are each printed once, and would otherwise be kept to the end, every one.
 */
export function sealPagesAsTheyFill(doc: Pdf): void {
  const internal = doc as unknown as {
    _pageBuffer: BufferedPage[];
    _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }>;
    ref(): BufferedPage['content'];
  };
  let pages = 0;
  doc.on('pageAdded', () => {
    pages += 1;
    // Counting a cache's words costs as much as a page's few hundred: every tenth page is often enough.
    if (pages % 10 === 0) {
      for (const font of Object.values(internal._fontFamilies)) {
        if (font.layoutCache && Object.keys(font.layoutCache).length > WORDS_KEPT) font.layoutCache = Object.create(null) as Record<string, unknown>;
      }
    }
    const previous = internal._pageBuffer[internal._pageBuffer.length - 2];
    if (!previous || previous.content.buffer.length === 0) return;
    const filled = previous.content;
    filled.end();
    previous.content = internal.ref();
    previous.dictionary.data.Contents = [filled, previous.content];
  });
}

export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export async function printed(doc: Pdf, filename: string): Promise<PrintedDocument> {
  return { filename, mime: 'application/pdf', base64: (await toBuffer(doc)).toString('base64') };
}

/** A file name safe on Windows and Linux, from words that may hold a tag like "WF/IT/2026/7". */
export function safeFilename(name: string): string {
  return name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-(?=\.pdf$)/g, '');
}

// The Latin subset of Noto Sans: Latin-1, general punctuation, €, ™, −. Anything else would print as an
// empty box, so it loses its accent (NFKD) or, failing that, becomes "?".
function covered(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    [0x131, 0x152, 0x153, 0x2bb, 0x2bc, 0x2c6, 0x2da, 0x2dc, 0x20ac, 0x2122, 0x2212].includes(code) ||
    (code >= 0x2000 && code <= 0x206f)
  );
}

export function printable(text: string): string {
  let out = '';
  for (const char of text.replace(/\t/g, ' ')) {
    const code = char.codePointAt(0) as number;
    if (covered(code)) out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else {
      const bare = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...bare].every((c) => covered(c.codePointAt(0) as number)) && bare ? bare : '?';
    }
  }
  return out;
}

/** One paragraph of a cell or block: wrapped to the width it is given. */
export interface Run {
  text: string;
  bold?: boolean;
  size?: number;
  color?: string;
}

export interface Line {
  text: string;
  bold: boolean;
  size: number;
  color: string;
}

export const INK = '#000000';
export const GREY = '#555555';
export const LINE_GAP = 1.22;
/** Noto Sans's ascent, in em. */
const NOTO_ASCENT = 1.069;

export function lineHeight(size: number): number {
  return size * LINE_GAP;
}

function measure(doc: Pdf, text: string, bold: boolean, size: number): number {
  return doc.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
}

// A period's book measures the same words thousands of times; at 1 pt a word's width is kept per font,
// up to a bound: a register's tags and serial numbers are each measured once, and would fill it forever.
const wordWidths = new WeakMap<Pdf, Map<string, number>>();
const WIDTHS_KEPT = 20_000;
function wordWidth(doc: Pdf, word: string, bold: boolean, size: number): number {
  let widths = wordWidths.get(doc);
  if (!widths || widths.size >= WIDTHS_KEPT) {
    widths = new Map();
    wordWidths.set(doc, widths);
  }
  const key = `${bold ? 'b' : 'r'}${word}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = measure(doc, word, bold, 1);
    widths.set(key, width);
  }
  return width * size;
}

/** Greedy word wrap; a word wider than the line (a serial number, a URL) is cut where it must be. */
export function wrap(doc: Pdf, run: Run, width: number, defaultSize: number): Line[] {
  const bold = run.bold ?? false;
  const size = run.size ?? defaultSize;
  const color = run.color ?? INK;
  const fits = (text: string) => measure(doc, text, bold, size) <= width;
  const space = wordWidth(doc, ' ', bold, size);
  const lines: string[] = [];
  for (const hard of run.text.split(/\r?\n/).map(printable)) {
    let current = '';
    let used = 0;
    for (const word of hard.split(/ +/).filter((w, i, all) => w !== '' || all.length === 1)) {
      const wide = wordWidth(doc, word, bold, size);
      const next = current ? used + space + wide : wide;
      if (next <= width) {
        current = current ? `${current} ${word}` : word;
        used = next;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      used = 0;
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        // A tag or a reference reads better cut after one of its separators: "WF/IT/2024/" "0007".
        const separator = Math.max(...['/', '-', '_', '.', ','].map((s) => rest.lastIndexOf(s, cut - 1)));
        if (separator > 0) cut = separator + 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
      used = measure(doc, rest, bold, size);
    }
    lines.push(current);
  }
  return lines.map((text) => ({ text, bold, size, color }));
}

export function linesHeight(lines: Line[]): number {
  return lines.reduce((sum, line) => sum + lineHeight(line.size), 0);
}

export type Align = 'left' | 'right' | 'center';

/** Draws wrapped lines from (x, y) within `width`; returns the y below the last one. */
export function drawLines(doc: Pdf, lines: Line[], x: number, y: number, width: number, align: Align = 'left'): number {
  let top = y;
  for (const line of lines) {
    if (line.text) {
      const w = measure(doc, line.text, line.bold, line.size);
      const left = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x;
      // PDFKit places text by the top of the font's ascent; the baseline goes 0.95 em into the line box.
      doc.fillColor(line.color).text(line.text, left, top + (0.95 - NOTO_ASCENT) * line.size, { lineBreak: false });
    }
    top += lineHeight(line.size);
  }
  return top;
}

/** Wraps and draws one block of paragraphs; returns the y below it. */
export function drawBlock(doc: Pdf, runs: Run[], x: number, y: number, width: number, size: number, align: Align = 'left'): number {
  return drawLines(doc, runs.flatMap((run) => wrap(doc, run, width, size)), x, y, width, align);
}

/** The day a form is printed, as people in Dar es Salaam read it: dd/MM/yyyy. */
export function formatPrintDay(now: Date): string {
  return formatDay(workingDay(now));
}

/** Shillings with thousands separated by commas, as on Tanzanian government forms: 1,250,000. */
export function formatTzs(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
