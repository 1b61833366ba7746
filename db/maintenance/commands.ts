// The log book's commands: a repair from the fault report to its close, the procedure, plans and
// providers. Each checks the rules against the current state, then records events.
import { written } from '../core/assert.ts';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type AssignInput, type AttachInput, type CloseInput, type DiagnoseInput, type FileInput, MAX_FILE_BYTES, MAX_FILE_MEGABYTES, type PlanInput, planAppliesTo, type ProcedureInput, type ProviderInput, REASON_OUTCOMES, type RecordWorkInput, type ReportInput, type ReturnInput, type SendOffsiteInput, type UpdatePlanInput, type UpdateProviderInput, WORK_OUTCOMES } from './contract.ts';
import { describeMedium } from '../assets/contract.ts';
import { findAssetRow, findCategory, mediaOf } from '../assets/queries.ts';
import { refuseOffPremises, refuseOffPremisesOrPermitted } from '../movements/guards.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuseBefore, refuseBeforePurchase, refuseFutureDate, today } from '../assets/typed-dates.ts';
import { refuse } from '../core/refusal.ts';
import { refuseDisposed } from '../disposal/read-only.ts';
import { statement, type Store } from '../store/open.ts';
import { emit, type PayloadOf } from '../journal/types.ts';
import type { MaintenanceEntryRow } from '../store/schema.ts';
import { assigned, attachmentAdded, closed, diagnosed, faultReported, planCreated, planUpdated, procedureApproved, providerRegistered, providerUpdated, returned, sentOffsite, workRecorded } from './events.ts';
import { findEntry, findPlan, findProcedure, findProvider, procedureInForce, type EntryView } from './queries.ts';


/** Stores a file once, by its SHA-256; the journal cites the hash. */
export function storeFile(store: Store, file: z.output<typeof FileInput>, now: string): { sha256: string; name: string; mime: string; size: number } {
  const data = Buffer.from(file.base64, 'base64');
  if (data.length === 0) refuse('file-empty', undefined, { base64: 'errors.file-empty' });
  if (data.length > MAX_FILE_BYTES) refuse('file-too-large', { megabytes: MAX_FILE_MEGABYTES });
  const sha256 = createHash('sha256').update(data).digest('hex');
  statement(store, 'INSERT OR IGNORE INTO attachments (sha256, name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    sha256,
    file.name,
    file.mime,
    data.length,
    data,
    now,
  );
  return { sha256, name: file.name, mime: file.mime, size: data.length };
}

export { today };

function openEntry(ctx: CallContext, entryId: string): MaintenanceEntryRow {
  const entry = statement(ctx.store, 'SELECT * FROM maintenance_entries WHERE id = ?').get(entryId) as MaintenanceEntryRow | undefined;
  if (!entry) refuse('entry-not-found');
  if (entry.state === 'closed') refuse('entry-closed');
  return entry;
}

function done(ctx: CallContext, entryId: string): EntryView {
  return findEntry(ctx.store, entryId) as EntryView;
}

export function reportFault(ctx: CallContext, input: z.output<typeof ReportInput>): EntryView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = findAssetRow(ctx.store, input.asset_id) ?? refuse('asset-not-found');
    refuseDisposed(asset, 'asset_id');
    // 3.6.12: a device in a disposal batch stays as the batch lists it until it leaves the batch.
    if (asset.disposal_batch_id) refuse('device-in-disposal', { tag: asset.tag });
    // 3.6.11: a device out of the office on a permit is repaired once it is checked back in.
    refuseOffPremises(ctx.store, asset);
    if (asset.open_entry_id) {
      const open = findEntry(ctx.store, asset.open_entry_id);
      refuse('entry-already-open', { reported_on: open?.reported_on ?? '' });
    }
    refuseFutureDate(ctx, input.reported_on, 'reported_on');
    refuseBeforePurchase(asset, input.reported_on, 'reported_on');
    if (input.plan_id) {
      const plan = findPlan(ctx.store, input.plan_id) ?? refuse('plan-not-found', undefined, { plan_id: 'errors.plan-not-found' });
      // 3.6.1: preventive work is done under a plan for this device or its kind, the one rule the window offers plans by.
      if (!planAppliesTo(plan, asset)) refuse('plan-not-for-device', { task: plan.task }, { plan_id: 'errors.plan-not-for-device' });
    }
    // 3.6.1: every entry cites the version of the approved procedure in force when the fault came in.
    const procedure = procedureInForce(ctx.store, input.reported_on);
    return {
      events: [
        emit(faultReported, id, { ...input, procedure_id: procedure?.id ?? null, procedure_version: procedure?.version ?? '' }),
      ],
      result: null,
    };
  });
  return done(ctx, id);
}

