// The frame of a government form: the Republic and the institution at the head of the first page, a
// running head on the pages after it, and on every page a footer with the print date and "page n of m".
import type { Translate } from '../contract/catalogues/index.ts';
import type { Institution } from '../store/schema.ts';
import { drawBlock, drawLines, GREY, INK, lineHeight, linesHeight, MM, wrap, type Pdf, type Run } from './pdf.ts';
import { QUIET_MODULES, qrRuns } from './qr.ts';
import { witnessCode, witnessQrText, type Witness } from './witness.ts';
import type { Frame } from './table.ts';

export const MARGIN = 12 * MM;
const FOOTER_ROOM = 10 * MM;
/** The records' witness stands in the top left corner of every page: its QR code, and its code below. */
const WITNESS_QR_SIDE = 11 * MM;
const WITNESS_CODE_SIZE = 6;
/** Where a later page's content starts: below the running head, or below the witness when there is one. */
const LATER_TOP = 18;
const LATER_TOP_WITH_WITNESS = WITNESS_QR_SIDE + 16;

export interface Form {
  doc: Pdf;
  t: Translate;
  institution: Institution;
  /** The form's name in capitals, and the words under it. */
  title: string;
  subtitle: string;
  /** Says on each later page which device or period the page belongs to. */
  runningHead: string;
  /** Left part of the footer, after the print date. */
  footerNote: string;
  printedOn: string;
  printedBy: string;
  /** The head of the records when printed (db/documents/witness.ts), on every page's footer; none on a fixed pack. */
  witness?: Witness | null;
}



/** The area a form's content may use on the current page. */
export function frameOf(form: Form): Frame {
  const page = form.doc.page;
  return {
    left: MARGIN,
    right: page.width - MARGIN,
    bottom: page.height - FOOTER_ROOM - 2,
    top: MARGIN + (form.witness ? LATER_TOP_WITH_WITNESS : LATER_TOP),
    newPage: () => {
      form.doc.addPage();
      drawRunningHead(form);
    },
  };
}

/** First page: the Republic, the institution, its address, a rule, the title. Returns the y below. */
export function drawFormHead(form: Form, clause: string): number {
  const { doc, t } = form;
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  drawWitness(form);
  // The clause sits in the top right corner, clear of the centred lines whatever its length.
  const clauseWidth = Math.min(210, width / 2 - 150);
  drawBlock(doc, [{ text: clause, size: 7, color: GREY }], left + width - clauseWidth, MARGIN - 4, clauseWidth, 7, 'right');
  let y = MARGIN;
  y = drawBlock(doc, [{ text: t('documents.form.republic'), bold: true, size: 11 }], left, y, width, 11, 'center');
  y = drawBlock(doc, [{ text: form.institution.name.toLocaleUpperCase('sw'), bold: true, size: 13 }], left, y + 1, width, 13, 'center');
  if (form.institution.postal_address) y = drawBlock(doc, [{ text: form.institution.postal_address, size: 9.5 }], left, y, width, 9.5, 'center');
  y += 4;
  doc.lineWidth(1.2).strokeColor('#000000').moveTo(left, y).lineTo(left + width, y).stroke();
  doc.lineWidth(0.4).moveTo(left, y + 2).lineTo(left + width, y + 2).stroke();
  y += 8;
  y = drawBlock(doc, [{ text: form.title, bold: true, size: 14 }], left, y, width, 14, 'center');
  y = drawBlock(doc, [{ text: form.subtitle, size: 9.5, color: GREY }], left, y, width, 9.5, 'center');
  return y + 6;
}

function drawRunningHead(form: Form): void {
  const { doc } = form;
  // Beside the witness, when there is one.
  const left = MARGIN + (form.witness ? WITNESS_QR_SIDE + 6 : 0);
  const width = doc.page.width - MARGIN - left;
  drawWitness(form);
  const lines = wrap(doc, { text: `${form.institution.name} — ${form.runningHead}`, size: 8.5, color: GREY }, width, 8.5).slice(0, 1);
  drawLines(doc, lines, left, MARGIN, width);
  doc.lineWidth(0.4).strokeColor('#000000').moveTo(left, MARGIN + 12).lineTo(left + width, MARGIN + 12).stroke();
}

/**
 * The head of the records when the form was printed (issue 12), in the page's top left corner: a QR
 * code for a scanner and the code a person types, for "Check a printed page".
 */
export function drawWitness(form: Form): void {
  const { doc, t, witness } = form;
  if (!witness) return;
  const top = MARGIN - 6;
  drawQrSquare(doc, witnessQrText(witness), MARGIN - 1, top, WITNESS_QR_SIDE);
  drawBlock(doc, [{ text: t('documents.form.witness', { code: witnessCode(witness) }), bold: true, size: WITNESS_CODE_SIZE }], MARGIN, top + WITNESS_QR_SIDE, 40 * MM, WITNESS_CODE_SIZE);
}

