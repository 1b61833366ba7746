// The stocktake report (issue 13) on paper, A4 in Swahili or English: the institution's head, the
// stocktake's name, dates, scope and committee, the totals and the counts by location, every list of
// findings with the action taken on each, and a signature block for every member of the committee.
// A stocktake still open prints as a provisional draft, marked so on every page, with nothing to sign:
// the committee signs the report of the closed stocktake.
import { z } from 'zod';
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { formatDate, formatDay } from '../contract/days.ts';
import { Id, OutputLanguage } from '../contract/inputs.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { drawFooters, drawFormHead, frameOf, type Form } from '../documents/form.ts';
import { drawBlock, drawLines, formatPrintDay, GREY, lineHeight, linesHeight, newDocument, printed, safeFilename, wrap, type PrintedDocument, type Run } from '../documents/pdf.ts';
import { drawTable, type Cell, type Column, type Row } from '../documents/table.ts';
import { printWitness } from '../documents/witness.ts';
import { getInstitution } from '../institution/queries.ts';
import { statement, type Store } from '../store/open.ts';
import type { Institution } from '../store/schema.ts';
import type { Finding, StocktakeResult, StocktakeView } from './contract.ts';
import { actionId } from './events.ts';
import { findStocktake, findStocktakeRow, registeredCondition, resultOf } from './queries.ts';
import type { StocktakeActionRow } from './schema.ts';

export const StocktakeReportInput = z.strictObject({ stocktake_id: Id, language: OutputLanguage });
export type StocktakeReportInput = z.input<typeof StocktakeReportInput>;

const DASH = '—';
const RED = '#b00000';

const orDash = (text: string | null | undefined) => (text && text.trim() ? text : DASH);

/** The lists of the report, in the order it prints them; each names its key in the result and the catalogue. */
export const REPORT_LISTS = ['missing', 'found_elsewhere', 'custodian_mismatches', 'condition_differences', 'labels_missing', 'unknown', 'accounted_for', 'not_expected'] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

/** Everything the report and its spreadsheet are drawn from. */
export interface ReportData {
  institution: Institution;
  stocktake: StocktakeView;
  result: Omit<StocktakeResult, 'stocktake'>;
  /** The actions taken on the findings, by their id (events.ts `actionId`). */
  actions: Map<string, StocktakeActionRow>;
  provisional: boolean;
}

export function reportData(store: Store, stocktakeId: string): ReportData {
  const row = findStocktakeRow(store, stocktakeId) ?? refuse('stocktake-not-found');
  const stocktake = findStocktake(store, row.id) ?? refuse('stocktake-not-found');
  const institution = getInstitution(store) ?? refuse('not-initialized');
  const actions = new Map((statement(store, 'SELECT * FROM stocktake_actions WHERE stocktake_id = ?').all(row.id) as StocktakeActionRow[]).map((a) => [a.id, a]));
  return { institution, stocktake, result: resultOf(store, row), actions, provisional: row.state !== 'closed' };
}

/** The stocktake's scope in words: the whole institution, or the names of its locations or departments. */
export function scopeWords(t: Translate, stocktake: StocktakeView): string {
  if (stocktake.scope.kind === 'all') return t('documents.stocktake.scope-all');
  const kind = t(stocktake.scope.kind === 'locations' ? 'documents.stocktake.scope-locations' : 'documents.stocktake.scope-departments');
  return `${kind}: ${stocktake.scope_names.join(', ')}`;
}

export function deviceWords(f: Finding): string {
  return [f.make, f.model].filter(Boolean).join(' ');
}

/** The action taken on a finding, in a line: what was done, by whom and when; '' when none was. */
export function actionWords(t: Translate, data: ReportData, f: Finding): string {
  if (!f.action) return '';
  const subject = f.action.kind === 'registered' ? (f.count_id ?? '') : (f.asset_id ?? '');
  const row = data.actions.get(actionId(data.stocktake.id, f.action.kind, subject));
  const label = row?.ref_label ?? '';
  const what = t(`documents.stocktake.actions.${f.action.kind}`, { label });
  const who = t('documents.stocktake.actions.by', { name: f.action.by_name, date: formatDate(f.action.at) });
  const acknowledged = f.action.kind === 'missing-reported' && f.action.acknowledged && row ? t('documents.stocktake.actions.acknowledged', { name: row.acknowledged_by_name, date: formatDate(row.acknowledged_at) }) : '';
  return [`${what} — ${who}`, acknowledged].filter(Boolean).join('; ');
}