export function diagnose(ctx: CallContext, input: z.output<typeof DiagnoseInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, input.entry_id);
    return { events: [emit(diagnosed, entry.id, { asset_id: entry.asset_id, diagnosis: input.diagnosis })], result: null };
  });
  return done(ctx, input.entry_id);
}

// 3.6.2: work needing outside expertise goes to a provider, supervised by an internal ICT officer.
export function assign(ctx: CallContext, input: z.output<typeof AssignInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, input.entry_id);
    if (entry.state === 'off_site') refuse('entry-offsite');
    const technician = input.technician;
    let payload: Omit<PayloadOf<typeof assigned>, 'asset_id'>;
    if (technician.type === 'internal') {
      payload = { technician_type: 'internal', technician_name: technician.name, provider_id: null, provider_name: '', job_ref: '', supervisor_name: '' };
    } else {
      const provider = findProvider(ctx.store, technician.provider_id);
      if (!provider || provider.active !== 1) refuse('provider-not-found', undefined, { 'technician.provider_id': 'errors.provider-not-found' });
      payload = {
        technician_type: 'external',
        technician_name: provider.contact_name,
        provider_id: provider.id,
        provider_name: provider.name,
        job_ref: technician.job_ref,
        supervisor_name: technician.supervisor_name,
      };
    }
    return { events: [emit(assigned, entry.id, { asset_id: entry.asset_id, ...payload })], result: null };
  });
  return done(ctx, input.entry_id);
}

export function recordWork(ctx: CallContext, input: z.output<typeof RecordWorkInput>): EntryView {
  const { entry_id, ...work } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, entry_id);
    return { events: [emit(workRecorded, entry.id, { asset_id: entry.asset_id, ...work })], result: null };
  });
  return done(ctx, entry_id);
}

export function sendOffsite(ctx: CallContext, input: z.output<typeof SendOffsiteInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, input.entry_id);
    if (entry.state === 'off_site') refuse('entry-offsite');
    if (entry.technician_type !== 'external') refuse('offsite-needs-provider');
    refuseOffPremisesOrPermitted(ctx.store, findAssetRow(ctx.store, entry.asset_id) ?? refuse('asset-not-found'));
    refuseBefore(input.sent_on, entry.reported_on, 'date-before-report', 'sent_on');
    refuseFutureDate(ctx, input.sent_on, 'sent_on');
    // 3.6.3: storage leaves with nobody. Every medium still inside is named.
    const inside = mediaOf(ctx.store, entry.asset_id).filter((m) => m.state === 'installed');
    if (inside.length > 0) refuse('storage-not-removed', { media: inside.map(describeMedium).join(', '), count: inside.length });
    return { events: [emit(sentOffsite, entry.id, { asset_id: entry.asset_id, sent_on: input.sent_on })], result: null };
  });
  return done(ctx, input.entry_id);
}

export function recordReturn(ctx: CallContext, input: z.output<typeof ReturnInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, input.entry_id);
    if (entry.state !== 'off_site') refuse('entry-not-offsite');
    refuseBefore(input.returned_on, entry.sent_on, 'date-before-sent', 'returned_on');
    refuseFutureDate(ctx, input.returned_on, 'returned_on');
    return { events: [emit(returned, entry.id, { asset_id: entry.asset_id, returned_on: input.returned_on })], result: null };
  });
  return done(ctx, input.entry_id);
}

export function closeEntry(ctx: CallContext, input: z.output<typeof CloseInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = openEntry(ctx, input.entry_id);
    if (entry.state === 'off_site') refuse('entry-offsite');
    refuseBefore(input.closed_on, entry.reported_on, 'date-before-report', 'closed_on');
    refuseBefore(input.closed_on, entry.returned_on, 'date-before-return', 'closed_on');
    refuseFutureDate(ctx, input.closed_on, 'closed_on');
    // Issue 7: the book is what an auditor reads. An outcome that says work was done needs who did it
    // and what was done; one that says none was needs the reason.
    if (WORK_OUTCOMES.includes(input.outcome)) {
      if (!entry.technician_type) refuse('close-needs-technician', undefined, { outcome: 'errors.close-needs-technician' });
      if (!entry.actions) refuse('close-needs-work', undefined, { outcome: 'errors.close-needs-work' });
    }
    if (REASON_OUTCOMES.includes(input.outcome) && !input.reason) refuse('close-needs-reason', undefined, { reason: 'errors.close-needs-reason' });
    return {
      events: [
        emit(closed, entry.id, { asset_id: entry.asset_id, closed_on: input.closed_on, outcome: input.outcome, reason: input.reason }),
      ],
      result: null,
    };
  });
  return done(ctx, input.entry_id);
}

