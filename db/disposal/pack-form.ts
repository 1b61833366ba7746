// The submission pack to the Records and Archives Management Department (3.6.12, 4.3): the cover letter,
// the schedule of items and a certificate of sanitisation per storage medium (NIST SP 800-88). Drawn
// from the frozen snapshot alone, dated and signed off as submitted: regenerated any day, by anyone,
// the files are the same bytes. Their witness (issue 12) is the submission itself, for the same reason.
import { describeMedium } from '../assets/contract.ts';
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { formatDay } from '../contract/days.ts';
import { drawFooters, drawWitness, frameOf, MARGIN, type Form } from '../documents/form.ts';
import { drawBlock, formatPrintDay, GREY, lineHeight, newDocument, printed, safeFilename, type PrintedDocument, type Run } from '../documents/pdf.ts';
import { drawTable, type Cell, type Column, type Row } from '../documents/table.ts';
import type { Witness } from '../documents/witness.ts';
import type { Institution } from '../store/schema.ts';
import { TO_BE_DESTROYED } from './contract.ts';
import type { Sanitisation, Snapshot } from './events.ts';

const DASH = '—';
const SMALL = 7.5;

const orDash = (text: string | null | undefined) => (text && text.trim() ? text : DASH);

/** Everything a page of the pack is drawn with: the words of one language and the submission's date and name. */
interface Printing {
  t: Translate;
  language: Language;
  now: Date;
  snapshot: Snapshot;
  /** The snapshot's SHA-256, printed on every page: a page is matched to the batch it belongs to. */
  sha256: string;
  witness: Witness | null;
}

/** A frozen batch: its snapshot, the SHA-256 recorded with it, and the witness of its submission. */
export interface Frozen {
  snapshot: Snapshot;
  sha256: string;
  /** The head of the records at the submission (db/documents/witness.ts), printed on every page. */
  witness: Witness | null;
}

function printingOf(frozen: Frozen, language: Language): Printing {
  return { t: translator(language), language, now: new Date(frozen.snapshot.submitted_at), ...frozen };
}

function institutionOf(snapshot: Snapshot): Institution {
  const { name, code, postal_address } = snapshot.institution;
  return { id: '', name, code, postal_address, accounting_officer_title: '', head_title: '', configured_at: '', updated_at: '' };
}

async function formFor(p: Printing, layout: 'portrait' | 'landscape', title: string, subtitle: string, pdfTitle: string): Promise<Form> {
  const { t, snapshot } = p;
  const doc = await newDocument({ layout, language: p.language, title: pdfTitle, author: snapshot.institution.name, subject: t('disposal_ui.pack.clause'), now: p.now });
  return {
    doc,
    t,
    institution: institutionOf(snapshot),
    title,
    subtitle,
    runningHead: t('disposal_ui.pack.running-head', { number: snapshot.number }),
    footerNote: t('disposal_ui.pack.footer', { number: snapshot.number, hash: p.sha256.slice(0, 16) }),
    printedOn: formatPrintDay(p.now),
    printedBy: snapshot.submitted_by_name,
    witness: p.witness,
  };
}

function heading(form: Form, y: number, text: string): number {
  const frame = frameOf(form);
  return drawBlock(form.doc, [{ text, bold: true, size: 10 }], frame.left, y, frame.right - frame.left, 10) + 3;
}

/** The letterhead: the Republic, the institution, its address and a double rule. */
function drawLetterhead(form: Form): number {
  const { doc, t } = form;
  const width = doc.page.width - 2 * MARGIN;
  drawWitness(form);
  let y = MARGIN;
  y = drawBlock(doc, [{ text: t('documents.form.republic'), bold: true, size: 11 }], MARGIN, y, width, 11, 'center');
  y = drawBlock(doc, [{ text: form.institution.name.toLocaleUpperCase('sw'), bold: true, size: 13 }], MARGIN, y + 1, width, 13, 'center');
  if (form.institution.postal_address) y = drawBlock(doc, [{ text: form.institution.postal_address, size: 9.5 }], MARGIN, y, width, 9.5, 'center');
  y += 4;
  doc.lineWidth(1.2).strokeColor('#000000').moveTo(MARGIN, y).lineTo(MARGIN + width, y).stroke();
  doc.lineWidth(0.4).moveTo(MARGIN, y + 2).lineTo(MARGIN + width, y + 2).stroke();
  return y + 14;
}