export function conditionWords(t: Translate, condition: string | null): string {
  return condition ? t(`documents.stocktake.conditions.${condition}`) : '';
}

export function reasonWords(t: Translate, reason: string | null): string {
  return reason ? t(`stocktake.reasons.${reason}`) : '';
}

/** The file a report is saved as: the stocktake's name, and "draft" before it is closed. */
export function reportFilename(t: Translate, data: ReportData, extension: 'pdf' | 'xlsx'): string {
  const key = data.provisional ? 'documents.stocktake.filename-draft' : 'documents.stocktake.filename';
  return safeFilename(`${t(key, { name: data.stocktake.name })}.${extension}`);
}

// ---- drawing -----------------------------------------------------------------------------------------

const small = (text: string): Run => ({ text, size: 7, color: GREY });

function field(label: string, value: string, span = 1): Cell {
  return { span, runs: [small(label), { text: orDash(value), bold: true, size: 9 }] };
}

/** A section's heading, never left alone at the foot of a page: it goes on with the room its first rows need. */
function heading(form: Form, y: number, text: string, room = 60): number {
  const frame = frameOf(form);
  let top = y;
  if (top + room > frame.bottom) {
    frame.newPage();
    top = frame.top;
  }
  return drawBlock(form.doc, [{ text, bold: true, size: 10 }], frame.left, top, frame.right - frame.left, 10) + 3;
}

const TABLE = { size: 8, headerSize: 7.5, padding: 3 } as const;

interface ListShape {
  columns: { key: string; weight: number; align?: 'center' | 'right' }[];
  cells(f: Finding): Cell[];
}

function listShapes(t: Translate, data: ReportData): Record<ReportList, ListShape> {
  const text = (value: string, bold = false): Cell => ({ runs: [{ text: orDash(value), bold }] });
  const tag = (f: Finding): Cell => ({ runs: [{ text: orDash(f.tag), bold: true }] });
  const device = (f: Finding): Cell => ({ runs: [{ text: orDash(deviceWords(f)) }, ...(f.serial ? [small(t('documents.stocktake.serial', { serial: f.serial }))] : [])] });
  const action = (f: Finding): Cell => ({ runs: [{ text: orDash(actionWords(t, data, f)), size: 7.5 }] });
  const note = (f: Finding): Cell => ({ runs: [{ text: orDash(f.note), size: 7.5 }] });
  const n = { key: 'number', weight: 3, align: 'center' as const };
  return {
    missing: {
      columns: [n, { key: 'tag', weight: 13 }, { key: 'device', weight: 13 }, { key: 'expected-location', weight: 12 }, { key: 'custodian', weight: 11 }, { key: 'action', weight: 16 }],
      cells: (f) => [tag(f), device(f), text(f.expected_location_name), text(f.expected_custodian_name), action(f)],
    },
    found_elsewhere: {
      columns: [n, { key: 'tag', weight: 13 }, { key: 'device', weight: 13 }, { key: 'expected-location', weight: 12 }, { key: 'found-location', weight: 12 }, { key: 'action', weight: 15 }],
      cells: (f) => [tag(f), device(f), text(f.expected_location_name), text(f.found_location_name, true), action(f)],
    },
    custodian_mismatches: {
      columns: [n, { key: 'tag', weight: 14 }, { key: 'device', weight: 12 }, { key: 'found-location', weight: 10 }, { key: 'register-custodian', weight: 10 }, { key: 'seen-custodian', weight: 10 }, { key: 'action', weight: 14 }],
      cells: (f) => [tag(f), device(f), text(f.found_location_name), text(f.expected_custodian_name), text(f.found_custodian_name, true), action(f)],
    },
    condition_differences: {
      columns: [n, { key: 'tag', weight: 14 }, { key: 'device', weight: 13 }, { key: 'found-location', weight: 11 }, { key: 'register-condition', weight: 10 }, { key: 'seen-condition', weight: 10 }, { key: 'note', weight: 14 }],
      cells: (f) => [
        tag(f),
        device(f),
        text(f.found_location_name),
        { runs: [{ text: conditionWords(t, registeredCondition(f.expected_status)) }, small(t(`statuses.${f.expected_status}`))] },
        text(conditionWords(t, f.condition), true),
        note(f),
      ],
    },
    labels_missing: {
      columns: [n, { key: 'tag', weight: 13 }, { key: 'device', weight: 14 }, { key: 'found-location', weight: 13 }, { key: 'custodian', weight: 12 }, { key: 'note', weight: 16 }],
      cells: (f) => [tag(f), device(f), text(f.found_location_name), text(f.found_custodian_name || f.expected_custodian_name), note(f)],
    },
    unknown: {
      // The tag column holds the code the scanner read on it, when one was read.
      columns: [n, { key: 'tag', weight: 11 }, { key: 'description', weight: 14 }, { key: 'serial', weight: 9 }, { key: 'found-location', weight: 11 }, { key: 'note', weight: 12 }, { key: 'action', weight: 13 }],
      cells: (f) => [tag(f), text(deviceWords(f), true), text(f.serial), text(f.found_location_name), note(f), action(f)],
    },
    accounted_for: {
      columns: [n, { key: 'tag', weight: 13 }, { key: 'device', weight: 14 }, { key: 'expected-location', weight: 13 }, { key: 'reason', weight: 15 }, { key: 'found-location', weight: 13 }],
      cells: (f) => [tag(f), device(f), text(f.expected_location_name), text(reasonWords(t, f.reason), true), text(f.found_location_name)],
    },
    not_expected: {
      columns: [n, { key: 'tag', weight: 13 }, { key: 'device', weight: 15 }, { key: 'found-location', weight: 14 }, { key: 'custodian', weight: 13 }, { key: 'note', weight: 14 }],
      cells: (f) => [tag(f), device(f), text(f.found_location_name), text(f.found_custodian_name), note(f)],
    },
  };
}

