// The handover form (Hati ya Makabidhiano, 3.6.6) on paper: the institution's head, the parties, every
// device with its tag, serial, condition and accessories, the special permit and who approved it, and
// the blocks the giver, the receiver and a witness sign.
import type { z } from 'zod';
import { categoryNamer } from '../assets/queries.ts';
import { translator, type Translate } from '../contract/catalogues/index.ts';
import { formatDay, workingDay } from '../contract/days.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { printWitness } from '../documents/witness.ts';
import { drawFooters, drawFormHead, frameOf, type Form } from '../documents/form.ts';
import { drawBlock, formatPrintDay, GREY, lineHeight, MM, newDocument, printed, safeFilename, type PrintedDocument, type Run } from '../documents/pdf.ts';
import { drawTable, type Cell, type Column, type Row } from '../documents/table.ts';
import { getInstitution } from '../institution/queries.ts';
import { findPerson } from '../people/queries.ts';
import type { Store } from '../store/open.ts';
import type { Institution } from '../store/schema.ts';
import type { HandoverFormInput } from './contract.ts';
import { findHandover, type HandoverView } from './queries.ts';

const DASH = '—';

function small(text: string): Run {
  return { text, size: 7, color: GREY };
}

function orDash(text: string | null | undefined): string {
  return text && text.trim() ? text : DASH;
}

function heading(form: Form, y: number, text: string): number {
  const frame = frameOf(form);
  if (y + 60 > frame.bottom) {
    frame.newPage();
    y = frame.top;
  }
  return drawBlock(form.doc, [{ text, bold: true, size: 10 }], frame.left, y, frame.right - frame.left, 10) + 3;
}

function field(label: string, value: string, span = 1): Cell {
  return { span, runs: [small(label), { text: orDash(value), bold: true, size: 9 }] };
}

/** The title an institution gives the approving officer ("Katibu Mkuu"), with the role's name. */
function approverTitle(institution: Institution, role: string, t: Translate): string {
  const title = role === 'head_of_institution' ? institution.head_title : role === 'accounting_officer' ? institution.accounting_officer_title : '';
  const name = role ? t(`roles.${role}`) : '';
  return title && name ? `${name} (${title})` : name || title;
}

interface Party {
  heading: string;
  name: string;
  detail: string;
}

function partyDetail(store: Store, personId: string | null, t: Translate): string {
  if (!personId) return '';
  const person = findPerson(store, personId);
  if (!person) return '';
  return [person.title, person.check_number ? t('handovers_ui.form.check-number', { number: person.check_number }) : '', person.department_name ?? '']
    .filter(Boolean)
    .join(' · ');
}

function parties(store: Store, h: HandoverView, institution: Institution, t: Translate): [Party, Party] {
  const giver: Party =
    h.from_type === 'store'
      ? { heading: t('handovers_ui.form.giver'), name: t('handovers_ui.parties.store'), detail: institution.name }
      : { heading: t('handovers_ui.form.giver'), name: h.from_name, detail: partyDetail(store, h.from_person_id, t) };
  let receiver: Party;
  if (h.to_type === 'institution') receiver = { heading: t('handovers_ui.form.receiver'), name: h.to_officer, detail: t('handovers_ui.form.of-institution', { institution: h.to_institution }) };
  else if (h.to_type === 'store') receiver = { heading: t('handovers_ui.form.receiver'), name: t('handovers_ui.parties.store'), detail: institution.name };
  else receiver = { heading: t('handovers_ui.form.receiver'), name: h.to_name, detail: partyDetail(store, h.to_person_id, t) };
  return [giver, receiver];
}

