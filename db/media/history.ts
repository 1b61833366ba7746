// How the removable media register reads in a history (3.6.7–3.6.10).
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

export const mediaHistory = [
  sentence(events.mediumIssued, (p, { actor, t }) =>
    t('history.media.issued', { actor, person: p.person_name, purpose: p.purpose, date: formatDay(p.issued_on) }),
  ),
  sentence(events.mediumReturned, (p, { actor, t }) =>
    t('history.media.returned', { actor, date: formatDay(p.returned_on), condition: t(`media_ui.conditions.${p.condition}`) }),
  ),
  sentence(events.issueVoided, (p, { actor, t }) => t('history.media.issue-voided', { actor, reason: p.reason })),
  sentence(events.mediumWiped, (p, { actor, t }) =>
    t(p.witness ? 'history.media.wiped-witnessed' : 'history.media.wiped', {
      actor,
      date: formatDay(p.wiped_on),
      method: t(`media_ui.methods.${p.method}`),
      by: p.wiped_by,
      witness: p.witness,
    }),
  ),
  sentence(events.mediumStored, (p, { actor, t }) => t('history.media.stored', { actor, place: p.location_name })),
  sentence(events.mediumReported, (p, { actor, t }) =>
    t(p.kind === 'lost' ? 'history.media.reported-lost' : 'history.media.reported-damaged', { actor, date: formatDay(p.reported_on), note: p.note }),
  ),
  sentence(events.mediumFound, (p, { actor, t }) => t('history.media.found', { actor, date: formatDay(p.found_on) })),
];