function drawList(form: Form, y: number, data: ReportData, list: ReportList, shape: ListShape, index: number): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const findings = data.result[list];
  // While counting goes on, an expected device not scanned yet is not missing: it is not found yet.
  const name = data.provisional && list === 'missing' ? 'not-found-yet' : list;
  const title = `${index}. ${t(`documents.stocktake.lists.${name}`)} (${findings.length})`;
  if (findings.length === 0) {
    let top = heading(form, y, title, 40);
    top = drawBlock(doc, [{ text: t('documents.stocktake.none'), size: 9, color: GREY }], frame.left, top, frame.right - frame.left, 9);
    return top + 10;
  }
  const top = heading(form, y, title);
  const columns: Column[] = shape.columns.map((c) => ({ header: [{ text: t(`documents.stocktake.columns.${c.key}`) }], weight: c.weight, ...(c.align ? { align: c.align } : {}) }));
  const rows: Row[] = findings.map((f, i) => ({ cells: [{ runs: [{ text: String(i + 1) }] }, ...shape.cells(f)] }));
  return drawTable(doc, frame, top, columns, rows, TABLE) + 12;
}

/** The particulars: name, dates, state, scope, the snapshot and who opened and closed it. */
function drawParticulars(form: Form, y: number, data: ReportData): number {
  const { t } = form;
  const s = data.stocktake;
  const state = data.provisional ? t('documents.stocktake.state-open') : t('documents.stocktake.state-closed', { date: formatDate(s.closed_at), name: s.closed_by_name });
  const rows: Row[] = [
    {
      cells: [
        field(t('documents.stocktake.name'), s.name, 2),
        field(t('documents.stocktake.dates'), t('documents.stocktake.from-to', { from: formatDay(s.starts_on), to: formatDay(s.ends_on) })),
      ],
    },
    { cells: [field(t('documents.stocktake.scope'), scopeWords(t, s), 3)] },
    {
      cells: [
        field(t('documents.stocktake.opened'), t('documents.stocktake.by-on', { name: s.opened_by_name, date: formatDate(s.opened_at) })),
        field(t('documents.stocktake.state'), state),
        field(t('documents.stocktake.snapshot'), t('documents.stocktake.snapshot-value', { count: s.expected_count, hash: s.snapshot_sha256.slice(0, 16) })),
      ],
    },
  ];
  return drawTable(form.doc, frameOf(form), y, [1, 1, 1].map((weight) => ({ header: [], weight })), rows, { size: 9, headerSize: 8, padding: 3, header: false });
}