/** Signature blocks side by side: the role in bold, then name, signature and date lines. */
function drawSignatures(form: Form, y: number, signatories: { role: string; name?: string; date?: string }[]): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const gap = 24;
  const columnWidth = (frame.right - frame.left - gap * (signatories.length - 1)) / signatories.length;
  const rowGap = 16;
  let top = y;
  if (top + lineHeight(10) + 3 * rowGap + 6 > frame.bottom) {
    frame.newPage();
    top = frame.top + 6;
  }
  let bottom = top;
  signatories.forEach((who, i) => {
    const x = frame.left + i * (columnWidth + gap);
    let row = drawBlock(doc, [{ text: who.role, bold: true, size: 10 }], x, top, columnWidth, 10);
    const lines: [string, string][] = [
      [t('documents.certify.name'), who.name ?? ''],
      [t('documents.certify.signature'), ''],
      [t('documents.certify.date'), who.date ?? ''],
    ];
    for (const [label, value] of lines) {
      row += rowGap;
      const labelWidth = doc.font('regular').fontSize(9.5).widthOfString(`${label}:`) + 6;
      drawBlock(doc, [{ text: `${label}:`, size: 9.5 }], x, row - lineHeight(9.5), labelWidth, 9.5);
      if (value) drawBlock(doc, [{ text: value, bold: true, size: 9.5 }], x + labelWidth + 2, row - lineHeight(9.5), columnWidth - labelWidth - 2, 9.5);
      doc.lineWidth(0.5).strokeColor('#000000').dash(1.5, { space: 1.5 }).moveTo(x + labelWidth, row).lineTo(x + columnWidth, row).stroke().undash();
    }
    bottom = Math.max(bottom, row);
  });
  return bottom + 6;
}

