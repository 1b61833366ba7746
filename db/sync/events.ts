// Sync's own events. Trust decisions and transfers are this installation's business (local); a
// conflict's resolution is shared, so every installation stops showing it.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';

export const peerAccepted = defineEvent(
  'peers.accepted',
  'local',
  z.object({ name: z.string(), institution_name: z.string(), institution_code: z.string(), public_key: z.string(), fingerprint: z.string() }),
);
export const peerRenamed = defineEvent('peers.renamed', 'local', z.object({ name: z.string() }));
export const peerRevoked = defineEvent('peers.revoked', 'local', z.object({}));
/** A revoked installation trusted again by an administrator who checked its key's fingerprint with that office. */
export const peerTrustedAgain = defineEvent('peers.trusted-again', 'local', z.object({ fingerprint: z.string() }));

const Transfer = {
  peer_id: z.string().nullable(),
  file_name: z.string(),
  content_sha256: z.string(),
  event_count: z.number().int(),
};
const refsPeer = (p: { peer_id: string | null }) => (p.peer_id ? [p.peer_id] : []);
export const bundleExported = defineEvent('sync.exported', 'local', z.object({ ...Transfer }), refsPeer);
export const bundleImported = defineEvent(
  'sync.imported',
  'local',
  z.object({ ...Transfer, new_events: z.number().int(), high_water: z.record(z.string(), z.number().int()) }),
  refsPeer,
);
// 3.6.9: government documents are wiped from the transfer medium once the transfer is complete.
export const bundleWiped = defineEvent('sync.bundle-wiped', 'local', z.object({ note: z.string() }));
export const conflictResolved = defineEvent('conflicts.resolved', 'shared', z.object({ note: z.string() }));

export const syncEvents = [peerAccepted, peerRenamed, peerRevoked, peerTrustedAgain, bundleExported, bundleImported, bundleWiped, conflictResolved];
