// How trust decisions, transfers and resolved conflicts read in a history.
import { sentence } from '../area.ts';
import * as events from './events.ts';

export const syncHistory = [
  sentence(events.peerAccepted, (p, { actor, t }) =>
    t('history.peers.accepted', { actor, name: p.name, institution: p.institution_name, fingerprint: p.fingerprint }),
  ),
  sentence(events.peerRenamed, (p, { actor, t }) => t('history.peers.renamed', { actor, name: p.name })),
  sentence(events.peerRevoked, (_p, { actor, t }) => t('history.peers.revoked', { actor })),
  sentence(events.peerTrustedAgain, (p, { actor, t }) => t('history.peers.trusted-again', { actor, fingerprint: p.fingerprint })),
  sentence(events.bundleExported, (p, { actor, t }) => t('history.sync.exported', { actor, file: p.file_name, count: p.event_count, fresh: 0 })),
  sentence(events.bundleImported, (p, { actor, t }) => t('history.sync.imported', { actor, file: p.file_name, count: p.event_count, fresh: p.new_events })),
  sentence(events.bundleWiped, (p, { actor, t }) => t('history.sync.bundle-wiped', { actor, note: p.note }).trim()),
  sentence(events.conflictResolved, (p, { actor, t }) => t('history.conflicts.resolved', { actor, note: p.note })),
];
