// Reading the dashboard as a user does: one figure of the summary, and every row behind it.
import type { RouteOutput } from '../../../db/contract/routes.ts';
import type { ChartKey, DashboardRow, FigureKey } from '../../../db/dashboard/contract.ts';
import type { TestCore } from '../../helpers/core.ts';

export type Summary = RouteOutput<'dashboard.summary'>;

/** The figure `key` of the summary `token`'s user sees; undefined when it is not shown to them. */
export async function figureOf(t: TestCore, token: string, key: FigureKey): Promise<Summary['figures'][number] | undefined> {
  return (await t.ok(token, 'dashboard.summary')).figures.find((figure) => figure.key === key);
}

/** The figure `key`, which must be shown to `token`'s user. */
export async function figure(t: TestCore, token: string, key: FigureKey): Promise<Summary['figures'][number]> {
  const found = await figureOf(t, token, key);
  if (!found) throw new Error(`the dashboard shows no figure ${key}`);
  return found;
}

/** The chart `key` of the summary. */
export async function chart(t: TestCore, token: string, key: ChartKey): Promise<Summary['charts'][number]> {
  const found = (await t.ok(token, 'dashboard.summary')).charts.find((c) => c.key === key);
  if (!found) throw new Error(`the dashboard shows no chart ${key}`);
  return found;
}

/** Every row behind a figure (or one of its buckets), page after page. */
export async function rowsBehind(t: TestCore, token: string, figure: FigureKey | ChartKey, bucket: string | null = null, limit = 50): Promise<DashboardRow[]> {
  const rows: DashboardRow[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: RouteOutput<'dashboard.list'> = await t.ok(token, 'dashboard.list', { figure, bucket, after, limit });
    rows.push(...page.items);
    if (page.next === null) return rows;
    after = page.next;
  }
  throw new Error('the list never ended');
}

/** What a row says, in short: its label, why it is there and where it leads. */
export function brief(row: DashboardRow): { label: string; why: string; flag: string; lead: string } {
  return { label: row.label, why: row.why.key.replace('dashboard_ui.why.', ''), flag: row.flag, lead: `${row.lead.screen}/${row.lead.id ?? ''}` };
}