/** Written last, once the page count is known, on every page. */
export function drawFooters(form: Form): void {
  const range = form.doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) drawFooter(form, i);
}

/**
 * The footer of page `i` (from 0), for a long document whose job pauses between pages; the page count
 * must be known, so every other page is drawn first.
 */
export function drawFooter(form: Form, i: number): void {
  const { doc, t } = form;
  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start + i);
  const width = doc.page.width - 2 * MARGIN;
  const y = doc.page.height - FOOTER_ROOM + 3;
  doc.lineWidth(0.4).strokeColor('#000000').moveTo(MARGIN, y - 3).lineTo(MARGIN + width, y - 3).stroke();
  const page = t('documents.form.page', { page: i + 1, pages: range.count });
  const pageRuns: Run[] = [{ text: page, bold: true, size: 8 }];
  const pageWidthPt = doc.font('bold').fontSize(8).widthOfString(page) + 4;
  const note = t('documents.form.printed', { date: form.printedOn, name: form.printedBy }) + (form.footerNote ? ` · ${form.footerNote}` : '');
  const noteLines = wrap(doc, { text: note, size: 7.5, color: GREY }, width - pageWidthPt - 12, 7.5).slice(0, 2);
  drawLines(doc, noteLines, MARGIN, y, width - pageWidthPt - 12);
  drawBlock(doc, pageRuns, MARGIN + width - pageWidthPt, y, pageWidthPt, 8, 'right');
}

/** A QR code as vector squares, quiet zone included in `side`. */
export function drawQrSquare(doc: Pdf, text: string, x: number, y: number, side: number): void {
  const qr = qrRuns(text);
  const module = side / (qr.size + 2 * QUIET_MODULES);
  const origin = QUIET_MODULES * module;
  for (const run of qr.runs) doc.rect(x + origin + run.col * module, y + origin + run.row * module, run.length * module, module * 1.02);
  doc.fill(INK);
}

/**
 * The closing block: a sentence of certification, then name, signature and date lines for each
 * signatory, and a box for the institution's stamp. Moves to a new page if it does not fit.
 */
export function drawCertification(form: Form, y: number, signatories: string[]): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  // The heading word and the sentence share a line, as on the paper forms.
  const title = t('documents.certify.title');
  const titleWidth = doc.font('bold').fontSize(10.5).widthOfString(title) + 8;
  const statement = wrap(doc, { text: t('documents.certify.statement'), size: 9.5 }, width - titleWidth, 9.5);
  const rowGap = 14;
  const blockHeight = lineHeight(10) + 3 * rowGap + 4;
  let top = y + 10;
  if (top + linesHeight(statement) + 6 + blockHeight > frame.bottom) {
    frame.newPage();
    top = frame.top + 6;
  }
  drawBlock(doc, [{ text: title, bold: true, size: 10.5 }], frame.left, top - 1, titleWidth, 10.5);
  const cursor = drawLines(doc, statement, frame.left + titleWidth, top, width - titleWidth) + 6;

  const stampWidth = 50 * MM;
  const gap = 10 * MM;
  const columnWidth = (width - stampWidth - gap * signatories.length) / signatories.length;
  const lineSize = 9.5;
  signatories.forEach((who, i) => {
    const x = frame.left + i * (columnWidth + gap);
    let row = drawBlock(doc, [{ text: who, bold: true, size: 10 }], x, cursor, columnWidth, 10);
    for (const label of [t('documents.certify.name'), t('documents.certify.signature'), t('documents.certify.date')]) {
      row += rowGap;
      const labelWidth = doc.font('regular').fontSize(lineSize).widthOfString(`${label}:`) + 6;
      drawBlock(doc, [{ text: `${label}:`, size: lineSize }], x, row - lineHeight(lineSize), labelWidth, lineSize);
      doc.lineWidth(0.5).strokeColor('#000000').dash(1.5, { space: 1.5 }).moveTo(x + labelWidth, row).lineTo(x + columnWidth, row).stroke().undash();
    }
  });
  const stampX = frame.right - stampWidth;
  doc.lineWidth(0.5).strokeColor('#000000').dash(3, { space: 2 }).rect(stampX, cursor, stampWidth, blockHeight).stroke().undash();
  drawBlock(doc, [{ text: t('documents.certify.stamp'), size: 8, color: GREY }], stampX, cursor + 3, stampWidth, 8, 'center');
  return cursor + blockHeight;
}
