// What a merge can break in off-premises requests: a device approved or checked out off premises on one
// installation while it was sent for repair, or received by someone through a handover, on another
// (3.6.11 with 3.6.3 and 3.6.6). Each installation refused the second on its own; only a merge brings
// them together. Computed from the rows, so checking the device in, revoking the permit or closing the
// repair clears it; `conflicts.resolve` closes it with a shared event.
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId } from '../sync/conflicts.ts';
import { handoverReceived } from '../handovers/events.ts';
import { statement, type Store } from '../store/open.ts';
import { HANDED_OVER_WHILE_OFF_PREMISES, OFF_PREMISES_WHILE_REPAIR } from './contract.ts';
import { movementDecided } from './events.ts';


interface Clash {
  asset_id: string;
  tag: string;
  entry_id: string | null;
  repair_state: string;
  movements: string;
  permits: string;
}

function offPremisesWhileRepair(store: Store): Conflict[] {
  const rows = statement(
    store,
    `SELECT a.id AS asset_id, a.tag, a.open_entry_id AS entry_id, a.repair_state,
            json_group_array(m.id) AS movements, json_group_array(m.permit_no) AS permits
       FROM (SELECT * FROM movements ORDER BY id) m
       JOIN json_each(m.devices) d
       JOIN assets a ON a.id = json_extract(d.value, '$.asset_id')
      WHERE (m.out_on != '' AND m.returned_on = '' AND a.repair_state != 'none')
         OR (m.state = 'approved' AND m.out_on = '' AND a.repair_state = 'off_site')
      GROUP BY a.id ORDER BY a.id`,
  ).all() as Clash[];
  return rows.map((row) => {
    const movements = JSON.parse(row.movements) as string[];
    const entries = row.entry_id ? [row.entry_id] : [];
    return {
      id: conflictId(OFF_PREMISES_WHILE_REPAIR, [row.asset_id, ...movements, ...entries]),
      kind: OFF_PREMISES_WHILE_REPAIR,
      entities: [row.asset_id, ...movements, ...entries],
      detail: { tag: row.tag, permits: JSON.parse(row.permits) as string[], repair: row.repair_state, entries },
    };
  });
}

interface Handed {
  asset_id: string;
  tag: string;
  movement_id: string;
  permit: string;
  holder: string;
  is_out: number;
  handover_id: string;
  handover: string;
  receiver: string;
}

/**
 * A handover received after the permit was approved, while the permit still holds the device (approved
 * and not yet out, or out and not back): one installation refuses to hand such a device over; the
 * receipt was recorded on another that did not know of the permit. A receipt before the approval is
 * no clash: a permit may be approved for a device whatever its custodian.
 */
function handedOverWhileOffPremises(store: Store): Conflict[] {
  if (!statement(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'handovers'").get()) return [];
  // The journal's order, not the installations' wall clocks: a receipt whose HLC follows the approval's.
  const rows = statement(
    store,
    `SELECT a.id AS asset_id, a.tag, m.id AS movement_id, m.permit_no AS permit, m.holder_name AS holder, m.out_on != '' AS is_out,
            h.id AS handover_id, h.number AS handover,
            CASE h.to_type WHEN 'person' THEN h.to_name WHEN 'institution' THEN h.to_institution ELSE '' END AS receiver
       FROM movements m
       JOIN json_each(m.devices) d
       JOIN assets a ON a.id = json_extract(d.value, '$.asset_id')
       JOIN handovers h ON h.state = 'received'
       JOIN json_each(h.lines) k ON json_extract(k.value, '$.asset_id') = a.id
      WHERE ((m.out_on != '' AND m.returned_on = '') OR (m.state = 'approved' AND m.out_on = ''))
        AND (SELECT max(hlc) FROM journal WHERE entity = h.id AND type = ?)
          > (SELECT min(hlc) FROM journal WHERE entity = m.id AND type = ?)
      ORDER BY a.id, m.id, h.id`,
  ).all(handoverReceived.type, movementDecided.type) as Handed[];
  return rows.map((row) => ({
    id: conflictId(HANDED_OVER_WHILE_OFF_PREMISES, [row.asset_id, row.movement_id, row.handover_id]),
    kind: HANDED_OVER_WHILE_OFF_PREMISES,
    entities: [row.asset_id, row.movement_id, row.handover_id],
    detail: { tag: row.tag, permit: row.permit, holder: row.holder, state: row.is_out ? 'out' : 'approved', handover: row.handover, receiver: row.receiver },
  }));
}

export const movementsConflicts: ConflictRule[] = [
  { kind: OFF_PREMISES_WHILE_REPAIR, detect: offPremisesWhileRepair },
  { kind: HANDED_OVER_WHILE_OFF_PREMISES, detect: handedOverWhileOffPremises },
];
