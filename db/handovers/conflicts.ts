// What a merge can break in handovers, although each installation kept the rules on its own: one
// device received by two different holders through handovers prepared apart, each from the same last
// receipt (3.6.6), and two handovers given the same number on two installations. Computed from state;
// resolved, as every conflict, with the shared `conflicts.resolved` event once the custody is set right.
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId, groupedRule } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';
import { NUMBER_TWICE, RECEIVED_TWICE } from './contract.ts';

interface ReceiptLine {
  id: string;
  number: string;
  to_type: string;
  to_person_id: string | null;
  to_institution: string;
  to_name: string;
  asset_id: string;
  tag: string;
  after: string | null;
}

/** Who received, as one word for the comparison and as a name for the sentence ('' for the ICT store). */
function receiver(line: ReceiptLine): { key: string; name: string } {
  return {
    key: `${line.to_type}:${line.to_person_id ?? ''}:${line.to_institution}`,
    name: line.to_type === 'institution' ? line.to_institution : line.to_type === 'person' ? line.to_name : '',
  };
}

/**
 * Receipts of one device that follow the same earlier receipt (or, both, its registration) were
 * prepared without knowing of each other: a single installation refuses a second open handover of a
 * device, and a handover prepared after a receipt starts from it.
 */
function receivedTwice(store: Store): Conflict[] {
  const lines = statement(
    store,
    `SELECT h.id, h.number, h.to_type, h.to_person_id, h.to_institution, h.to_name,
        json_extract(j.value, '$.asset_id') AS asset_id, json_extract(j.value, '$.tag') AS tag, json_extract(j.value, '$.after') AS after
      FROM handovers h, json_each(h.lines) j WHERE h.state = 'received' ORDER BY asset_id, h.id`,
  ).all() as ReceiptLine[];
  const groups = new Map<string, ReceiptLine[]>();
  for (const line of lines) {
    const key = `${line.asset_id}\n${line.after ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((line) => receiver(line).key)).size < 2) continue;
    const first = group[0] as ReceiptLine;
    const ids = group.map((line) => line.id);
    conflicts.push({
      id: conflictId(RECEIVED_TWICE, [first.asset_id, ...ids]),
      kind: RECEIVED_TWICE,
      entities: [first.asset_id, ...ids],
      detail: { tag: first.tag, handovers: ids, numbers: group.map((line) => line.number), receivers: group.map((line) => receiver(line).name) },
    });
  }
  return conflicts;
}

export const handoverConflicts: ConflictRule[] = [
  { kind: RECEIVED_TWICE, detect: receivedTwice },
  groupedRule(
    NUMBER_TWICE,
    `SELECT number AS key, json_group_array(id) AS ids FROM (SELECT number, id FROM handovers ORDER BY id) GROUP BY number HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: ids, detail: { number: key, handovers: ids } }),
  ),
];
