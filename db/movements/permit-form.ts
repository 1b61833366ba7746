// The permit (Kibali) a public servant carries out of the office with devices holding government data
// (3.6.11): the holder, the devices, where and until when, who approved it, and a QR code with the
// permit number and its verification code, which the gate checks offline (`permits.check`).
import type { z } from 'zod';
import { categoryNamer } from '../assets/queries.ts';
import { qrRuns, QUIET_MODULES } from '../assets/labels-form.ts';
import { today } from '../assets/typed-dates.ts';
import { translator } from '../contract/catalogues/index.ts';
import { formatDate, formatDay } from '../contract/days.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { printWitness } from '../documents/witness.ts';
import { drawFooters, drawFormHead, frameOf, MARGIN, type Form } from '../documents/form.ts';
import { drawBlock, drawLines, formatPrintDay, GREY, lineHeight, MM, newDocument, printed, safeFilename, wrap, type PrintedDocument, type Run } from '../documents/pdf.ts';
import { drawTable, type Cell, type Column, type Row } from '../documents/table.ts';
import { getInstitution } from '../institution/queries.ts';
import { groupCode, needsJustification, permitText, type PermitPrintInput } from './contract.ts';
import { findMovement } from './queries.ts';

const RED = '#b00000';
const DASH = '—';
/** What the QR square takes on the page, quiet zone included. */
const QR_SIDE = 38 * MM;

function orDash(text: string): string {
  return text.trim() ? text : DASH;
}

function drawQr(form: Form, text: string, x: number, y: number): void {
  const { doc } = form;
  const qr = qrRuns(text);
  const module = QR_SIDE / (qr.size + 2 * QUIET_MODULES);
  const origin = QUIET_MODULES * module;
  for (const run of qr.runs) doc.rect(x + origin + run.col * module, y + origin + run.row * module, run.length * module, module * 1.02);
  doc.fill('#000000');
}

/** `y`, or the top of a new page when `height` more would run into the footer. */
function roomFor(form: Form, y: number, height: number): number {
  const frame = frameOf(form);
  if (y + height <= frame.bottom) return y;
  frame.newPage();
  return frame.top + 6;
}

/** A section's heading, kept on the same page as the first row under it. */
function sectionHeading(form: Form, y: number, text: string): number {
  const frame = frameOf(form);
  const top = roomFor(form, y, lineHeight(10.5) + 48);
  return drawBlock(form.doc, [{ text, bold: true, size: 10.5 }], frame.left, top, frame.right - frame.left, 10.5) + 3;
}

