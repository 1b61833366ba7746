// What a merge can break in disposal, although each installation kept the rules on its own: one device
// put in batches on two installations (3.6.12), a device handed over on one installation while a batch
// held it on the other, and two batches given the same number. Computed from state; resolved, as every
// conflict, with the shared `conflicts.resolved` event once the records are set right.
import type { Conflict, ConflictRule } from '../area.ts';
import type { Translate } from '../contract/catalogues/index.ts';
import { conflictId, groupedRule } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';
import { HOLDING_STATES } from './contract.ts';

export const IN_TWO_BATCHES = 'disposal-device-in-two-batches';
export const HANDED_OVER_IN_BATCH = 'disposal-handed-over-in-batch';
export const NUMBER_TWICE = 'disposal-number-twice';

/** The states whose batches hold or held their devices to the end: a cancelled or returned batch let them go. */
const HELD = [...HOLDING_STATES, 'disposed'].map((state) => `'${state}'`).join(', ');

/** A single installation refuses a device already in a batch; two batches holding one device were built apart. */
const inTwoBatches = groupedRule(
  IN_TWO_BATCHES,
  `SELECT asset_id AS key, json_group_array(id) AS ids FROM (
      SELECT b.id, json_extract(j.value, '$.asset_id') AS asset_id
        FROM disposal_batches b, json_each(b.lines) j WHERE b.state IN (${HELD}) ORDER BY b.id)
    GROUP BY asset_id HAVING count(*) > 1 ORDER BY key`,
  (key, ids) => ({ entities: [key, ...ids], detail: { asset_id: key, batches: ids } }),
);

interface HandedLine {
  asset_id: string;
  tag: string;
  batch_id: string;
  number: string;
  handover_id: string;
  handover_number: string;
}

/**
 * A device received through a handover after a batch took it in: on one installation the batch holds
 * the device and nothing may move it; the handover was recorded on another that did not know.
 */
function handedOverInBatch(store: Store): Conflict[] {
  const hasHandovers = statement(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'handovers'").get();
  if (!hasHandovers) return [];
  const lines = statement(
    store,
    `SELECT json_extract(j.value, '$.asset_id') AS asset_id, json_extract(j.value, '$.tag') AS tag, b.id AS batch_id, b.number,
        h.id AS handover_id, h.number AS handover_number
      FROM disposal_batches b, json_each(b.lines) j, handovers h, json_each(h.lines) k
      WHERE b.state IN (${HELD}) AND h.state = 'received'
        AND json_extract(k.value, '$.asset_id') = json_extract(j.value, '$.asset_id')
        AND h.received_at > json_extract(j.value, '$.added_at')
      ORDER BY asset_id, b.id, h.id`,
  ).all() as HandedLine[];
  return lines.map((line) => ({
    id: conflictId(HANDED_OVER_IN_BATCH, [line.asset_id, line.batch_id, line.handover_id]),
    kind: HANDED_OVER_IN_BATCH,
    entities: [line.asset_id, line.batch_id, line.handover_id],
    detail: { tag: line.tag, number: line.number, handover: line.handover_number },
  }));
}

export const disposalConflicts: ConflictRule[] = [
  inTwoBatches,
  { kind: HANDED_OVER_IN_BATCH, detect: handedOverInBatch },
  groupedRule(
    NUMBER_TWICE,
    `SELECT number AS key, json_group_array(id) AS ids FROM (SELECT number, id FROM disposal_batches ORDER BY id) GROUP BY number HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: ids, detail: { number: key, batches: ids } }),
  ),
];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A disposal conflict in plain words, in the language of `t`; `numbers` names batches by their numbers. */
export function describeDisposalConflict(conflict: Pick<Conflict, 'kind' | 'detail'>, t: Translate, numbers: (ids: string[]) => string[], tagOf: (id: string) => string): string {
  if (conflict.kind === NUMBER_TWICE) return t('disposal_ui.conflicts.number-twice', { number: String(conflict.detail.number ?? ''), count: strings(conflict.detail.batches).length });
  if (conflict.kind === HANDED_OVER_IN_BATCH) {
    return t('disposal_ui.conflicts.handed-over', { tag: String(conflict.detail.tag ?? ''), number: String(conflict.detail.number ?? ''), handover: String(conflict.detail.handover ?? '') });
  }
  return t('disposal_ui.conflicts.two-batches', { tag: tagOf(String(conflict.detail.asset_id ?? '')), numbers: numbers(strings(conflict.detail.batches)).join(', ') });
}
