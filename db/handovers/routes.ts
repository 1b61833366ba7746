// Handover routes (3.6.6); merged into the one table by the area's manifest.
import { ADMIN, CUSTODY_CLERKS, CUSTODY_READERS, HANDOVER_APPROVERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { translator } from '../contract/catalogues/index.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { openConflicts } from '../sync/conflicts.ts';
import { checkCode } from './checks.ts';
import { attachScan, cancelHandover, decideHandover, prepareHandover, receiveHandover, setApproverRole } from './commands.ts';
import { handoverConflicts } from './conflicts.ts';
import {
  ApproverSettingInput,
  AttachScanInput,
  CancelInput,
  CheckDeviceInput,
  DecideInput,
  describeHandoverConflict,
  HandoverFormInput,
  HandoverIdInput,
  HandoverListInput,
  HoldersInput,
  PrepareInput,
  ReceiveInput,
} from './contract.ts';
import { handoverForm } from './handover-form.ts';
import { approverRole, awaitingDecision, findHandover, handoverInbox, holdersOf, listHandovers } from './queries.ts';
import { findAssetRow } from '../assets/queries.ts';

const KINDS = new Set(handoverConflicts.map((rule) => rule.kind));

export const handoverRoutes = {
  'handovers.list': route({ access: CUSTODY_READERS, input: HandoverListInput, handler: (ctx, input) => listHandovers(ctx.store, input) }),
  'handovers.get': route({
    access: CUSTODY_READERS,
    input: HandoverIdInput,
    handler: (ctx, input) => findHandover(ctx.store, input.handover_id) ?? refuse('handover-not-found'),
  }),
  /** One scanned or typed line: the device, or why it cannot go on this handover. */
  'handovers.check-device': route({
    access: CUSTODY_CLERKS,
    input: CheckDeviceInput,
    handler: (ctx, input) => {
      const asset = checkCode(ctx.store, input.code, { from: input.from, to_type: input.to_type, listed: input.listed, self: null });
      return { id: asset.id, tag: asset.tag, category: asset.category, make: asset.make, model: asset.model, serial: asset.serial, status: asset.status };
    },
  }),
  'handovers.prepare': route({ access: CUSTODY_CLERKS, input: PrepareInput, handler: (ctx, input) => prepareHandover(ctx, input) }),
  'handovers.decide': route({ access: HANDOVER_APPROVERS, input: DecideInput, handler: (ctx, input) => decideHandover(ctx, input) }),
  'handovers.receive': route({ access: CUSTODY_CLERKS, input: ReceiveInput, handler: (ctx, input) => receiveHandover(ctx, input) }),
  'handovers.cancel': route({ access: CUSTODY_CLERKS, input: CancelInput, handler: (ctx, input) => cancelHandover(ctx, input) }),
  'handovers.attach': route({ access: CUSTODY_CLERKS, input: AttachScanInput, handler: (ctx, input) => attachScan(ctx, input) }),
  /** What waits for the signed-in user: the permits to decide, and the counts for the navigation. */
  'handovers.inbox': route({
    access: 'signed-in',
    input: EmptyInput,
    handler: (ctx) => {
      const user = signedIn(ctx);
      return { counts: handoverInbox(ctx.store, user), to_decide: awaitingDecision(ctx.store, user).map((row) => row.id) };
    },
  }),
  'handovers.settings': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => ({ approver_role: approverRole(ctx.store) }) }),
  'handovers.set-approver': route({ access: ADMIN, input: ApproverSettingInput, handler: (ctx, input) => setApproverRole(ctx, input) }),
  /** 3.6.6: every holder of a device, with the days each held it. */
  'handovers.holders': route({
    access: 'signed-in',
    input: HoldersInput,
    handler: (ctx, input) => {
      if (!findAssetRow(ctx.store, input.asset_id)) refuse('asset-not-found');
      return holdersOf(ctx.store, input.asset_id);
    },
  }),
  /** Handover conflicts a merge revealed, in plain words in both languages. */
  'handovers.conflicts': route({
    access: 'signed-in',
    input: EmptyInput,
    handler: (ctx) =>
      openConflicts(ctx)
        .filter((conflict) => KINDS.has(conflict.kind))
        .map((conflict) => ({ ...conflict, text: { sw: describeHandoverConflict(conflict, translator('sw')), en: describeHandoverConflict(conflict, translator('en')) } })),
  }),
  'documents.handover-form': readsOnly(route({ access: 'signed-in', input: HandoverFormInput, handler: (ctx, input) => handoverForm(ctx, input) })),
};
