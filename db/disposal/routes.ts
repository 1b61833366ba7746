// Disposal routes (3.6.12–3.6.14); merged into the one table by the area's manifest.
import { z } from 'zod';
import { ACCOUNTING_OFFICERS, ADMIN, ICT, RECORDS_OFFICERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput, NullableId } from '../contract/inputs.ts';
import { translator } from '../contract/catalogues/index.ts';
import { readsOnly } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import type { CallContext } from '../core/context.ts';
import { MAX_ENTITIES, witnessAt } from '../documents/witness.ts';
import { openConflicts } from '../sync/conflicts.ts';
import { findAssetRow } from '../assets/queries.ts';
import {
  addLines,
  cancelBatch,
  correct,
  createBatch,
  decide,
  propose,
  recordCollected,
  recordDisposed,
  recordReturned,
  recordSanitisation,
  removeLine,
  sendForApproval,
  setSettings,
  submit,
  withdraw,
} from './commands.ts';
import { disposalConflicts } from './conflicts.ts';
import {
  AddLinesInput,
  BatchIdInput,
  BatchListInput,
  CancelInput,
  CollectedInput,
  CorrectionInput,
  CreateBatchInput,
  DecideInput,
  describeDisposalConflict,
  DisposedInput,
  PackInput,
  ProposeInput,
  RemoveLineInput,
  ReturnedInput,
  SanitisationInput,
  SettingsInput,
  SubmitInput,
  WithdrawInput,
} from './contract.ts';
import { scheduleSheet } from './disposal-sheet.ts';
import type { Snapshot } from './events.ts';
import { certificates, coverLetter, schedule, type Frozen } from './pack-form.ts';
import { findBatch, findBatchRow, listBatches, listCandidates, listProposals, storedSettings, submissionHead } from './queries.ts';

const KINDS = new Set(disposalConflicts.map((rule) => rule.kind));

/** The frozen batch the pack is drawn from; a batch not yet submitted has no pack. */
function frozen(ctx: CallContext, batchId: string): Frozen {
  const row = findBatchRow(ctx.store, batchId) ?? refuse('disposal-batch-not-found');
  if (!row.snapshot_sha256) refuse('disposal-batch-not-frozen', { number: row.number });
  const snapshot = JSON.parse(row.snapshot) as Snapshot;
  // Issue 12: every printed form carries a witness. The pack's is the submission itself, not the newest
  // event, so the papers stay the same bytes; it names the batch, and its devices when they fit a QR code.
  const head = submissionHead(ctx.store, row.id, row.snapshot_sha256);
  const devices = snapshot.devices.map((d) => d.asset_id);
  const witness = head ? witnessAt(ctx.store, head, devices.length < MAX_ENTITIES ? [row.id, ...devices] : [row.id]) : null;
  return { snapshot, sha256: row.snapshot_sha256, witness };
}

