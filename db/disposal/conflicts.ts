// What a merge can break in disposal, although each installation kept the rules on its own: one device
// put in batches on two installations (3.6.12), a device handed over on one installation while a batch
// held it on the other, a device put in a batch on one while a handover not yet received held it on the
// other (3.6.6), and two batches given the same number. Computed from state; resolved, as every
// conflict, with the shared `conflicts.resolved` event once the records are set right. Each conflict's
// detail carries what its sentence names (contract.ts tells it), so the Sync screen needs no lookup.
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId, groupedRule } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';
import { OPEN_STATES } from '../handovers/contract.ts';
import { BATCH_NUMBER_TWICE, BATCHED_ON_HANDOVER, DEVICE_IN_TWO_BATCHES, HANDED_OVER_IN_BATCH, HOLDING_STATES } from './contract.ts';

/** The states whose batches hold or held their devices to the end: a cancelled or returned batch let them go. */
const HELD = [...HOLDING_STATES, 'disposed'].map((state) => `'${state}'`).join(', ');

interface HeldLine {
  asset_id: string;
  tag: string;
  batch_id: string;
  number: string;
}

/** A single installation refuses a device already in a batch; two batches holding one device were built apart. */
function inTwoBatches(store: Store): Conflict[] {
  const lines = statement(
    store,
    `SELECT json_extract(j.value, '$.asset_id') AS asset_id, json_extract(j.value, '$.tag') AS tag, b.id AS batch_id, b.number
      FROM disposal_batches b, json_each(b.lines) j
      WHERE b.state IN (${HELD}) AND json_extract(j.value, '$.asset_id') IN (
        SELECT json_extract(k.value, '$.asset_id') FROM disposal_batches c, json_each(c.lines) k WHERE c.state IN (${HELD})
          GROUP BY 1 HAVING count(*) > 1)
      ORDER BY asset_id, b.id`,
  ).all() as HeldLine[];
  const byDevice = new Map<string, HeldLine[]>();
  for (const line of lines) byDevice.set(line.asset_id, [...(byDevice.get(line.asset_id) ?? []), line]);
  return [...byDevice].map(([assetId, held]) => {
    const batches = held.map((line) => line.batch_id);
    return {
      id: conflictId(DEVICE_IN_TWO_BATCHES, [assetId, ...batches]),
      kind: DEVICE_IN_TWO_BATCHES,
      entities: [assetId, ...batches],
      detail: { asset_id: assetId, tag: held[0]?.tag ?? '', batches, numbers: held.map((line) => line.number) },
    };
  });
}

interface HandedLine {
  asset_id: string;
  tag: string;
  batch_id: string;
  number: string;
  handover_id: string;
  handover_number: string;
}

/**
 * A device a batch holds that a handover also names, in the state `handover` says: one installation
 * would have refused the second of the two, so it was recorded on another that did not know of the first.
 */
function batchAndHandover(store: Store, kind: typeof HANDED_OVER_IN_BATCH | typeof BATCHED_ON_HANDOVER, handover: string): Conflict[] {
  const hasHandovers = statement(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'handovers'").get();
  if (!hasHandovers) return [];
  const lines = statement(
    store,
    `SELECT json_extract(j.value, '$.asset_id') AS asset_id, json_extract(j.value, '$.tag') AS tag, b.id AS batch_id, b.number,
        h.id AS handover_id, h.number AS handover_number
      FROM disposal_batches b, json_each(b.lines) j, handovers h, json_each(h.lines) k
      WHERE b.state IN (${HELD}) AND json_extract(k.value, '$.asset_id') = json_extract(j.value, '$.asset_id') AND ${handover}
      ORDER BY asset_id, b.id, h.id`,
  ).all() as HandedLine[];
  return lines.map((line) => ({
    id: conflictId(kind, [line.asset_id, line.batch_id, line.handover_id]),
    kind,
    entities: [line.asset_id, line.batch_id, line.handover_id],
    detail: { tag: line.tag, number: line.number, handover: line.handover_number },
  }));
}

const OPEN_HANDOVER = OPEN_STATES.map((state) => `'${state}'`).join(', ');

/** A device received through a handover after a batch took it in: the batch holds it and nothing may move it. */
function handedOverInBatch(store: Store): Conflict[] {
  return batchAndHandover(store, HANDED_OVER_IN_BATCH, `h.state = 'received' AND h.received_at > json_extract(j.value, '$.added_at')`);
}

/**
 * A device a batch holds while a handover of it is still pending or approved: neither can go on (the
 * receipt and sending the batch are both refused) until one ends.
 */
function batchedOnHandover(store: Store): Conflict[] {
  return batchAndHandover(store, BATCHED_ON_HANDOVER, `h.state IN (${OPEN_HANDOVER})`);
}

export const disposalConflicts: ConflictRule[] = [
  { kind: DEVICE_IN_TWO_BATCHES, detect: inTwoBatches },
  { kind: HANDED_OVER_IN_BATCH, detect: handedOverInBatch },
  { kind: BATCHED_ON_HANDOVER, detect: batchedOnHandover },
  groupedRule(
    BATCH_NUMBER_TWICE,
    `SELECT number AS key, json_group_array(id) AS ids FROM (SELECT number, id FROM disposal_batches ORDER BY id) GROUP BY number HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: ids, detail: { number: key, batches: ids } }),
  ),
];