function drawCommittee(form: Form, y: number, data: ReportData): number {
  const { t } = form;
  const top = heading(form, y, t('documents.stocktake.committee'));
  const columns: Column[] = [
    { header: [{ text: t('documents.stocktake.columns.number') }], weight: 3, align: 'center' },
    { header: [{ text: t('documents.stocktake.columns.member') }], weight: 22 },
    { header: [{ text: t('documents.stocktake.columns.title') }], weight: 22 },
    { header: [{ text: t('documents.stocktake.columns.role') }], weight: 10 },
  ];
  const rows: Row[] = data.stocktake.committee.map((m, i) => ({
    cells: [
      { runs: [{ text: String(i + 1) }] },
      { runs: [{ text: m.name, bold: true }] },
      { runs: [{ text: orDash(m.title) }] },
      { runs: [{ text: t(m.chair ? 'documents.stocktake.chair' : 'documents.stocktake.member'), bold: m.chair }] },
    ],
  }));
  return drawTable(form.doc, frameOf(form), top, columns, rows, TABLE);
}

const TOTALS = ['expected', 'found', 'missing', 'found_elsewhere', 'custodian_mismatches', 'condition_differences', 'labels_missing', 'unknown', 'accounted_for'] as const;

function drawTotals(form: Form, y: number, data: ReportData): number {
  const { t } = form;
  const top = heading(form, y, t('documents.stocktake.totals'));
  const totals = data.result.totals;
  const cells = TOTALS.map((key) => field(t(`documents.stocktake.total.${data.provisional && key === 'missing' ? 'not-found-yet' : key}`), String(totals[key])));
  const rows: Row[] = [];
  for (let i = 0; i < cells.length; i += 3) rows.push({ cells: cells.slice(i, i + 3) });
  return drawTable(form.doc, frameOf(form), top, [1, 1, 1].map((weight) => ({ header: [], weight })), rows, { size: 9, headerSize: 8, padding: 3, header: false });
}

function drawByLocation(form: Form, y: number, data: ReportData): number {
  const { t } = form;
  const top = heading(form, y, t('documents.stocktake.by-location'));
  const columns: Column[] = [
    { header: [{ text: t('documents.stocktake.columns.number') }], weight: 3, align: 'center' },
    { header: [{ text: t('documents.stocktake.columns.location') }], weight: 30 },
    { header: [{ text: t('documents.stocktake.columns.expected') }], weight: 8, align: 'right' },
    { header: [{ text: t('documents.stocktake.columns.found') }], weight: 8, align: 'right' },
    { header: [{ text: t(data.provisional ? 'documents.stocktake.total.not-found-yet' : 'documents.stocktake.columns.missing') }], weight: 8, align: 'right' },
  ];
  const places = data.result.by_location;
  const rows: Row[] = places.map((p, i) => ({
    cells: [
      { runs: [{ text: String(i + 1) }] },
      { runs: [{ text: p.location_name || t('documents.stocktake.no-location') }] },
      { runs: [{ text: String(p.expected) }] },
      { runs: [{ text: String(p.found) }] },
      { runs: [{ text: String(p.missing), bold: p.missing > 0 }] },
    ],
  }));
  const sum = (key: 'expected' | 'found' | 'missing') => String(places.reduce((total, p) => total + p[key], 0));
  rows.push({
    fill: '#efefef',
    cells: [
      { span: 2, align: 'right', runs: [{ text: t('documents.stocktake.all-locations'), bold: true }] },
      { runs: [{ text: sum('expected'), bold: true }] },
      { runs: [{ text: sum('found'), bold: true }] },
      { runs: [{ text: sum('missing'), bold: true }] },
    ],
  });
  return drawTable(form.doc, frameOf(form), top, columns, rows, TABLE);
}

/**
 * A signature block for every member of the committee, two to a row: chair or member, then name and
 * title as the stocktake records them, and lines to sign and date. A row of blocks never splits.
 */
