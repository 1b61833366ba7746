// Asset labels: sheets of self-adhesive labels, each with a QR code holding exactly the device's tag (so
// any phone scanner reads the tag back), the tag in large print, the institution and the category.
import type { z } from 'zod';
import { findAssetRow } from '../assets/queries.ts';
import { translator } from '../contract/catalogues/index.ts';
import { LABEL_PRESETS, type LabelPreset, type LabelsInput } from './contract.ts';
import type { CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { getInstitution } from '../institution/queries.ts';
import type { AssetRow } from '../store/schema.ts';
import { QUIET_MODULES, qrRuns, type QrRun } from '../documents/qr.ts';
import { drawLines, linesHeight, MM, newDocument, printed, safeFilename, wrap, type Line, type Pdf, type PrintedDocument } from '../documents/pdf.ts';
import { categoryNamer } from './queries.ts';

export { QUIET_MODULES, qrRuns, type QrRun } from '../documents/qr.ts';

/** Nothing is printed nearer the paper's edge than most office printers reach. */
const PRINTER_REACH = 5 * MM;
const LABEL_PADDING = 2.5 * MM;
/** Die-cut sheets are not cut to the hundredth of a millimetre. */
const LABEL_INSET = 0.5 * MM;

export interface LabelBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The QR code's square, quiet zone included, and the side of one module. */
  qr: { x: number; y: number; side: number; module: number };
  text: { x: number; y: number; width: number; height: number };
}

/** Where label number `index` (0-based, counting the skipped ones) falls, in points. */
export function labelBox(preset: LabelPreset, index: number, modules: number): LabelBox {
  const sheet = LABEL_PRESETS[preset];
  const perSheet = sheet.across * sheet.down;
  const position = index % perSheet;
  const x = (sheet.left + (position % sheet.across) * sheet.pitch_x) * MM;
  const y = (sheet.top + Math.floor(position / sheet.across) * sheet.pitch_y) * MM;
  const width = sheet.width * MM;
  const height = sheet.height * MM;
  const pageWidth = 210 * MM;
  const pageHeight = 297 * MM;

  // The quiet zone may run to the label's edge, and into the paper's unprintable rim: it is blank. The
  // dark modules may not.
  const side = Math.min(height - 2 * LABEL_INSET, width * 0.5);
  const module = side / (modules + 2 * QUIET_MODULES);
  const quiet = QUIET_MODULES * module;
  const qrX = Math.max(x + LABEL_INSET, PRINTER_REACH - quiet);
  const qrY = Math.min(Math.max(y + (height - side) / 2, PRINTER_REACH - quiet), pageHeight - PRINTER_REACH + quiet - side);

  const textX = qrX + side;
  const right = Math.min(x + width - LABEL_PADDING, pageWidth - PRINTER_REACH);
  const top = Math.max(y + LABEL_PADDING, PRINTER_REACH);
  const bottom = Math.min(y + height - LABEL_PADDING, pageHeight - PRINTER_REACH);
  return {
    page: Math.floor(index / perSheet),
    x,
    y,
    width,
    height,
    qr: { x: qrX, y: qrY, side, module },
    text: { x: textX, y: top, width: right - textX, height: bottom - top },
  };
}

function drawQr(doc: Pdf, box: LabelBox['qr'], qr: { runs: QrRun[] }): void {
  const origin = QUIET_MODULES * box.module;
  for (const run of qr.runs) {
    // A hair of overlap between rows keeps viewers from showing seams between touching rectangles.
    doc.rect(box.x + origin + run.col * box.module, box.y + origin + run.row * box.module, run.length * box.module, box.module * 1.02);
  }
  doc.fill('#000000');
}

/** The tag as large as `largest` allows on one line, down to 9 pt; smaller than that, it takes two
 * lines, cut after a separator ("MAJI/ICT/2026/" "00001"). */