/** The counts the letter and the schedule state: devices, media, media sanitised, media left to the department. */
export function countsOf(snapshot: Snapshot): { devices: number; media: number; sanitised: number; to_department: number } {
  const toDepartment = snapshot.media.filter((m) => m.sanitisation.category === TO_BE_DESTROYED).length;
  return { devices: snapshot.devices.length, media: snapshot.media.length, sanitised: snapshot.media.length - toDepartment, to_department: toDepartment };
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// ---- the cover letter ------------------------------------------------------------------------------

/** 4.3: the letter to the Director of the Records and Archives Management Department. */
export async function coverLetter(frozen: Frozen, language: Language): Promise<PrintedDocument> {
  const p = printingOf(frozen, language);
  const { snapshot } = frozen;
  const { t } = p;
  const form = await formFor(p, 'portrait', '', '', t('disposal_ui.pack.letter-title', { number: snapshot.number }));
  const { doc } = form;
  doc.addPage();
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  let y = drawLetterhead(form);

  // The reference on the left, the date on the right, on one line as on every government letter.
  drawBlock(doc, [{ text: t('disposal_ui.pack.reference', { ref: snapshot.letter_ref }), size: 10 }], frame.left, y, width / 2, 10);
  drawBlock(doc, [{ text: formatDay(snapshot.submitted_on), size: 10 }], frame.left + width / 2, y, width / 2, 10, 'right');
  y += lineHeight(10) + 12;

  const counts = countsOf(snapshot);
  const values = { number: snapshot.number, institution: snapshot.institution.name, devices: counts.devices, media: counts.media };
  const addressee = [snapshot.letter.addressee[language], t('disposal_ui.pack.department'), ...snapshot.letter.address.split('\n')].filter((line) => line.trim());
  for (const line of addressee) y = drawBlock(doc, [{ text: line, size: 10 }], frame.left, y, width, 10);
  y += 12;

  const subject = `${t('disposal_ui.pack.subject-prefix')} ${fill(snapshot.letter.subject[language], values)}`.toLocaleUpperCase(language);
  const subjectEnd = drawBlock(doc, [{ text: subject, bold: true, size: 10.5 }], frame.left, y, width, 10.5);
  doc.lineWidth(0.6).strokeColor('#000000').moveTo(frame.left, subjectEnd + 1).lineTo(frame.right, subjectEnd + 1).stroke();
  y = subjectEnd + 10;

  for (const paragraph of fill(snapshot.letter.body[language], values).split(/\n\s*\n/)) {
    y = drawBlock(doc, [{ text: paragraph.trim(), size: 10.5 }], frame.left, y, width, 10.5) + 7;
  }

  // The batch in figures, under the body.
  y = heading(form, y + 2, t('disposal_ui.pack.summary'));
  const summary: Row[] = [
    [t('disposal_ui.pack.batch'), snapshot.number],
    [t('disposal_ui.pack.devices'), String(counts.devices)],
    [t('disposal_ui.pack.media'), String(counts.media)],
    [t('disposal_ui.pack.media-sanitised'), String(counts.sanitised)],
    [t('disposal_ui.pack.media-to-department'), String(counts.to_department)],
    [t('disposal_ui.pack.approved-by'), `${snapshot.approval.approver_name} (${formatDay(snapshot.approval.decided_at.slice(0, 10))})`],
  ].map(([label, value]) => ({ cells: [{ runs: [{ text: label as string }] }, { runs: [{ text: value as string, bold: true }] }] }));
  y = drawTable(doc, { ...frame, right: frame.left + width * 0.7 }, y, [{ header: [], weight: 3 }, { header: [], weight: 2 }], summary, { size: 9.5, headerSize: 9, padding: 3, header: false });
  y = drawBlock(doc, [{ text: t('disposal_ui.pack.enclosures'), size: 9.5, color: GREY }], frame.left, y + 6, width, 9.5) + 14;

  y = drawBlock(doc, [{ text: t('disposal_ui.pack.closing'), size: 10.5 }], frame.left, y, width, 10.5) + 26;
  doc.lineWidth(0.5).strokeColor('#000000').moveTo(frame.left, y).lineTo(frame.left + 180, y).stroke();
  y = drawBlock(doc, [{ text: snapshot.letter.signatory_title, bold: true, size: 10.5 }], frame.left, y + 3, width, 10.5);
  drawBlock(doc, [{ text: snapshot.institution.name, size: 10 }], frame.left, y, width, 10);

  drawFooters(form);
  return printed(doc, safeFilename(t('disposal_ui.pack.letter-file', { number: snapshot.number })));
}

// ---- the schedule ----------------------------------------------------------------------------------

/** A medium's sanitisation in a few words: "Purge · Crypto erase" or "To be destroyed by the department". */
export function sanitisationWords(t: Translate, record: Sanitisation): string {
  if (record.category === TO_BE_DESTROYED) return t('disposal_ui.categories.not_sanitised_to_be_destroyed_by_department');
  return [t(`disposal_ui.categories.${record.category}`), record.method ? t(`disposal_ui.methods.${record.method}`) : ''].filter(Boolean).join(' · ');
}

/** 3.6.12: every device of the batch, its storage media and serials, condition, reason and sanitisation. */
export async function schedule(frozen: Frozen, language: Language): Promise<PrintedDocument> {
  const p = printingOf(frozen, language);
  const { snapshot } = frozen;
  const { t } = p;
  const form = await formFor(
    p,
    'landscape',
    t('disposal_ui.pack.schedule-title'),
    t('disposal_ui.pack.schedule-subtitle', { number: snapshot.number, ref: snapshot.letter_ref, date: formatDay(snapshot.submitted_on) }),
    t('disposal_ui.pack.schedule-pdf-title', { number: snapshot.number }),
  );
  const { doc } = form;
  doc.addPage();
  const frame = frameOf(form);
  let y = drawFormHead(form);
  const h = (key: string): Run[] => [{ text: t(`disposal_ui.pack.columns.${key}`) }];
  const columns: Column[] = [
    { header: h('number'), weight: 3, align: 'center' },
    { header: h('tag'), weight: 10 },
    { header: h('category'), weight: 7 },
    { header: h('make-model'), weight: 11 },
    { header: h('serial'), weight: 9 },
    { header: h('media'), weight: 17 },
    { header: h('condition'), weight: 7 },
    { header: h('reason'), weight: 12 },
    { header: h('route'), weight: 7 },
    { header: h('sanitisation'), weight: 14 },
  ];
  const rows: Row[] = snapshot.devices.map((line, i) => {
    const media = snapshot.media.filter((m) => m.asset_id === line.asset_id);
    const mediaCell: Cell = media.length
      ? { runs: media.map((m) => ({ text: m.medium_id === null ? t('disposal_ui.pack.device-is-medium', { serial: orDash(m.serial) }) : describeMedium(m) })) }
      : { runs: [{ text: t('disposal_ui.pack.no-media'), color: GREY }] };
    const sanitisationCell: Cell = media.length ? { runs: media.map((m) => ({ text: sanitisationWords(t, m.sanitisation) })) } : { runs: [{ text: DASH }] };
    const category = snapshot.categories[line.category]?.[language] ?? line.category;
    return {
      cells: [
        { runs: [{ text: String(i + 1) }] },
        { runs: [{ text: line.tag, bold: true }] },
        { runs: [{ text: category }] },
        { runs: [{ text: orDash([line.make, line.model].filter(Boolean).join(' ')) }] },
        { runs: [{ text: orDash(line.serial) }] },
        mediaCell,
        { runs: [{ text: t(`disposal_ui.conditions.${line.condition}`) }] },
        { runs: [{ text: t(`disposal_ui.reasons.${line.reason}`), bold: true, size: SMALL }, ...(line.note ? [{ text: line.note, size: SMALL }] : [])] },
        { runs: [{ text: t(`disposal_ui.routes.${line.route}`) }] },
        sanitisationCell,
      ],
    };
  });
  const counts = countsOf(snapshot);
  rows.push({
    fill: '#efefef',
    cells: [{ span: columns.length, align: 'right', runs: [{ text: t('disposal_ui.pack.totals', { devices: counts.devices, media: counts.media, to_department: counts.to_department }), bold: true }] }],
  });
  y = drawTable(doc, frame, y, columns, rows, { size: 8, headerSize: 7.5, padding: 3 });
  drawSignatures(form, y + 14, [
    { role: t('disposal_ui.pack.prepared-by'), name: snapshot.prepared_by_name },
    { role: t('roles.accounting_officer'), name: snapshot.approval.approver_name, date: formatDay(snapshot.approval.decided_at.slice(0, 10)) },
    { role: t('disposal_ui.pack.received-by') },
  ]);
  drawFooters(form);
  return printed(doc, safeFilename(t('disposal_ui.pack.schedule-file', { number: snapshot.number })));
}

function drawFormHead(form: Form): number {
  const { doc } = form;
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  let y = drawLetterhead(form) - 6;
  y = drawBlock(doc, [{ text: form.title, bold: true, size: 13 }], frame.left, y, width, 13, 'center');
  y = drawBlock(doc, [{ text: form.subtitle, size: 9.5, color: GREY }], frame.left, y, width, 9.5, 'center');
  return y + 8;
}

// ---- the certificates of sanitisation --------------------------------------------------------------

function field(label: string, value: string, span = 1): Cell {
  return { span, runs: [{ text: label, size: SMALL, color: GREY }, { text: orDash(value), bold: true, size: 9.5 }] };
}

/** NIST SP 800-88, appendix G: one certificate a medium, each on its own page. */
export async function certificates(frozen: Frozen, language: Language): Promise<PrintedDocument> {
  const p = printingOf(frozen, language);
  const { snapshot } = frozen;
  const { t } = p;
  const form = await formFor(p, 'portrait', t('disposal_ui.pack.certificate-title'), '', t('disposal_ui.pack.certificates-pdf-title', { number: snapshot.number }));
  const { doc } = form;
  const grid = (rows: Row[], y: number) => drawTable(doc, frameOf(form), y, [1, 1, 1].map(() => ({ header: [], weight: 1 })), rows, { size: 9.5, headerSize: 9, padding: 3.5, header: false });
  snapshot.media.forEach((medium, i) => {
    doc.addPage();
    const frame = frameOf(form);
    const width = frame.right - frame.left;
    const line = snapshot.devices.find((d) => d.asset_id === medium.asset_id);
    const record = medium.sanitisation;
    // A medium left to the department was not sanitised: its page certifies no sanitisation, and says so.
    const toDepartment = record.category === TO_BE_DESTROYED;
    const place = { n: i + 1, count: snapshot.media.length, number: snapshot.number };
    form.title = t(toDepartment ? 'disposal_ui.pack.to-department-title' : 'disposal_ui.pack.certificate-title');
    form.subtitle = t(toDepartment ? 'disposal_ui.pack.to-department-subtitle' : 'disposal_ui.pack.certificate-subtitle', place);
    let y = drawFormHead(form);

    y = heading(form, y, t('disposal_ui.pack.medium-section'));
    const kind = medium.medium_id === null ? (snapshot.categories[medium.kind]?.[language] ?? medium.kind) : t(`media.${medium.kind}`);
    y = grid(
      [
        { cells: [field(t('disposal_ui.pack.batch'), snapshot.number), field(t('disposal_ui.pack.columns.tag'), line?.tag ?? ''), field(t('disposal_ui.pack.columns.make-model'), [line?.make, line?.model].filter(Boolean).join(' '))] },
        {
          cells: [
            field(t('disposal_ui.pack.medium-kind'), kind),
            field(t('disposal_ui.pack.capacity'), medium.capacity_gb ? describeMedium({ kind: 'other', capacity_gb: medium.capacity_gb, serial: '' }) : ''),
            field(t('disposal_ui.pack.medium-serial'), medium.serial),
          ],
        },
      ],
      y,
    );

    y = heading(form, y + 10, t('disposal_ui.pack.sanitisation-section'));
    if (toDepartment) {
      y = grid(
        [
          { cells: [field(t('disposal_ui.pack.category'), t(`disposal_ui.categories.${record.category}`), 2), field(t('disposal_ui.pack.before'), t(`classifications.${record.confidentiality_before}`))] },
          { cells: [field(t('disposal_ui.pack.notes'), record.notes, 3)] },
        ],
        y,
      );
      y = drawBlock(doc, [{ text: t('disposal_ui.pack.to-department-statement'), size: 10 }], frame.left, y + 10, width, 10);
      drawSignatures(form, y + 18, [{ role: t('disposal_ui.pack.recorded-by'), name: record.recorded_by_name }, { role: t('disposal_ui.pack.received-by') }]);
      return;
    }
    const official = (who: Sanitisation['performed_by']) => (who ? { name: who.name, title: who.title, date: formatDay(who.date) } : { name: '', title: '', date: '' });
    const performed = official(record.performed_by);
    const verified = official(record.verified_by);
    y = grid(
      [
        {
          cells: [
            field(t('disposal_ui.pack.category'), t(`disposal_ui.categories.${record.category}`)),
            field(t('disposal_ui.pack.method'), record.method ? t(`disposal_ui.methods.${record.method}`) : ''),
            field(t('disposal_ui.pack.verification'), record.verification ? t(`disposal_ui.verifications.${record.verification}`) : ''),
          ],
        },
        {
          cells: [
            field(t('disposal_ui.pack.tool'), [record.tool, record.tool_version].filter(Boolean).join(' ')),
            field(t('disposal_ui.pack.before'), t(`classifications.${record.confidentiality_before}`)),
            field(t('disposal_ui.pack.after'), record.confidentiality_after ? t(`classifications.${record.confidentiality_after}`) : ''),
          ],
        },
        {
          cells: [
            field(t('disposal_ui.pack.report'), record.report ? `${record.report.name} · SHA-256 ${record.report.sha256}` : t('disposal_ui.pack.no-report'), 3),
          ],
        },
        { cells: [field(t('disposal_ui.pack.notes'), record.notes, 3)] },
      ],
      y,
    );
    y = heading(form, y + 10, t('disposal_ui.pack.people-section'));
    y = grid(
      [
        { cells: [field(t('disposal_ui.pack.performed-by'), performed.name), field(t('disposal_ui.pack.title'), performed.title), field(t('disposal_ui.pack.date'), performed.date)] },
        { cells: [field(t('disposal_ui.pack.verified-by'), verified.name), field(t('disposal_ui.pack.title'), verified.title), field(t('disposal_ui.pack.date'), verified.date)] },
      ],
      y,
    );
    y = drawBlock(doc, [{ text: t('disposal_ui.pack.certificate-statement'), size: 10 }], frame.left, y + 12, width, 10);
    drawSignatures(form, y + 18, [
      { role: t('disposal_ui.pack.performed-by'), name: performed.name, date: performed.date },
      { role: t('disposal_ui.pack.verified-by'), name: verified.name, date: verified.date },
    ]);
  });
  if (snapshot.media.length === 0) {
    form.title = t('disposal_ui.pack.certificate-title');
    doc.addPage();
    const y = drawFormHead(form);
    const frame = frameOf(form);
    drawBlock(doc, [{ text: t('disposal_ui.pack.no-media-at-all') }], frame.left, y, frame.right - frame.left, 10);
  }
  drawFooters(form);
  return printed(doc, safeFilename(t('disposal_ui.pack.certificates-file', { number: snapshot.number })));
}