export function attachToEntry(ctx: CallContext, input: z.output<typeof AttachInput>): EntryView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const entry = statement(ctx.store, 'SELECT id, asset_id FROM maintenance_entries WHERE id = ?').get(input.entry_id) as
      | { id: string; asset_id: string }
      | undefined;
    if (!entry) refuse('entry-not-found');
    const file = storeFile(ctx.store, input.file, ctx.clock.now().toISOString());
    return { events: [emit(attachmentAdded, entry.id, { asset_id: entry.asset_id, ...file })], result: null };
  });
  return done(ctx, input.entry_id);
}

// 3.6.1: recorded by the Head of Institution (the route allows only that role), with the document.
export function approveProcedure(ctx: CallContext, input: z.output<typeof ProcedureInput>) {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    refuseFutureDate(ctx, input.approval_date, 'approval_date');
    if (input.effective_date < input.approval_date) refuse('effective-before-approval', undefined, { effective_date: 'errors.effective-before-approval' });
    const clash = statement(ctx.store, 'SELECT id FROM procedures WHERE version = ?').get(input.version);
    if (clash) refuse('version-taken', { version: input.version }, { version: 'errors.version-taken' });
    if (!Buffer.from(input.document.base64.slice(0, 12), 'base64').subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      refuse('document-not-pdf', undefined, { document: 'errors.document-not-pdf' });
    }
    const file = storeFile(ctx.store, { ...input.document, mime: 'application/pdf' }, ctx.clock.now().toISOString());
    return {
      events: [
        emit(procedureApproved, id, {
          title: input.title,
          version: input.version,
          approved_by: input.approved_by,
          approval_date: input.approval_date,
          effective_date: input.effective_date,
          document_sha256: file.sha256,
          document_name: file.name,
          document_size: file.size,
        }),
      ],
      result: null,
    };
  });
  return written(findProcedure(ctx.store, id), 'procedure');
}

export function createPlan(ctx: CallContext, input: z.output<typeof PlanInput>) {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (input.procedure_id && !findProcedure(ctx.store, input.procedure_id)) refuse('procedure-not-found');
    if (input.category && !findCategory(ctx.store, input.category)) refuse('category-not-found', undefined, { category: 'errors.category-not-found' });
    if (input.asset_id && !findAssetRow(ctx.store, input.asset_id)) refuse('asset-not-found', undefined, { asset_id: 'errors.asset-not-found' });
    return { events: [emit(planCreated, id, input)], result: null };
  });
  return written(findPlan(ctx.store, id), 'plan');
}

export function updatePlan(ctx: CallContext, input: z.output<typeof UpdatePlanInput>) {
  const { plan_id, ...fields } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!findPlan(ctx.store, plan_id)) refuse('plan-not-found');
    return { events: [emit(planUpdated, plan_id, fields)], result: null };
  });
  return written(findPlan(ctx.store, plan_id), 'plan');
}

export function registerProvider(ctx: CallContext, input: z.output<typeof ProviderInput>) {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const clash = statement(ctx.store, 'SELECT id FROM providers WHERE name = ? COLLATE NOCASE').get(input.name);
    if (clash) refuse('name-taken', { name: input.name }, { name: 'errors.name-taken' });
    return { events: [emit(providerRegistered, id, input)], result: null };
  });
  return written(findProvider(ctx.store, id), 'provider');
}

export function updateProvider(ctx: CallContext, input: z.output<typeof UpdateProviderInput>) {
  const { provider_id, ...fields } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!findProvider(ctx.store, provider_id)) refuse('provider-not-found');
    const clash = statement(ctx.store, 'SELECT id FROM providers WHERE name = ? COLLATE NOCASE AND id != ?').get(fields.name, provider_id);
    if (clash) refuse('name-taken', { name: fields.name }, { name: 'errors.name-taken' });
    return { events: [emit(providerUpdated, provider_id, fields)], result: null };
  });
  return written(findProvider(ctx.store, provider_id), 'provider');
}
