// How disposal reads in a history (3.6.12–3.6.14): the batch's own, the proposal's, and each device's.
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

export const disposalHistory = [
  sentence(events.disposalProposed, (p, { actor, t }) =>
    t('history.disposal.proposed', { actor, tag: p.tag, reason: t(`disposal_ui.reasons.${p.reason}`), route: t(`disposal_ui.routes.${p.route}`), note: p.note }),
  ),
  sentence(events.proposalWithdrawn, (p, { actor, t }) => t('history.disposal.proposal-withdrawn', { actor, tag: p.tag, reason: p.reason })),
  sentence(events.batchCreated, (p, { actor, t }) => t('history.disposal.batch-created', { actor, number: p.number })),
  sentence(events.deviceAdded, (p, { actor, t }) =>
    t('history.disposal.device-added', { actor, tag: p.tag, route: t(`disposal_ui.routes.${p.route}`), count: p.media.length }),
  ),
  sentence(events.deviceRemoved, (p, { actor, t }) => t('history.disposal.device-removed', { actor, tag: p.tag })),
  sentence(events.sanitisationRecorded, (p, { actor, t }) =>
    p.category === 'not_sanitised_to_be_destroyed_by_department'
      ? t('history.disposal.left-to-department', { actor, medium: p.medium })
      : t('history.disposal.sanitised', {
          actor,
          medium: p.medium,
          category: t(`disposal_ui.categories.${p.category}`),
          method: p.method ? t(`disposal_ui.methods.${p.method}`) : '',
          tool: p.tool,
          by: p.performed_by?.name ?? '',
          verifier: p.verified_by?.name ?? '',
        }),
  ),
  sentence(events.sentForApproval, (p, { actor, t }) => t('history.disposal.sent-for-approval', { actor, count: p.asset_ids.length })),
  sentence(events.batchApproved, (p, { t }) => t('history.disposal.approved', { name: p.approver_name })),
  sentence(events.batchRejected, (p, { t }) => t('history.disposal.rejected', { name: p.approver_name, reason: p.reason })),
  sentence(events.batchSubmitted, (p, { actor, t }) =>
    t('history.disposal.submitted', { actor, number: p.snapshot.number, date: formatDay(p.submitted_on), ref: p.letter_ref, hash: p.snapshot_sha256.slice(0, 12) }),
  ),
  sentence(events.batchCollected, (p, { actor, t }) => t('history.disposal.collected', { actor, date: formatDay(p.collected_on), by: p.collected_by })),
  sentence(events.batchDisposed, (p, { actor, t }) =>
    t(p.plans_ended.length ? 'history.disposal.disposed-plans' : 'history.disposal.disposed', {
      actor,
      date: formatDay(p.disposed_on),
      ref: p.certificate_ref,
      method: p.method,
      plans: p.plans_ended.length,
    }),
  ),
  sentence(events.batchReturned, (p, { actor, t }) => t('history.disposal.returned', { actor, date: formatDay(p.returned_on), reason: p.reason })),
  sentence(events.batchCancelled, (p, { actor, t }) => t('history.disposal.cancelled', { actor, reason: p.reason })),
  sentence(events.batchCorrected, (p, { actor, t }) => t('history.disposal.corrected', { actor, hash: p.snapshot_sha256.slice(0, 12), note: p.note })),
  sentence(events.settingsSet, (_p, { actor, t }) => t('history.disposal.settings-set', { actor })),
];