export const disposalRoutes = {
  'disposal.candidates': readsOnly(route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => listCandidates(ctx.store) })),
  'disposal.proposals': readsOnly(route({ access: 'signed-in', input: z.strictObject({ asset_id: NullableId }), handler: (ctx, input) => listProposals(ctx.store, input.asset_id) })),
  'disposal.propose': route({ access: ICT, input: ProposeInput, handler: (ctx, input) => propose(ctx, input) }),
  'disposal.withdraw': route({ access: ICT, input: WithdrawInput, handler: (ctx, input) => withdraw(ctx, input) }),
  'disposal.batches': readsOnly(route({ access: 'signed-in', input: BatchListInput, handler: (ctx, input) => listBatches(ctx.store, input) })),
  'disposal.get': readsOnly(route({ access: 'signed-in', input: BatchIdInput, handler: (ctx, input) => findBatch(ctx.store, input.batch_id) ?? refuse('disposal-batch-not-found') })),
  /** The batch a device is, or was, in: for the device's page. */
  'disposal.of-device': readsOnly(
    route({
      access: 'signed-in',
      input: z.strictObject({ asset_id: NullableId }),
      handler: (ctx, input) => {
        const asset = input.asset_id ? findAssetRow(ctx.store, input.asset_id) : undefined;
        if (!asset) refuse('asset-not-found');
        return asset.disposal_batch_id ? (findBatch(ctx.store, asset.disposal_batch_id) ?? null) : null;
      },
    }),
  ),
  'disposal.create': route({ access: RECORDS_OFFICERS, input: CreateBatchInput, handler: (ctx, input) => createBatch(ctx, input) }),
  'disposal.add': route({ access: RECORDS_OFFICERS, input: AddLinesInput, handler: (ctx, input) => addLines(ctx, input) }),
  'disposal.remove': route({ access: RECORDS_OFFICERS, input: RemoveLineInput, handler: (ctx, input) => removeLine(ctx, input) }),
  'disposal.sanitise': route({ access: RECORDS_OFFICERS, input: SanitisationInput, handler: (ctx, input) => recordSanitisation(ctx, input) }),
  'disposal.send': route({ access: RECORDS_OFFICERS, input: BatchIdInput, handler: (ctx, input) => sendForApproval(ctx, input) }),
  'disposal.decide': route({ access: ACCOUNTING_OFFICERS, input: DecideInput, handler: (ctx, input) => decide(ctx, input) }),
  'disposal.submit': route({ access: RECORDS_OFFICERS, input: SubmitInput, handler: (ctx, input) => submit(ctx, input) }),
  'disposal.collected': route({ access: RECORDS_OFFICERS, input: CollectedInput, handler: (ctx, input) => recordCollected(ctx, input) }),
  'disposal.disposed': route({ access: RECORDS_OFFICERS, input: DisposedInput, handler: (ctx, input) => recordDisposed(ctx, input) }),
  'disposal.returned': route({ access: RECORDS_OFFICERS, input: ReturnedInput, handler: (ctx, input) => recordReturned(ctx, input) }),
  'disposal.cancel': route({ access: RECORDS_OFFICERS, input: CancelInput, handler: (ctx, input) => cancelBatch(ctx, input) }),
  'disposal.correct': route({ access: RECORDS_OFFICERS, input: CorrectionInput, handler: (ctx, input) => correct(ctx, input) }),
  'disposal.settings': readsOnly(route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => storedSettings(ctx.store) })),
  'disposal.set-settings': route({
    access: ADMIN,
    input: SettingsInput,
    handler: (ctx, input) => {
      setSettings(ctx, input);
      return storedSettings(ctx.store);
    },
  }),
  /** Disposal conflicts a merge revealed, in plain words in both languages. */
  'disposal.conflicts': readsOnly(
    route({
      access: 'signed-in',
      input: EmptyInput,
      handler: (ctx) =>
        openConflicts(ctx)
          .filter((conflict) => KINDS.has(conflict.kind))
          .map((conflict) => ({ ...conflict, text: { sw: describeDisposalConflict(conflict, translator('sw')), en: describeDisposalConflict(conflict, translator('en')) } })),
    }),
  ),
  'documents.disposal-letter': readsOnly(route({ access: 'signed-in', input: PackInput, handler: (ctx, input) => coverLetter(frozen(ctx, input.batch_id), input.language) })),
  'documents.disposal-schedule': readsOnly(route({ access: 'signed-in', input: PackInput, handler: (ctx, input) => schedule(frozen(ctx, input.batch_id), input.language) })),
  'documents.disposal-certificates': readsOnly(route({ access: 'signed-in', input: PackInput, handler: (ctx, input) => certificates(frozen(ctx, input.batch_id), input.language) })),
  'documents.disposal-schedule-xlsx': readsOnly(route({ access: 'signed-in', input: PackInput, handler: (ctx, input) => scheduleSheet(frozen(ctx, input.batch_id), input.language) })),
};