export async function permitForm(ctx: CallContext, input: z.output<typeof PermitPrintInput>): Promise<PrintedDocument> {
  const permit = findMovement(ctx.store, input.request_id, today(ctx)) ?? refuse('movement-not-found');
  // A permit is printed for what the Accounting Officer approved and has not withdrawn.
  if (permit.state !== 'approved' && permit.state !== 'checked_out') refuse('movement-not-printable', { permit: permit.permit_no });
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const t = translator(input.language);
  const w = (key: string, params?: Record<string, string | number>) => t(`movements_ui.permit.${key}`, params);
  const now = ctx.clock.now();
  const doc = await newDocument({
    layout: 'portrait',
    language: input.language,
    title: w('pdf-title', { permit: permit.permit_no }),
    author: institution.name,
    subject: w('clause'),
    now,
  });
  const form: Form = {
    doc,
    t,
    institution,
    title: w('title'),
    subtitle: w('subtitle'),
    runningHead: w('running-head', { permit: permit.permit_no }),
    footerNote: w('footer'),
    printedOn: formatPrintDay(now),
    printedBy: signedIn(ctx).display_name,
    witness: printWitness(ctx.store, [permit.id]),
  };
  doc.addPage();
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  let y = drawFormHead(form, w('clause'));

  // The permit's number and what the gate checks, beside its QR code.
  const boxTop = y + 2;
  const qrX = frame.right - QR_SIDE;
  const textWidth = width - QR_SIDE - 8;
  let left = boxTop + 6;
  left = drawBlock(doc, [{ text: w('number'), size: 8.5, color: GREY }], frame.left + 8, left, textWidth, 8.5);
  left = drawBlock(doc, [{ text: permit.permit_no, bold: true, size: 17 }], frame.left + 8, left, textWidth, 17) + 4;
  left = drawBlock(doc, [{ text: w('code'), size: 8.5, color: GREY }], frame.left + 8, left, textWidth, 8.5);
  left = drawBlock(doc, [{ text: groupCode(permit.verification_code), bold: true, size: 15 }], frame.left + 8, left, textWidth, 15) + 4;
  left = drawBlock(doc, [{ text: w('check-how'), size: 8.5 }], frame.left + 8, left, textWidth - 8, 8.5);
  drawQr(form, permitText(permit.permit_no, permit.verification_code), qrX, boxTop);
  const boxBottom = Math.max(left + 6, boxTop + QR_SIDE);
  doc.lineWidth(1).strokeColor('#000000').rect(frame.left, boxTop, width, boxBottom - boxTop).stroke();
  y = boxBottom + 12;

  const field = (label: string, value: string, span = 1): Cell => ({
    span,
    runs: [{ text: label, size: 7.5, color: GREY }, { text: orDash(value), bold: true, size: 9.5 }],
  });
  const grid = (rows: Row[]) => {
    const columns: Column[] = Array.from({ length: 3 }, () => ({ header: [], weight: 1 }));
    return drawTable(doc, frame, y, columns, rows, { size: 9.5, headerSize: 8, padding: 4, header: false });
  };

  y = sectionHeading(form, y, w('holder-section'));
  y = grid([{ cells: [field(w('holder'), permit.holder_name), field(w('check-number'), permit.holder_check_number), field(w('holder-title'), permit.holder_title)] }]);

  y = sectionHeading(form, y + 10, w('trip-section'));
  y = grid([
    { cells: [field(w('purpose'), permit.purpose, 2), field(w('destination'), permit.destination)] },
    { cells: [field(w('date-out'), formatDay(permit.date_out)), field(w('due-on'), formatDay(permit.due_on)), field(w('classification'), t(`classifications.${permit.classification}`))] },
    { cells: [field(w('data-held'), permit.data_held, 3)] },
  ]);

  y = sectionHeading(form, y + 10, w('devices-section', { count: permit.devices.length }));
  const categoryName = categoryNamer(ctx.store, t, input.language);
  const h = (key: string): Run[] => [{ text: w(`columns.${key}`) }];
  y = drawTable(
    doc,
    frame,
    y,
    [
      { header: h('number'), weight: 1, align: 'center' },
      { header: h('tag'), weight: 5 },
      { header: h('device'), weight: 6 },
      { header: h('serial'), weight: 4.5 },
      { header: h('classification'), weight: 3.5 },
    ],
    permit.devices.map((device, i) => ({
      cells: [
        { runs: [{ text: String(i + 1) }] },
        { runs: [{ text: device.tag, bold: true }] },
        { runs: [{ text: orDash([device.make, device.model].filter(Boolean).join(' ')) }, { text: categoryName(device.category), size: 7.5, color: GREY }] },
        { runs: [{ text: orDash(device.serial) }] },
        {
          runs: [
            needsJustification(device.classification)
              ? { text: t(`classifications.${device.classification}`), bold: true, color: RED }
              : { text: t(`classifications.${device.classification}`) },
          ],
        },
      ],
    })),
    { size: 9, headerSize: 8, padding: 4 },
  );

  // 3.2.3: secret and top secret go out only on the Accounting Officer's written justification.
  if (permit.needs_justification) {
    const runs: Run[] = [
      { text: `! ${t('classifications.offline-warning')}`, bold: true, size: 9.5, color: RED },
      { text: w('justification', { text: orDash(permit.justification) }), size: 9.5 },
    ];
    const lines = runs.flatMap((run) => wrap(doc, run, width - 16, 9.5));
    y = roomFor(form, y + 8, lines.reduce((sum, line) => sum + lineHeight(line.size), 0) + 10);
    const inner = drawBlock(doc, runs, frame.left + 8, y + 5, width - 16, 9.5);
    doc.lineWidth(2).strokeColor(RED).rect(frame.left, y, width, inner - y + 4).stroke();
    doc.strokeColor('#000000');
    y = inner + 4;
  }

  y = sectionHeading(form, y + 10, w('approval-section'));
  y = grid([
    {
      cells: [
        field(w('approved-by'), `${permit.decided_by_name} (${institution.accounting_officer_title || t('roles.accounting_officer')})`),
        field(w('approved-on'), formatDate(permit.decided_at)),
        field(w('prepared-by'), permit.prepared_by_name),
      ],
    },
  ]);
  const rules = wrap(doc, { text: w('rules'), size: 8.5 }, width, 8.5);
  y = drawLines(doc, rules, frame.left, roomFor(form, y + 6, rules.length * lineHeight(8.5)), width);

  drawSignatures(form, y + 8, [w('sign-holder'), w('sign-ict'), w('sign-approver')]);
  drawFooters(form);
  return printed(doc, safeFilename(w('filename', { permit: permit.permit_no })));
}

/** Name, signature and date lines for each signatory, side by side; a new page if they do not fit. */
function drawSignatures(form: Form, y: number, signatories: string[]): void {
  const { doc, t } = form;
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  const rowGap = 18;
  const height = lineHeight(10) + 3 * rowGap + 4;
  let top = y;
  if (top + height > frame.bottom) {
    frame.newPage();
    top = frame.top + 6;
  }
  const gap = 8 * MM;
  const column = (width - gap * (signatories.length - 1)) / signatories.length;
  signatories.forEach((who, i) => {
    const x = MARGIN + i * (column + gap);
    let row = drawLines(doc, wrap(doc, { text: who, bold: true, size: 9.5 }, column, 9.5), x, top, column);
    for (const label of [t('documents.certify.name'), t('documents.certify.signature'), t('documents.certify.date')]) {
      row += rowGap;
      const labelWidth = doc.font('regular').fontSize(9).widthOfString(`${label}:`) + 5;
      drawBlock(doc, [{ text: `${label}:`, size: 9 }], x, row - lineHeight(9), labelWidth, 9);
      doc.lineWidth(0.5).strokeColor('#000000').dash(1.5, { space: 1.5 }).moveTo(x + labelWidth, row).lineTo(x + column, row).stroke().undash();
    }
  });
}