/** The permit's standing in words: approved by whom and when, rejected, or still waiting. */
function permitRuns(h: HandoverView, institution: Institution, t: Translate): Run[] {
  const decidedOn = h.decided_at ? formatDay(workingDay(new Date(h.decided_at))) : '';
  if (h.decided_by && h.state !== 'rejected') {
    return [
      { text: t('handovers_ui.form.permit-approved', { number: h.number }), bold: true },
      { text: t('handovers_ui.form.permit-approver', { name: h.decided_by_name, title: approverTitle(institution, h.decided_role, t), date: decidedOn }) },
      ...(h.decision_note ? [small(h.decision_note)] : []),
    ];
  }
  if (h.state === 'rejected') {
    return [
      { text: t('handovers_ui.form.permit-rejected', { number: h.number }), bold: true, color: '#b00000' },
      { text: t('handovers_ui.form.permit-approver', { name: h.decided_by_name, title: approverTitle(institution, h.decided_role, t), date: decidedOn }) },
      small(h.decision_note),
    ];
  }
  return [{ text: t('handovers_ui.form.permit-waiting', { number: h.number }), bold: true, color: '#b00000' }];
}

/** Giver, receiver and witness side by side: the names the record holds, a line to sign, a line for the date. */
function drawSignatures(form: Form, y: number, blocks: { title: string; name: string }[]): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  const gap = 8 * MM;
  const column = (width - gap * (blocks.length - 1)) / blocks.length;
  const rowGap = 18;
  const height = lineHeight(10) + 4 * rowGap + 6;
  let top = y + 12;
  if (top + height > frame.bottom) {
    frame.newPage();
    top = frame.top + 6;
  }
  blocks.forEach((block, i) => {
    const x = frame.left + i * (column + gap);
    let row = drawBlock(doc, [{ text: block.title, bold: true, size: 10 }], x, top, column, 10);
    for (const [label, value] of [
      [t('documents.certify.name'), block.name],
      [t('handovers_ui.form.title-line'), ''],
      [t('documents.certify.signature'), ''],
      [t('documents.certify.date'), ''],
    ] as const) {
      row += rowGap;
      const labelWidth = doc.font('regular').fontSize(9).widthOfString(`${label}:`) + 5;
      drawBlock(doc, [{ text: `${label}:`, size: 9 }], x, row - lineHeight(9), labelWidth, 9);
      if (value) drawBlock(doc, [{ text: value, size: 9, bold: true }], x + labelWidth, row - lineHeight(9) - 1, column - labelWidth, 9);
      doc.lineWidth(0.5).strokeColor('#000000').dash(1.5, { space: 1.5 }).moveTo(x + labelWidth, row).lineTo(x + column, row).stroke().undash();
    }
  });
  return top + height;
}

