// How handovers read in a history (3.6.6): the handover's own, and each of its devices'.
import { sentence, type SentenceContext } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

/** The receiving party in words: a person, the ICT store, or another institution and its officer. */
function receiverWords(p: { to_type: string; to_name: string; to_institution: string; to_officer: string }, t: SentenceContext['t']): string {
  if (p.to_type === 'institution') return t('history.handovers.to-institution', { institution: p.to_institution, officer: p.to_officer });
  if (p.to_type === 'store') return t('history.handovers.to-store');
  return p.to_name;
}

export const handoverHistory = [
  sentence(events.handoverPrepared, (p, { actor, t }) =>
    t(p.kind === 'return' ? 'history.handovers.prepared-return' : 'history.handovers.prepared', {
      actor,
      number: p.number,
      from: p.from_type === 'store' ? t('history.handovers.from-store') : p.from_name,
      to: receiverWords(p, t),
      tags: p.lines.map((line) => line.tag).join(', '),
      reason: p.reason,
    }),
  ),
  sentence(events.handoverApproved, (p, { t }) => t('history.handovers.approved', { name: p.approver_name, role: t(`roles.${p.approver_role}`) })),
  sentence(events.handoverRejected, (p, { t }) => t('history.handovers.rejected', { name: p.approver_name, role: t(`roles.${p.approver_role}`), reason: p.reason })),
  sentence(events.handoverReceived, (p, { actor, t }) =>
    t(p.witness ? 'history.handovers.received-witnessed' : 'history.handovers.received', {
      actor,
      by: p.received_by,
      date: formatDay(p.received_on),
      witness: p.witness,
    }),
  ),
  sentence(events.handoverCancelled, (p, { actor, t }) => t('history.handovers.cancelled', { actor, reason: p.reason })),
  sentence(events.handoverScanAttached, (p, { actor, t }) => t('history.handovers.scan-attached', { actor, name: p.name })),
  sentence(events.approverSet, (p, { actor, t }) => t('history.handovers.approver-set', { actor, role: t(`roles.${p.approver_role}`) })),
];
