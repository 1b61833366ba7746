// What `daftari verify` checks for disposal besides the chain and the projections (3.6.12): every
// submission's snapshot still has the SHA-256 recorded when the batch was frozen, in the journal and in
// the batch's row. A journal rewritten with its links recomputed would still show here.
import { canonicalJson, sha256Hex } from '../journal/hash.ts';
import type { CheckProblem } from '../journal/verify.ts';
import { statement, type Store } from '../store/open.ts';
import { batchSubmitted } from './events.ts';

export function snapshotsIntact(store: Store): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const submitted = statement(store, 'SELECT entity, payload FROM journal WHERE type = ? ORDER BY seq').all(batchSubmitted.type) as { entity: string; payload: string }[];
  for (const event of submitted) {
    const payload = JSON.parse(event.payload) as { snapshot?: unknown; snapshot_sha256?: unknown };
    if (sha256Hex(canonicalJson(payload.snapshot ?? null)) !== payload.snapshot_sha256) problems.push({ table: 'disposal_batches', id: event.entity, problem: 'snapshot-altered' });
  }
  const rows = statement(store, "SELECT id, snapshot, snapshot_sha256 FROM disposal_batches WHERE snapshot_sha256 != '' ORDER BY id").all() as {
    id: string;
    snapshot: string;
    snapshot_sha256: string;
  }[];
  for (const row of rows) {
    if (sha256Hex(row.snapshot) !== row.snapshot_sha256 && !problems.some((p) => p.id === row.id)) problems.push({ table: 'disposal_batches', id: row.id, problem: 'snapshot-altered' });
  }
  return problems;
}
