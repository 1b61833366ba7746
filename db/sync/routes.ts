// Sync's routes; merged into the one table in db/contract/routes.ts.
import { ADMIN, PEER_READERS, SYNC } from '../contract/roles.ts';
import { mayCall, route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import {
  ConflictIdInput,
  ExportInput,
  ImportBundleInput,
  PeerIdInput,
  PreviewInput,
  RecordWipeInput,
  RenamePeerInput,
  ResolveConflictInput,
  TrustPeerAgainInput,
} from './contract.ts';
import { actorOf, signedIn } from '../core/context.ts';
import { runJob } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import {
  apply,
  conflictOrigins,
  exportToBase64,
  listConflicts,
  listPeers,
  pendingWipes,
  preview,
  recordWipe,
  renamePeer,
  resolveConflict,
  revokePeer,
  stageFromBase64,
  trustPeerAgain,
} from './service.ts';

/**
 * Accepting a new installation's key is trusting an installation: the same door as `peers.trust-again`,
 * so the window offers it when that route is open to the user (renderer/screens/sync/receive-panel.tsx).
 */
const TRUSTS_PEERS = ADMIN;

export const syncRoutes = {
  'sync.identity': route({
    access: SYNC,
    input: EmptyInput,
    handler: (ctx) => {
      const key = ctx.signingKey();
      return { origin: ctx.identity.shared, fingerprint: key.fingerprint, public_key: key.publicKey };
    },
  }),
  'sync.export': route({
    access: SYNC,
    input: ExportInput,
    // The window polls `jobs.progress` under its `job` key (events written of the count) and may stop it.
    handler: (ctx, input) => runJob(ctx.jobs, 'sync.export', signedIn(ctx).id, input.job, (job) => exportToBase64(ctx, input.peer_id, job)),
  }),
  'sync.preview': route({
    access: SYNC,
    input: PreviewInput,
    // The window polls `jobs.progress` under its own `job` key while this runs, and may stop it.
    handler: (ctx, input) =>
      runJob(ctx.jobs, 'sync.preview', signedIn(ctx).id, input.job, async (job) =>
        preview(ctx, await stageFromBase64(ctx, input.file.base64, job), actorOf(signedIn(ctx)), job),
      ),
  }),
  'sync.import': route({
    access: SYNC,
    input: ImportBundleInput,
    handler: async (ctx, input) => {
      if (input.accept_new_peer && !mayCall(TRUSTS_PEERS, signedIn(ctx).roles)) refuse('forbidden');
      return runJob(ctx.jobs, 'sync.import', signedIn(ctx).id, input.job, async (job) => {
        const staged = await stageFromBase64(ctx, input.file.base64, job);
        return apply(ctx, staged, actorOf(signedIn(ctx)), input.accept_new_peer, input.file.name, job);
      });
    },
  }),
  'sync.transfers': route({ access: SYNC, input: EmptyInput, handler: (ctx) => pendingWipes(ctx) }),
  'sync.record-wipe': route({
    access: SYNC,
    input: RecordWipeInput,
    handler: (ctx, input) => {
      recordWipe(ctx, input.transfer_id, input.note);
      return pendingWipes(ctx);
    },
  }),
  'peers.list': route({ access: PEER_READERS, input: EmptyInput, handler: (ctx) => listPeers(ctx) }),
  'peers.rename': route({
    access: ADMIN,
    input: RenamePeerInput,
    handler: (ctx, input) => {
      renamePeer(ctx, input.peer_id, input.name);
      return listPeers(ctx);
    },
  }),
  'peers.revoke': route({
    access: ADMIN,
    input: PeerIdInput,
    handler: (ctx, input) => {
      revokePeer(ctx, input.peer_id);
      return listPeers(ctx);
    },
  }),
  'peers.trust-again': route({
    access: TRUSTS_PEERS,
    input: TrustPeerAgainInput,
    handler: (ctx, input) => {
      trustPeerAgain(ctx, input.peer_id, input.fingerprint);
      return listPeers(ctx);
    },
  }),
  'conflicts.list': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => listConflicts(ctx) }),
  /** The installations that recorded a conflict's records, by the names given to them here. */
  'conflict-origins.list': route({ access: PEER_READERS, input: ConflictIdInput, handler: (ctx, input) => conflictOrigins(ctx, input.conflict_id) }),
  'conflicts.resolve': route({
    access: ADMIN,
    input: ResolveConflictInput,
    handler: (ctx, input) => {
      resolveConflict(ctx, input.conflict_id, input.note);
      return listConflicts(ctx);
    },
  }),
};