function drawSignatures(form: Form, y: number, data: ReportData): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const perRow = 2;
  const gap = 24;
  const column = (frame.right - frame.left - gap * (perRow - 1)) / perRow;
  const size = 9;
  const rowGap = 17;
  const labelWidth = (label: string) => doc.font('regular').fontSize(size).widthOfString(`${label}:`) + 5;
  const members = data.stocktake.committee;
  const labels = { name: t('documents.certify.name'), title: t('documents.stocktake.title-line'), signature: t('documents.certify.signature'), date: t('documents.certify.date') };
  const blockOf = (m: (typeof members)[number]) => {
    const role = wrap(doc, { text: t(m.chair ? 'documents.stocktake.sign-chair' : 'documents.stocktake.sign-member'), bold: true, size: 10 }, column, 10);
    const fields = (
      [
        [labels.name, m.name],
        [labels.title, m.title],
        [labels.signature, ''],
        [labels.date, ''],
      ] as const
    ).map(([label, value]) => {
      const lines = value ? wrap(doc, { text: value, bold: true, size }, column - labelWidth(label) - 2, size) : [];
      return { label, lines, height: rowGap + Math.max(0, lines.length - 1) * lineHeight(size) };
    });
    return { role, fields, height: linesHeight(role) + fields.reduce((sum, f) => sum + f.height, 0) + 4 };
  };

  let top = heading(form, y, t('documents.stocktake.signatures'), 40 + blockOf(members[0] ?? { name: '', title: '', user_id: null, chair: true }).height);
  top = drawBlock(doc, [{ text: t('documents.stocktake.statement'), size: 9 }], frame.left, top, frame.right - frame.left, 9) + 8;
  for (let i = 0; i < members.length; i += perRow) {
    const blocks = members.slice(i, i + perRow).map(blockOf);
    const height = Math.max(...blocks.map((b) => b.height));
    if (top + height > frame.bottom) {
      frame.newPage();
      top = frame.top + 4;
    }
    blocks.forEach((block, j) => {
      const x = frame.left + j * (column + gap);
      let row = drawLines(doc, block.role, x, top, column);
      for (const f of block.fields) {
        row += f.height;
        const width = labelWidth(f.label);
        drawBlock(doc, [{ text: `${f.label}:`, size }], x, row - lineHeight(size), width, size);
        if (f.lines.length) drawLines(doc, f.lines, x + width + 2, row - linesHeight(f.lines) - 1, column - width - 2);
        doc.lineWidth(0.5).strokeColor('#000000').dash(1.5, { space: 1.5 }).moveTo(x + width, row).lineTo(x + column, row).stroke().undash();
      }
    });
    top += height + 10;
  }
  return top;
}

/** A provisional report says so across every page, in a grey light enough to read the page through. */
function markProvisional(form: Form): void {
  const { doc, t } = form;
  const range = doc.bufferedPageRange();
  const word = t('documents.stocktake.draft-mark');
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const { width, height } = doc.page;
    doc.save();
    doc.rotate(-40, { origin: [width / 2, height / 2] });
    doc.fillOpacity(0.1);
    const size = 90;
    const w = doc.font('bold').fontSize(size).widthOfString(word);
    doc.fillColor('#000000').text(word, width / 2 - w / 2, height / 2 - size / 2, { lineBreak: false });
    doc.restore();
  }
}

export async function stocktakeReport(ctx: CallContext, input: { stocktake_id: string; language: Language }): Promise<PrintedDocument> {
  const data = reportData(ctx.store, input.stocktake_id);
  const t = translator(input.language);
  const now = ctx.clock.now();
  const s = data.stocktake;
  const clause = t('documents.stocktake.clause');
  const doc = await newDocument({ layout: 'portrait', language: input.language, title: t('documents.stocktake.pdf-title', { name: s.name }), author: data.institution.name, subject: clause, now });
  const form: Form = {
    doc,
    t,
    institution: data.institution,
    title: t('documents.stocktake.title'),
    subtitle: s.name,
    runningHead: t(data.provisional ? 'documents.stocktake.running-head-draft' : 'documents.stocktake.running-head', { name: s.name }),
    footerNote: t(data.provisional ? 'documents.stocktake.footer-draft' : 'documents.stocktake.footer', { hash: s.snapshot_sha256.slice(0, 16) }),
    printedOn: formatPrintDay(now),
    printedBy: signedIn(ctx).display_name,
    witness: printWitness(ctx.store, [s.id]),
  };
  doc.addPage();
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  let y = drawFormHead(form, clause);
  if (data.provisional) {
    y = drawBlock(doc, [{ text: t('documents.stocktake.draft-banner'), bold: true, size: 10, color: RED }], frame.left, y, width, 10, 'center') + 6;
  }
  y = drawParticulars(form, y, data);
  y = drawCommittee(form, y + 10, data);
  y = drawTotals(form, y + 10, data);
  y = drawByLocation(form, y + 10, data) + 14;
  const shapes = listShapes(t, data);
  REPORT_LISTS.forEach((list, i) => {
    y = drawList(form, y, data, list, shapes[list], i + 1);
  });
  if (data.provisional) {
    const top = heading(form, y, t('documents.stocktake.signatures'), 40);
    drawBlock(doc, [{ text: t('documents.stocktake.draft-no-signatures'), size: 9.5, color: RED }], frame.left, top, width, 9.5);
  } else {
    drawSignatures(form, y, data);
  }
  if (data.provisional) markProvisional(form);
  drawFooters(form);
  return printed(doc, reportFilename(t, data, 'pdf'));
}
