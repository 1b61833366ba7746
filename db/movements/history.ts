// How off-premises requests read in a history (3.6.11); each sentence names the permit, so a device's
// history says which one it left on.
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

export const movementsHistory = [
  sentence(events.movementRequested, (p, { actor, t }) =>
    t('history.movements.requested', {
      actor,
      permit: p.permit_no,
      holder: p.holder_name,
      tags: p.devices.map((d) => d.tag).join(', '),
      destination: p.destination,
      out: formatDay(p.date_out),
      due: formatDay(p.due_on),
    }),
  ),
  sentence(events.movementDecided, (p, { actor, t }) => {
    if (p.decision === 'rejected') return t('history.movements.rejected', { actor, permit: p.permit_no, reason: p.reason });
    return p.justification
      ? t('history.movements.approved-justified', { actor, permit: p.permit_no, justification: p.justification })
      : t('history.movements.approved', { actor, permit: p.permit_no });
  }),
  sentence(events.movementCheckedOut, (p, { actor, t }) => t('history.movements.checked-out', { actor, permit: p.permit_no, date: formatDay(p.out_on) })),
  sentence(events.movementCheckedIn, (p, { actor, t }) =>
    t('history.movements.checked-in', { actor, permit: p.permit_no, date: formatDay(p.returned_on), condition: t(`movements_ui.conditions.${p.condition}`) }),
  ),
  sentence(events.movementRevoked, (p, { actor, t }) => t('history.movements.revoked', { actor, permit: p.permit_no, reason: p.reason })),
];
