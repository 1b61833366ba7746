// The compliance summary (issue 14): the dashboard's clause figures as a report for the annual
// monitoring of section 6 of the guideline — each clause, what it checks, the figure, and whether it is
// in order — printed, or as a workbook or CSV, by the one report mechanism (db/registers). Each reader
// sees the clauses whose records they may read, as on the dashboard.
import type { z } from 'zod';
import { defineRegister, type Column, type RegisterSource } from '../registers/register.ts';
import { percent, type ComplianceFilters, type Figure } from './contract.ts';
import { dashboardSummary } from './queries.ts';

type Filters = z.output<typeof ComplianceFilters>;

export interface ComplianceRow {
  figure: Figure;
}

function rows(source: RegisterSource): ComplianceRow[] {
  if (!source.reader) return [];
  const { figures } = dashboardSummary(source.store, source.reader.registry, source.reader.user, source.today);
  return figures.filter((figure) => figure.group === 'compliance').map((figure) => ({ figure }));
}

const header = (key: string) => `registers.compliance.columns.${key}`;
const slug = (figure: Figure) => figure.key.replace(/\./g, '-');
const columns: Column<ComplianceRow>[] = [
  { key: 'clause', header: header('clause'), kind: 'text', value: ({ figure }) => figure.clause ?? '' },
  { key: 'check', header: header('check'), kind: 'text', value: ({ figure }, w) => w.t(`dashboard_ui.figures.${slug(figure)}`) },
  { key: 'rule', header: header('rule'), kind: 'text', value: ({ figure }, w) => w.t(`dashboard_ui.sentences.${slug(figure)}`) },
  { key: 'value', header: header('value'), kind: 'number', value: ({ figure }) => figure.value },
  { key: 'of', header: header('of'), kind: 'number', value: ({ figure }) => figure.of },
  { key: 'share', header: header('share'), kind: 'text', value: ({ figure }) => (figure.of === null || figure.of === 0 ? '' : `${percent(figure.value, figure.of)}%`) },
  { key: 'status', header: header('status'), kind: 'text', value: ({ figure }, w) => w.t(`dashboard_ui.flags.${figure.flag}`) },
];

export const complianceRegister = defineRegister<ComplianceRow, Filters>({
  key: 'compliance',
  title: 'registers.compliance.title',
  sheet: 'registers.compliance.sheet',
  file: 'registers.compliance.file',
  columns,
  rows: (source) => rows(source),
  count: (source) => rows(source).length,
});
