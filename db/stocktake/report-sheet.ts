// The stocktake report's lists as an Excel workbook (issue 13): a summary sheet with the counts by
// location and the stocktake's particulars, then one sheet per list of findings, headed in the language
// asked for. A stocktake still open gives a provisional workbook, and its summary says so first.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { formatDate, formatDay } from '../contract/days.ts';
import type { CallContext } from '../core/context.ts';
import type { CellValue } from '../registers/register.ts';
import { sheetName, xlsxValue } from '../registers/xlsx.ts';
import type { Finding } from './contract.ts';
import { registeredCondition } from './queries.ts';
import { actionWords, conditionWords, reasonWords, REPORT_LISTS, reportData, reportFilename, scopeWords, type ReportData, type ReportList } from './report.ts';

interface SheetColumn {
  key: string;
  kind: 'text' | 'number';
  width: number;
  value(f: Finding, n: number): CellValue;
}

function listColumns(t: Translate, data: ReportData): Record<ReportList, SheetColumn[]> {
  const col = (key: string, width: number, value: (f: Finding, n: number) => CellValue, kind: 'text' | 'number' = 'text'): SheetColumn => ({ key, kind, width, value });
  const n = col('number', 6, (_f, i) => i, 'number');
  const tag = col('tag', 22, (f) => f.tag);
  const make = col('make', 14, (f) => f.make);
  const model = col('model', 18, (f) => f.model);
  const serial = col('serial', 16, (f) => f.serial);
  const expectedAt = col('expected-location', 24, (f) => f.expected_location_name);
  const foundAt = col('found-location', 24, (f) => f.found_location_name);
  const note = col('note', 30, (f) => f.note);
  const action = col('action', 40, (f) => actionWords(t, data, f));
  return {
    missing: [n, tag, make, model, serial, expectedAt, col('custodian', 24, (f) => f.expected_custodian_name), action],
    found_elsewhere: [n, tag, make, model, serial, expectedAt, foundAt, action],
    custodian_mismatches: [n, tag, make, model, serial, foundAt, col('register-custodian', 24, (f) => f.expected_custodian_name), col('seen-custodian', 24, (f) => f.found_custodian_name), action],
    condition_differences: [
      n,
      tag,
      make,
      model,
      serial,
      foundAt,
      col('register-condition', 16, (f) => conditionWords(t, registeredCondition(f.expected_status))),
      col('seen-condition', 16, (f) => conditionWords(t, f.condition)),
      note,
    ],
    labels_missing: [n, tag, make, model, serial, foundAt, col('custodian', 24, (f) => f.found_custodian_name || f.expected_custodian_name), note],
    unknown: [n, tag, make, model, serial, foundAt, note, action],
    accounted_for: [n, tag, make, model, serial, expectedAt, col('reason', 28, (f) => reasonWords(t, f.reason)), foundAt],
    not_expected: [n, tag, make, model, serial, foundAt, col('custodian', 24, (f) => f.found_custodian_name), note],
  };
}

const TOTALS = ['expected', 'found', 'missing', 'found_elsewhere', 'custodian_mismatches', 'condition_differences', 'labels_missing', 'unknown', 'accounted_for'] as const;

function addSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, t: Translate, data: ReportData): void {
  const s = data.stocktake;
  const sheet = workbook.addWorksheet(sheetName(t('documents.stocktake.sheets.summary')), { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = [{ width: 36 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    row.commit();
  };
  bold(sheet.addRow([t('documents.stocktake.columns.location'), t('documents.stocktake.columns.expected'), t('documents.stocktake.columns.found'), t(data.provisional ? 'documents.stocktake.total.not-found-yet' : 'documents.stocktake.columns.missing')]));
  const places = data.result.by_location;
  for (const p of places) sheet.addRow([xlsxValue(p.location_name || t('documents.stocktake.no-location'), 'text'), p.expected, p.found, p.missing]).commit();
  const sum = (key: 'expected' | 'found' | 'missing') => places.reduce((total, p) => total + p[key], 0);
  bold(sheet.addRow([t('documents.stocktake.all-locations'), sum('expected'), sum('found'), sum('missing')]));
  sheet.addRow([]).commit();
  const state = data.provisional ? t('documents.stocktake.draft-banner') : t('documents.stocktake.state-closed', { date: formatDate(s.closed_at), name: s.closed_by_name });
  const particulars: [string, string][] = [
    [t('documents.stocktake.title'), data.institution.name],
    [t('documents.stocktake.name'), s.name],
    [t('documents.stocktake.dates'), t('documents.stocktake.from-to', { from: formatDay(s.starts_on), to: formatDay(s.ends_on) })],
    [t('documents.stocktake.scope'), scopeWords(t, s)],
    [t('documents.stocktake.state'), state],
    [t('documents.stocktake.snapshot'), t('documents.stocktake.snapshot-value', { count: s.expected_count, hash: s.snapshot_sha256.slice(0, 16) })],
    ...s.committee.map((m): [string, string] => [t(m.chair ? 'documents.stocktake.chair' : 'documents.stocktake.member'), [m.name, m.title].filter(Boolean).join(', ')]),
  ];
  for (const [label, value] of particulars) sheet.addRow([xlsxValue(label, 'text'), xlsxValue(value, 'text')]).commit();
  sheet.addRow([]).commit();
  for (const key of TOTALS) sheet.addRow([t(`documents.stocktake.total.${data.provisional && key === 'missing' ? 'not-found-yet' : key}`), data.result.totals[key]]).commit();
  sheet.commit();
}

function addList(workbook: ExcelJS.stream.xlsx.WorkbookWriter, t: Translate, findings: Finding[], list: ReportList, columns: SheetColumn[], provisional: boolean): void {
  const sheet = workbook.addWorksheet(sheetName(t(`documents.stocktake.sheets.${provisional && list === 'missing' ? 'not-found-yet' : list}`)), { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.addRow(columns.map((c) => t(`documents.stocktake.columns.${c.key}`)));
  header.font = { bold: true };
  header.commit();
  findings.forEach((f, i) => sheet.addRow(columns.map((c) => xlsxValue(c.value(f, i + 1), c.kind))).commit());
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: findings.length + 1, column: columns.length } };
  sheet.commit();
}

/** The workbook of a stocktake's report. */
export async function stocktakeReportSheet(ctx: CallContext, input: { stocktake_id: string; language: Language }): Promise<{ filename: string; mime: string; base64: string }> {
  const data = reportData(ctx.store, input.stocktake_id);
  const t = translator(input.language);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const at = new Date(data.stocktake.closed_at || ctx.clock.now().toISOString());
  workbook.creator = data.institution.name;
  workbook.lastModifiedBy = data.institution.name;
  workbook.created = at;
  workbook.modified = at;
  workbook.title = t('documents.stocktake.pdf-title', { name: data.stocktake.name });
  addSummary(workbook, t, data);
  const columns = listColumns(t, data);
  for (const list of REPORT_LISTS) addList(workbook, t, data.result[list], list, columns[list], data.provisional);
  await workbook.commit();
  await finished;
  return {
    filename: reportFilename(t, data, 'xlsx'),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.concat(chunks).toString('base64'),
  };
}
