// The log book's routes; merged into the one table in db/contract/routes.ts.
import { HEADS, ICT } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { AssetIdInput } from '../assets/contract.ts';
import {
  AssignInput,
  AttachInput,
  AttachmentInput,
  CloseInput,
  DiagnoseInput,
  DueInput,
  EntryIdInput,
  EntryListInput,
  LogBookPageInput,
  LogBookPeriodInput,
  PlanInput,
  ProcedureInput,
  ProviderInput,
  RecordWorkInput,
  ReportInput,
  ReturnInput,
  SendOffsiteInput,
  UpdatePlanInput,
  UpdateProviderInput,
} from './contract.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { logBookPage, logBookPeriod } from './log-book-form.ts';
import { refuse } from '../core/refusal.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly, runJob } from '../core/jobs.ts';
import { JobKey } from '../jobs/contract.ts';
import { z } from 'zod';
import {
  approveProcedure,
  assign,
  attachToEntry,
  closeEntry,
  createPlan,
  diagnose,
  recordReturn,
  recordWork,
  registerProvider,
  reportFault,
  sendOffsite,
  today,
  updatePlan,
  updateProvider,
} from './commands.ts';
import {
  downtimeDays,
  duePreventive,
  findEntry,
  listEntries,
  listPlans,
  listProcedures,
  listProviders,
  logBookOf,
  procedureInForce,
  readAttachment,
} from './queries.ts';

export const maintenanceRoutes = {
  // The log book as people print and sign it; everyone signed in may print, auditors included. Printing
  // only reads: other reads go on beside it. A period's book is a long job the window follows under its
  // own key and may stop.
  'documents.log-book-page': readsOnly(route({ access: 'signed-in', input: LogBookPageInput, handler: (ctx, input) => logBookPage(ctx, input) })),
  'documents.log-book-period': readsOnly(
    route({
      access: 'signed-in',
      input: LogBookPeriodInput.safeExtend({ job: JobKey.optional() }),
      handler: (ctx, input) => runJob(ctx.jobs, 'documents.log-book-period', signedIn(ctx).id, input.job, (job) => logBookPeriod(ctx, input, job)),
    }),
  ),
  'maintenance.list': route({ access: 'signed-in', input: EntryListInput, handler: (ctx, input) => listEntries(ctx.store, input) }),
  'maintenance.get': route({
    access: 'signed-in',
    input: EntryIdInput,
    handler: (ctx, input) => findEntry(ctx.store, input.entry_id) ?? refuse('entry-not-found'),
  }),
  'maintenance.log-book': route({
    access: 'signed-in',
    input: AssetIdInput,
    handler: (ctx, input) => ({ entries: logBookOf(ctx.store, input.asset_id), downtime_days: downtimeDays(ctx.store, input.asset_id, today(ctx)) }),
  }),
  'maintenance.report': route({ access: ICT, input: ReportInput, handler: (ctx, input) => reportFault(ctx, input) }),
  'maintenance.diagnose': route({ access: ICT, input: DiagnoseInput, handler: (ctx, input) => diagnose(ctx, input) }),
  'maintenance.assign': route({ access: ICT, input: AssignInput, handler: (ctx, input) => assign(ctx, input) }),
  'maintenance.record-work': route({ access: ICT, input: RecordWorkInput, handler: (ctx, input) => recordWork(ctx, input) }),
  'maintenance.send-offsite': route({ access: ICT, input: SendOffsiteInput, handler: (ctx, input) => sendOffsite(ctx, input) }),
  'maintenance.return': route({ access: ICT, input: ReturnInput, handler: (ctx, input) => recordReturn(ctx, input) }),
  'maintenance.close': route({ access: ICT, input: CloseInput, handler: (ctx, input) => closeEntry(ctx, input) }),
  'maintenance.attach': route({ access: ICT, input: AttachInput, handler: (ctx, input) => attachToEntry(ctx, input) }),
  'attachments.get': route({
    access: 'signed-in',
    input: AttachmentInput,
    handler: (ctx, input) => {
      const file = readAttachment(ctx.store, input.sha256) ?? refuse('attachment-not-found');
      return { name: file.name, mime: file.mime, size: file.size, base64: file.data.toString('base64') };
    },
  }),

  'procedures.list': route({
    access: 'signed-in',
    input: EmptyInput,
    handler: (ctx) => ({ procedures: listProcedures(ctx.store), in_force_id: procedureInForce(ctx.store, today(ctx))?.id ?? null }),
  }),
  'procedures.approve': route({ access: HEADS, input: ProcedureInput, handler: (ctx, input) => approveProcedure(ctx, input) }),

  'plans.list': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => listPlans(ctx.store) }),
  'plans.create': route({ access: ICT, input: PlanInput, handler: (ctx, input) => createPlan(ctx, input) }),
  'plans.update': route({ access: ICT, input: UpdatePlanInput, handler: (ctx, input) => updatePlan(ctx, input) }),
  'plans.due': route({ access: 'signed-in', input: DueInput, handler: (ctx, input) => duePreventive(ctx.store, today(ctx), input.within_days) }),

  'providers.list': route({
    access: 'signed-in',
    input: z.strictObject({ include_inactive: z.boolean().default(false) }),
    handler: (ctx, input) => listProviders(ctx.store, input.include_inactive),
  }),
  'providers.register': route({ access: ICT, input: ProviderInput, handler: (ctx, input) => registerProvider(ctx, input) }),
  'providers.update': route({ access: ICT, input: UpdateProviderInput, handler: (ctx, input) => updateProvider(ctx, input) }),
};
