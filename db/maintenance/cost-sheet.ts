// What maintenance cost, by category of device, department and provider, for the entries reported in
// a period (3.6.4 and the annual monitoring of the guideline's section 6): one row per group, with the
// entries, parts, labour and their totals.
import type { z } from 'zod';
import { statement } from '../store/open.ts';
import { categoryName, defineRegister, type Column, type RegisterSource, type Words } from '../registers/register.ts';
import type { MaintenanceCostFilters } from './contract.ts';

type Filters = z.output<typeof MaintenanceCostFilters>;

export interface CostRow {
  category: string | null;
  category_sw: string | null;
  category_en: string | null;
  department: string | null;
  /** external | internal | '' (no technician named yet). */
  technician_type: string;
  provider: string;
  entries: number;
  parts: number;
  labour: number;
}

/**
 * Grouped in SQL, so a year of a ministry's log book is read as a few dozen rows. Outside work groups
 * by the provider named on the entry; in-house work is one group; so is work nobody was assigned yet.
 */
const GROUPED = `
  SELECT a.category AS category, c.name_sw AS category_sw, c.name_en AS category_en, d.name AS department,
         COALESCE(e.technician_type, '') AS technician_type,
         CASE WHEN e.technician_type = 'external' THEN e.provider_name ELSE '' END AS provider,
         count(*) AS entries, sum(e.parts_cost_tzs) AS parts, sum(e.labour_cost_tzs) AS labour
    FROM maintenance_entries e
    LEFT JOIN assets a ON a.id = e.asset_id
    LEFT JOIN categories c ON c.id = a.category
    LEFT JOIN departments d ON d.id = a.department_id
   WHERE e.reported_on >= ? AND e.reported_on <= ?
   GROUP BY a.category, d.name, COALESCE(e.technician_type, ''), CASE WHEN e.technician_type = 'external' THEN e.provider_name ELSE '' END
   ORDER BY a.category, d.name IS NULL, d.name, COALESCE(e.technician_type, '') DESC, provider`;

function rows({ store }: RegisterSource, filters: Filters): CostRow[] {
  // '' sorts before any day and '9' after: an open end takes every entry on that side.
  return statement(store, GROUPED).all(filters.from || '', filters.to || '9') as CostRow[];
}

function provider(row: CostRow, words: Words): string {
  if (row.technician_type === 'external') return row.provider;
  if (row.technician_type === 'internal') return words.t('registers.log-book.internal');
  return words.t('registers.maintenance-cost.unassigned');
}

const header = (key: string) => `registers.maintenance-cost.columns.${key}`;
const columns: Column<CostRow>[] = [
  {
    key: 'category',
    header: header('category'),
    kind: 'text',
    value: (r, w) => (r.category ? categoryName(w, r.category, { sw: r.category_sw, en: r.category_en }) : ''),
  },
  { key: 'department', header: header('department'), kind: 'text', value: (r, w) => r.department ?? w.t('registers.maintenance-cost.no-department') },
  { key: 'provider', header: header('provider'), kind: 'text', value: provider },
  { key: 'entries', header: header('entries'), kind: 'number', value: (r) => r.entries },
  { key: 'parts_cost', header: header('parts-cost'), kind: 'money', value: (r) => r.parts },
  { key: 'labour_cost', header: header('labour-cost'), kind: 'money', value: (r) => r.labour },
  { key: 'total_cost', header: header('total-cost'), kind: 'money', value: (r) => r.parts + r.labour },
];

export const maintenanceCostRegister = defineRegister<CostRow, Filters>({
  key: 'maintenance-cost',
  title: 'registers.maintenance-cost.title',
  sheet: 'registers.maintenance-cost.sheet',
  file: 'registers.maintenance-cost.file',
  columns,
  rows,
  count: (source, filters) => rows(source, filters).length,
  totals: ['entries', 'parts_cost', 'labour_cost', 'total_cost'],
});
