// Folds of stocktakes, their snapshot chunks, their counts and the actions on their findings. Pure: no
// clock, never refuses. After a merge a count may arrive after the close, or the close before the
// opening: each fold keeps what is true. JSON columns are canonical JSON, so a row folded from a
// command and one rebuilt from the stored payload read alike.
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { canonicalJson } from '../journal/hash.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on, type FoldEvent } from '../journal/types.ts';
import {
  actionTaken,
  chunkId,
  EXPECTED_FIELDS,
  countUndone,
  deviceCounted,
  incidentAcknowledged,
  missingReported,
  stocktakeClosed,
  stocktakeExpected,
  stocktakeOpened,
  unknownRecorded,
} from './events.ts';
import type { StocktakeActionRow, StocktakeChunkRow, StocktakeCountRow, StocktakeRow } from './schema.ts';

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

const NOT_CLOSED = { state: 'open', closed_by: '', closed_by_name: '', closed_at: '', totals: '' } as const;
const CLOSING = Object.keys(NOT_CLOSED) as (keyof typeof NOT_CLOSED)[];

export const stocktakesProjection = defineProjection<StocktakeRow>({
  table: 'stocktakes',
  columns: [
    'id', 'name', 'state', 'scope', 'scope_names', 'committee', 'chair_user_id', 'starts_on', 'ends_on', 'expected_count', 'chunks', 'snapshot_sha256',
    'opened_by', 'opened_by_name', 'opened_at', 'closed_by', 'closed_by_name', 'closed_at', 'totals', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(stocktakeOpened, (row: StocktakeRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['name', 'starts_on', 'ends_on', 'expected_count', 'chunks', 'snapshot_sha256']),
      scope: canonicalJson(p.scope),
      scope_names: canonicalJson(p.scope_names),
      committee: canonicalJson(p.committee.map((m) => pick(m, ['name', 'title', 'user_id', 'chair']))),
      chair_user_id: p.committee.find((m) => m.chair)?.user_id ?? '',
      opened_by: event.actor,
      opened_by_name: actorName(event),
      opened_at: hlcInstant(event.hlc),
      // A close folded first (after a merge) stands.
      ...(row ? pick(row, CLOSING) : NOT_CLOSED),
    })),
    onExisting(stocktakeClosed, (row: StocktakeRow, p, at, event) => ({
      ...row,
      state: 'closed',
      closed_by: event.actor,
      closed_by_name: actorName(event),
      closed_at: at,
      totals: canonicalJson(p.totals),
      updated_at: at,
    })),
  ],
});

/** A chunk of the frozen snapshot; the table's triggers spread its rows into stocktake_expected. */
export const chunksProjection = defineProjection<StocktakeChunkRow>({
  table: 'stocktake_chunks',
  columns: ['id', 'stocktake_id', 'chunk', 'rows', 'created_at', 'updated_at'],
  on: [
    on(stocktakeExpected, (row: StocktakeChunkRow | undefined, p, event, entity) => {
      if (entity !== chunkId(p.stocktake_id, p.chunk)) return row;
      const at = hlcInstant(event.hlc);
      return {
        id: entity,
        stocktake_id: p.stocktake_id,
        chunk: p.chunk,
        // Each row as an array of its fields in a fixed order: the table's triggers read them by position.
        rows: JSON.stringify(p.rows.map((expected) => EXPECTED_FIELDS.map((field) => expected[field]))),
        created_at: row?.created_at ?? at,
        updated_at: at,
      };
    }),
  ],
});

const COUNT_FIELDS = ['stocktake_id', 'location_id', 'location_name', 'asset_id', 'tag', 'make', 'model', 'serial', 'custodian_id', 'custodian_name', 'condition', 'note'] as const;
const NOT_UNDONE = { undone: 0, undone_by_name: '', undone_at: '' } as const;
const UNDOING = Object.keys(NOT_UNDONE) as (keyof typeof NOT_UNDONE)[];

export const countsProjection = defineProjection<StocktakeCountRow>({
  table: 'stocktake_counts',
  columns: [
    'id', 'stocktake_id', 'location_id', 'location_name', 'outcome', 'asset_id', 'tag', 'make', 'model', 'serial', 'custodian_id', 'custodian_name', 'condition',
    'label_missing', 'reason', 'note', 'counted_by', 'counted_by_name', 'counted_at', 'undone', 'undone_by_name', 'undone_at', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(deviceCounted, (row: StocktakeCountRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, COUNT_FIELDS),
      outcome: p.outcome,
      reason: p.reason,
      label_missing: p.label_missing ? 1 : 0,
      counted_by: event.actor,
      counted_by_name: actorName(event),
      counted_at: hlcInstant(event.hlc),
      ...(row ? pick(row, UNDOING) : NOT_UNDONE),
    })),
    onOwn(unknownRecorded, (row: StocktakeCountRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, COUNT_FIELDS),
      outcome: 'unknown',
      reason: null,
      label_missing: p.label_missing ? 1 : 0,
      counted_by: event.actor,
      counted_by_name: actorName(event),
      counted_at: hlcInstant(event.hlc),
      ...(row ? pick(row, UNDOING) : NOT_UNDONE),
    })),
    onExisting(countUndone, (row: StocktakeCountRow, _p, at, event) => ({ ...row, undone: 1, undone_by_name: actorName(event), undone_at: at, updated_at: at })),
  ],
});

const NOT_ACKNOWLEDGED = { acknowledged: 0, acknowledged_by_name: '', acknowledged_at: '', acknowledge_note: '' } as const;

export const actionsProjection = defineProjection<StocktakeActionRow>({
  table: 'stocktake_actions',
  columns: [
    'id', 'stocktake_id', 'asset_id', 'count_id', 'tag', 'kind', 'ref', 'ref_label', 'note', 'by_name', 'at', 'acknowledged', 'acknowledged_by_name',
    'acknowledged_at', 'acknowledge_note', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(actionTaken, (row: StocktakeActionRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['stocktake_id', 'asset_id', 'count_id', 'tag', 'kind', 'ref', 'ref_label']),
      note: '',
      by_name: actorName(event),
      at: hlcInstant(event.hlc),
      ...NOT_ACKNOWLEDGED,
    })),
    onOwn(missingReported, (row: StocktakeActionRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['stocktake_id', 'asset_id', 'count_id', 'tag', 'note']),
      kind: 'missing-reported',
      ref: '',
      ref_label: '',
      by_name: actorName(event),
      at: hlcInstant(event.hlc),
      // An acknowledgement folded first (after a merge) stands.
      ...(row ? pick(row, ['acknowledged', 'acknowledged_by_name', 'acknowledged_at', 'acknowledge_note']) : NOT_ACKNOWLEDGED),
    })),
    onOwn(incidentAcknowledged, (row: StocktakeActionRow | undefined, p, event) => {
      const at = hlcInstant(event.hlc);
      const acknowledged = { acknowledged: 1, acknowledged_by_name: actorName(event), acknowledged_at: at, acknowledge_note: p.note, updated_at: at };
      if (row) return { ...row, ...acknowledged };
      return {
        ...stamps(row, event),
        ...pick(p, ['stocktake_id', 'asset_id', 'count_id', 'tag']),
        kind: 'missing-reported',
        ref: '',
        ref_label: '',
        note: '',
        by_name: '',
        at: '',
        ...acknowledged,
      };
    }),
  ],
});