function tagLines(doc: Pdf, tag: string, width: number, largest: number): Line[] {
  for (let size = largest; size >= 9; size -= 0.5) {
    const lines = wrap(doc, { text: tag, bold: true, size }, width, size);
    if (lines.length === 1) return lines;
  }
  for (let size = Math.min(largest, 13); size > 6; size -= 0.5) {
    const lines = wrap(doc, { text: tag, bold: true, size }, width, size);
    if (lines.length <= 2) return lines;
  }
  return wrap(doc, { text: tag, bold: true, size: 6 }, width, 6);
}

/** At most `count` lines; what does not fit ends in "…". */
function atMost(doc: Pdf, lines: Line[], count: number, width: number): Line[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  const last = kept[count - 1] as Line;
  let text = `${last.text}…`;
  while (text.length > 1 && doc.font(last.bold ? 'bold' : 'regular').fontSize(last.size).widthOfString(text) > width) text = `${text.slice(0, -2)}…`;
  kept[count - 1] = { ...last, text };
  return kept;
}

/** The institution as large as three lines allow, down to 6 pt. */
function institutionLines(doc: Pdf, name: string, width: number): Line[] {
  for (let size = 7.5; size >= 6; size -= 0.5) {
    const lines = wrap(doc, { text: name, bold: true, size }, width, size);
    if (lines.length <= 3 || size === 6) return atMost(doc, lines, 3, width);
  }
  return [];
}

const GAP = 1.2 * MM;

/** The label's words, the tag as large as the label's height leaves room for. */
function labelText(doc: Pdf, box: LabelBox['text'], institution: string, tag: string, category: string, property: string): Line[][] {
  const { width, height } = box;
  const name = institutionLines(doc, institution, width);
  const under = [
    ...atMost(doc, wrap(doc, { text: category, size: 8.5 }, width, 8.5), 2, width),
    ...atMost(doc, wrap(doc, { text: property, size: 6.5, color: '#333333' }, width, 6.5), 1, width),
  ];
  let blocks: Line[][] = [];
  for (let largest = 20; largest >= 7; largest -= 1) {
    blocks = [name, tagLines(doc, tag, width, largest), under];
    if (blocks.reduce((sum, b) => sum + linesHeight(b), 0) + 2 * GAP <= height) return blocks;
  }
  return blocks;
}

function drawLabel(doc: Pdf, box: LabelBox, asset: AssetRow, institution: string, category: string, property: string, qr: { runs: QrRun[] }): void {
  drawQr(doc, box.qr, qr);
  const blocks = labelText(doc, box.text, institution, asset.tag, category, property);
  const total = blocks.reduce((sum, b) => sum + linesHeight(b), 0) + GAP * (blocks.length - 1);
  let y = box.text.y + Math.max(0, (box.text.height - total) / 2);
  for (const block of blocks) y = drawLines(doc, block, box.text.x, y, box.text.width) + GAP;
}

export async function assetLabels(ctx: CallContext, input: z.output<typeof LabelsInput>): Promise<PrintedDocument> {
  const t = translator(input.language);
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const assets = input.asset_ids.map((id) => findAssetRow(ctx.store, id) ?? refuse('asset-not-found', undefined, { asset_ids: 'errors.asset-not-found' }));
  const categoryName = categoryNamer(ctx.store, t, input.language);
  const doc = await newDocument({
    layout: 'portrait',
    language: input.language,
    title: t('documents.labels.pdf-title', { count: assets.length }),
    author: institution.name,
    subject: t('documents.labels.pdf-title', { count: assets.length }),
    now: ctx.clock.now(),
  });
  const property = t('documents.labels.property');
  const codes = new Map<string, ReturnType<typeof qrRuns>>();
  let page = -1;
  assets.forEach((asset, i) => {
    const qr = codes.get(asset.tag) ?? qrRuns(asset.tag);
    codes.set(asset.tag, qr);
    const box = labelBox(input.preset, input.skip + i, qr.size);
    while (page < box.page) {
      doc.addPage();
      page += 1;
    }
    drawLabel(doc, box, asset, institution.name, categoryName(asset.category), property, qr);
  });
  return printed(doc, safeFilename(t('documents.labels.filename', { count: assets.length })));
}