export async function handoverForm(ctx: CallContext, input: z.output<typeof HandoverFormInput>): Promise<PrintedDocument> {
  const h = findHandover(ctx.store, input.handover_id) ?? refuse('handover-not-found');
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const t = translator(input.language);
  const now = ctx.clock.now();
  const categoryName = categoryNamer(ctx.store, t, input.language);
  const clause = t('handovers_ui.form.clause');

  const doc = await newDocument({
    layout: 'portrait',
    language: input.language,
    title: t('handovers_ui.form.pdf-title', { number: h.number }),
    author: institution.name,
    subject: clause,
    now,
  });
  const form: Form = {
    doc,
    t,
    institution,
    title: t('handovers_ui.form.title'),
    subtitle: t(h.kind === 'return' ? 'handovers_ui.form.subtitle-return' : 'handovers_ui.form.subtitle', { number: h.number }),
    runningHead: t('handovers_ui.form.running-head', { number: h.number }),
    footerNote: t('handovers_ui.form.footer', { number: h.number }),
    printedOn: formatPrintDay(now),
    printedBy: signedIn(ctx).display_name,
    witness: printWitness(ctx.store, [h.id]),
  };
  doc.addPage();
  const frame = frameOf(form);
  let y = drawFormHead(form, clause);

  const preparedOn = formatDay(workingDay(new Date(h.prepared_at)));
  y = drawTable(
    doc,
    frame,
    y,
    [1.1, 0.8, 1.5, 0.9].map((weight) => ({ header: [], weight })),
    [
      {
        cells: [
          field(t('handovers_ui.form.number'), h.number),
          field(t('handovers_ui.form.kind'), t(`handovers_ui.kinds.${h.kind}`)),
          field(t('handovers_ui.form.prepared'), t('handovers_ui.form.prepared-by', { date: preparedOn, name: h.prepared_by_name })),
          field(t('handovers_ui.form.state'), t(`handovers_ui.states.${h.state}`)),
        ],
      },
    ],
    { size: 9, headerSize: 8, padding: 3, header: false },
  );

  y = heading(form, y + 8, t('handovers_ui.form.parties'));
  const [giver, receiver] = parties(ctx.store, h, institution, t);
  const partyCell = (party: Party): Cell => ({ runs: [small(party.heading), { text: orDash(party.name), bold: true, size: 10 }, ...(party.detail ? [{ text: party.detail, size: 8.5 }] : [])] });
  y = drawTable(doc, frame, y, [{ header: [], weight: 1 }, { header: [], weight: 1 }], [{ cells: [partyCell(giver), partyCell(receiver)] }], {
    size: 9,
    headerSize: 8,
    padding: 4,
    header: false,
  });
  y = drawBlock(doc, [small(t('handovers_ui.form.reason')), { text: h.reason, size: 9 }], frame.left, y + 4, frame.right - frame.left, 9);

  y = heading(form, y + 8, t('handovers_ui.form.items', { count: h.lines.length }));
  const head = (key: string): Run[] => [{ text: t(`handovers_ui.form.columns.${key}`) }];
  const columns: Column[] = [
    { header: head('number'), weight: 2.2, align: 'center' },
    { header: head('tag'), weight: 9 },
    { header: head('device'), weight: 10 },
    { header: head('serial'), weight: 7.5 },
    { header: head('condition'), weight: 5.2 },
    { header: head('accessories'), weight: 9.5 },
  ];
  const rows: Row[] = h.lines.map((line, i) => ({
    cells: [
      { runs: [{ text: String(i + 1) }] },
      { runs: [{ text: line.tag, bold: true }] },
      { runs: [{ text: orDash([line.make, line.model].filter(Boolean).join(' ')) }, small(categoryName(line.category))] },
      { runs: [{ text: orDash(line.serial) }] },
      { runs: [{ text: t(`handovers_ui.conditions.${line.condition}`) }] },
      { runs: [{ text: orDash(line.accessories) }] },
    ],
  }));
  y = drawTable(doc, frame, y, columns, rows, { size: 8.5, headerSize: 7.5, padding: 3 });

  y = heading(form, y + 10, t('handovers_ui.form.permit'));
  y = drawBlock(doc, permitRuns(h, institution, t), frame.left, y, frame.right - frame.left, 9);

  if (h.state === 'received') {
    y = heading(form, y + 8, t('handovers_ui.form.receipt'));
    const runs: Run[] = [{ text: t('handovers_ui.form.received', { date: formatDay(h.received_on), name: h.received_by }) }];
    if (h.witness) runs.push({ text: t('handovers_ui.form.witnessed', { name: h.witness }) });
    y = drawBlock(doc, runs, frame.left, y, frame.right - frame.left, 9);
  }

  y = drawBlock(doc, [{ text: t('handovers_ui.form.statement'), size: 9 }], frame.left, y + 12, frame.right - frame.left, 9);
  drawSignatures(form, y, [
    { title: t('handovers_ui.form.sign-giver'), name: h.from_type === 'store' ? '' : h.from_name },
    { title: t('handovers_ui.form.sign-receiver'), name: h.state === 'received' ? h.received_by : h.to_type === 'store' ? '' : h.to_name },
    { title: t('handovers_ui.form.sign-witness'), name: h.witness },
  ]);
  drawFooters(form);
  return printed(doc, safeFilename(t('handovers_ui.form.filename', { number: h.number })));
}
