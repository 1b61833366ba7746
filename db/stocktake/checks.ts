// What `daftari verify` checks for stocktakes besides the chain and the projections (issue 13): every
// stocktake's frozen snapshot still has the size and SHA-256 recorded when it was opened, both as the
// journal carries it and as the table the scans read holds it. A row of stocktake_expected edited in the
// file, or an expected event rewritten with its links recomputed, shows here.
import type { CheckProblem } from '../journal/verify.ts';
import { statement, type Store } from '../store/open.ts';
import { stocktakeExpected, stocktakeOpened, type ExpectedRow } from './events.ts';
import { inTagOrder, snapshotHash } from './snapshot.ts';

const problem = (id: string): CheckProblem => ({ table: 'stocktake_expected', id, problem: 'snapshot-altered' });

export function snapshotsIntact(store: Store): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const opened = statement(store, 'SELECT entity, payload FROM journal WHERE type = ? ORDER BY seq').all(stocktakeOpened.type) as { entity: string; payload: string }[];
  const chunks = statement(store, 'SELECT payload FROM journal WHERE type = ? AND entity = ? ORDER BY seq');
  const stored = statement(
    store,
    `SELECT asset_id, tag, make, model, category, serial, location_id, location_name, department_id, department_name, custodian_id, custodian_name, status
      FROM stocktake_expected WHERE stocktake_id = ?`,
  );
  for (const event of opened) {
    const header = JSON.parse(event.payload) as { expected_count?: unknown; snapshot_sha256?: unknown };
    const fromEvents = (chunks.all(stocktakeExpected.type, event.entity) as { payload: string }[]).flatMap((row) => (JSON.parse(row.payload) as { rows: ExpectedRow[] }).rows);
    const fromTable = stored.all(event.entity) as ExpectedRow[];
    for (const rows of [fromEvents, fromTable]) {
      if (rows.length !== header.expected_count || snapshotHash(inTagOrder(rows)) !== header.snapshot_sha256) {
        problems.push(problem(event.entity));
        break;
      }
    }
  }
  return problems;
}
