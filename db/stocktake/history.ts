// How a stocktake reads in a history (issue 13): the stocktake's own, and each device's counts.
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

export const stocktakeHistory = [
  sentence(events.stocktakeOpened, (p, { actor, t }) =>
    t('history.stocktake.opened', { actor, name: p.name, count: p.expected_count, from: formatDay(p.starts_on), to: formatDay(p.ends_on), hash: p.snapshot_sha256.slice(0, 12) }),
  ),
  sentence(events.stocktakeExpected, (p, { t }) => t('history.stocktake.expected', { chunk: p.chunk, count: p.rows.length })),
  sentence(events.deviceCounted, (p, { actor, t }) =>
    t('history.stocktake.counted', { actor, tag: p.tag, place: p.location_name, outcome: t(`stocktake.outcomes.${p.outcome}`) }),
  ),
  sentence(events.unknownRecorded, (p, { actor, t }) =>
    t('history.stocktake.unknown-recorded', { actor, place: p.location_name, description: [p.make, p.model, p.serial, p.note].filter(Boolean).join(' ') }),
  ),
  sentence(events.countUndone, (p, { actor, t }) => t('history.stocktake.count-undone', { actor, tag: p.tag, place: p.location_name })),
  sentence(events.stocktakeClosed, (p, { actor, t }) =>
    t('history.stocktake.closed', { actor, name: p.name, expected: p.totals.expected, found: p.totals.found, missing: p.totals.missing, unknown: p.totals.unknown }),
  ),
  sentence(events.actionTaken, (p, { actor, t }) => t(`history.stocktake.action.${p.kind}`, { actor, tag: p.tag, ref: p.ref_label })),
  sentence(events.missingReported, (p, { actor, t }) => t('history.stocktake.missing-reported', { actor, tag: p.tag, note: p.note })),
  sentence(events.incidentAcknowledged, (p, { actor, t }) => t('history.stocktake.incident-acknowledged', { actor, tag: p.tag })),
];
