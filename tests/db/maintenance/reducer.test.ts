// The log book's folds as pure functions: an entry from its report to its close, the procedure
// versions, the preventive plans and the providers.
import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '../../../db/journal/types.ts';
import { daysBetween } from '../../../db/contract/days.ts';
import { entriesProjection, reduceEntry, reducePlan, reduceProcedure, reduceProvider } from '../../../db/maintenance/reducer.ts';
import type { MaintenanceEntryRow } from '../../../db/store/schema.ts';

const DEVICE = 'asset-1';
const ENTRY = 'entry-1';

function ev(n: number, type: string, entity: string, payload: Record<string, unknown>, actorName: string | null = 'Juma Ally'): FoldEvent {
  return {
    origin: 'origin-a',
    origin_seq: n,
    hlc: `${at(n)}-00000`,
    actor: 'user-juma',
    type,
    entity,
    payload: actorName === null ? payload : { ...payload, actor_name: actorName },
  };
}
function at(n: number): string {
  return new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString();
}

const report = {
  asset_id: DEVICE,
  kind: 'corrective',
  plan_id: null,
  procedure_id: 'procedure-v1',
  procedure_version: '1.0',
  reported_on: '2026-11-20',
  reported_by: 'Zuhura Said',
  symptoms: 'Haiwaki kabisa',
  warranty: true,
};
const reported = (n: number) => ev(n, 'maintenance.reported', ENTRY, report);
const diagnosed = (n: number) => ev(n, 'maintenance.diagnosed', ENTRY, { asset_id: DEVICE, diagnosis: 'Ubao mama umeungua' });
const assignedOutside = (n: number) =>
  ev(n, 'maintenance.assigned', ENTRY, {
    asset_id: DEVICE,
    technician_type: 'external',
    technician_name: 'Peter Mushi',
    provider_id: 'provider-1',
    provider_name: 'Techno Brain Ltd',
    job_ref: 'JC-2026-114',
    supervisor_name: 'Juma Ally',
  });
const parts = [
  { name: 'Ubao mama', quantity: 1, unit_cost_tzs: 450_000 },
  { name: 'Feni', quantity: 2, unit_cost_tzs: 35_000 },
];
const workRecorded = (n: number) =>
  ev(n, 'maintenance.work-recorded', ENTRY, { asset_id: DEVICE, actions: 'Ubao mama na feni vimebadilishwa', parts, labour_cost_tzs: 80_000, hours: 3.5 });
const sentOffsite = (n: number, on = '2026-11-21') => ev(n, 'maintenance.sent-offsite', ENTRY, { asset_id: DEVICE, sent_on: on });
const returned = (n: number, on = '2026-11-22') => ev(n, 'maintenance.returned', ENTRY, { asset_id: DEVICE, returned_on: on });
const closed = (n: number, on = '2026-11-23', outcome = 'repaired') => ev(n, 'maintenance.closed', ENTRY, { asset_id: DEVICE, closed_on: on, outcome });
const attached = (n: number, sha256: string, name: string) =>
  ev(n, 'maintenance.attachment-added', ENTRY, { asset_id: DEVICE, sha256, name, mime: 'image/jpeg', size: 2048 });

function fold(events: FoldEvent[], entity = ENTRY): MaintenanceEntryRow | undefined {
  return events.reduce<MaintenanceEntryRow | undefined>((row, event) => reduceEntry(row, event, entity), undefined);
}

function columns(row: MaintenanceEntryRow | undefined): Record<string, unknown> | undefined {
  return row && Object.fromEntries(entriesProjection.columns.map((c) => [c, (row as Record<string, unknown>)[c] ?? null]));
}

const freshEntry = {
  id: ENTRY,
  asset_id: DEVICE,
  kind: 'corrective',
  plan_id: null,
  procedure_id: 'procedure-v1',
  procedure_version: '1.0',
  reported_on: '2026-11-20',
  reported_by: 'Zuhura Said',
  symptoms: 'Haiwaki kabisa',
  diagnosis: '',
  actions: '',
  parts: '[]',
  parts_cost_tzs: 0,
  labour_cost_tzs: 0,
  hours: null,
  technician_type: null,
  technician_name: '',
  provider_id: null,
  provider_name: '',
  job_ref: '',
  supervisor_name: '',
  warranty: 1,
  state: 'reported',
  sent_on: '',
  returned_on: '',
  outcome: null,
  close_reason: '',
  closed_on: '',
  downtime_days: null,
  attachments: '[]',
};

describe('a log-book entry as the journal folds it', () => {
  it('opens with everything the report says, citing the procedure version', () => {
    expect(fold([reported(1)])).toEqual({ ...freshEntry, created_at: at(1), updated_at: at(1) });
  });

  it('records the diagnosis and moves a reported entry into progress', () => {
    expect(fold([reported(1), diagnosed(2)])).toMatchObject({ diagnosis: 'Ubao mama umeungua', state: 'in_progress', updated_at: at(2) });
  });

  it('records an outside provider with its job card and the supervising officer', () => {
    expect(fold([reported(1), assignedOutside(2)])).toMatchObject({
      technician_type: 'external',
      technician_name: 'Peter Mushi',
      provider_id: 'provider-1',
      provider_name: 'Techno Brain Ltd',
      job_ref: 'JC-2026-114',
      supervisor_name: 'Juma Ally',
      state: 'in_progress',
    });
  });

  it('records an internal technician', () => {
    const internal = ev(2, 'maintenance.assigned', ENTRY, {
      asset_id: DEVICE,
      technician_type: 'internal',
      technician_name: 'Hamisi Juma',
      provider_id: null,
      provider_name: '',
      job_ref: '',
      supervisor_name: '',
    });
    expect(fold([reported(1), internal])).toMatchObject({ technician_type: 'internal', technician_name: 'Hamisi Juma', provider_id: null });
  });

  it('records the work with its parts, their cost summed by quantity, labour and hours', () => {
    const row = fold([reported(1), workRecorded(2)]);
    expect(row).toMatchObject({
      actions: 'Ubao mama na feni vimebadilishwa',
      parts_cost_tzs: 450_000 + 2 * 35_000,
      labour_cost_tzs: 80_000,
      hours: 3.5,
      state: 'in_progress',
    });
    expect(JSON.parse(row?.parts ?? '')).toEqual(parts);
  });

  it('is off-site once sent, returned once back, with both dates', () => {
    const away = fold([reported(1), assignedOutside(2), sentOffsite(3)]);
    expect(away).toMatchObject({ state: 'off_site', sent_on: '2026-11-21', returned_on: '' });
    expect(reduceEntry(away, returned(4), ENTRY)).toMatchObject({ state: 'returned', sent_on: '2026-11-21', returned_on: '2026-11-22' });
  });

  it('forgets the previous return date when the device is sent off-site again', () => {
    const row = fold([reported(1), sentOffsite(2), returned(3), sentOffsite(4, '2026-11-22')]);
    expect(row).toMatchObject({ state: 'off_site', sent_on: '2026-11-22', returned_on: '' });
  });

  it('closes with the outcome and the downtime in days from report to close', () => {
    const row = fold([reported(1), diagnosed(2), assignedOutside(3), sentOffsite(4), returned(5), workRecorded(6), closed(7)]);
    expect(row).toMatchObject({ state: 'closed', closed_on: '2026-11-23', outcome: 'repaired', downtime_days: 3, updated_at: at(7) });
    // Nothing recorded before is lost.
    expect(row).toMatchObject({ diagnosis: 'Ubao mama umeungua', provider_name: 'Techno Brain Ltd', sent_on: '2026-11-21', returned_on: '2026-11-22', parts_cost_tzs: 520_000 });
  });

  it('counts a repair closed on the day it was reported as no downtime', () => {
    expect(fold([reported(1), closed(2, '2026-11-20', 'no_fault')])).toMatchObject({ downtime_days: 0, outcome: 'no_fault' });
  });

  it('stays closed when a late off-site or return event arrives after the close (merge order)', () => {
    const row = fold([reported(1), closed(2), sentOffsite(3), returned(4)]);
    expect(row).toMatchObject({ state: 'closed', closed_on: '2026-11-23', sent_on: '2026-11-21', returned_on: '2026-11-22' });
  });

  it('lists each attachment once, however often the same file is attached', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const row = fold([reported(1), attached(2, a, 'kadi-ya-kazi.jpg'), attached(3, b, 'risiti.jpg'), attached(4, a, 'kadi-tena.jpg')]);
    expect(JSON.parse(row?.attachments ?? '')).toEqual([
      { sha256: a, name: 'kadi-ya-kazi.jpg', mime: 'image/jpeg', size: 2048 },
      { sha256: b, name: 'risiti.jpg', mime: 'image/jpeg', size: 2048 },
    ]);
    // The duplicate changes nothing, not even the time of the last change.
    expect(row?.updated_at).toBe(at(3));
  });

  it('makes no row from events of an entry whose report was never seen', () => {
    for (const event of [diagnosed(1), assignedOutside(1), workRecorded(1), sentOffsite(1), returned(1), closed(1), attached(1, 'c'.repeat(64), 'x.jpg')]) {
      expect(reduceEntry(undefined, event, ENTRY)).toBeUndefined();
    }
  });

  it('builds a full row from a report that arrives after the entry\'s other events (merge order)', () => {
    const row = fold([diagnosed(1), workRecorded(2), closed(3), reported(4)]);
    expect(columns(row)).toEqual({ ...freshEntry, created_at: at(4), updated_at: at(4) });
  });

  it('keeps what the row already holds when a report is folded onto it', () => {
    const before = fold([reported(1), diagnosed(2), assignedOutside(3), workRecorded(4), closed(5)]);
    const again = reduceEntry(before, ev(6, 'maintenance.reported', ENTRY, { ...report, reported_on: '2026-11-21', symptoms: 'Skrini nyeusi' }), ENTRY);
    expect(again).toMatchObject({
      reported_on: '2026-11-21',
      symptoms: 'Skrini nyeusi',
      diagnosis: 'Ubao mama umeungua',
      provider_name: 'Techno Brain Ltd',
      parts_cost_tzs: 520_000,
      state: 'closed',
      outcome: 'repaired',
      closed_on: '2026-11-23',
      downtime_days: 2,
      created_at: at(1),
      updated_at: at(6),
    });
  });

  it("leaves the device's row alone when an entry's event reaches it by reference", () => {
    expect(reduceEntry(undefined, reported(1), DEVICE)).toBeUndefined();
    const row = fold([reported(1)]);
    expect(reduceEntry(row, closed(2), DEVICE)).toBe(row);
  });
});

describe('days between two typed dates', () => {
  it('counts whole calendar days', () => {
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('never goes below zero when the dates are the wrong way round', () => {
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(0);
  });
});

describe('procedures, plans and providers as the journal folds them', () => {
  const approved = {
    title: 'Utaratibu wa Matengenezo ya Vifaa vya TEHAMA',
    version: '1.0',
    approved_by: 'Mhandisi Mwajuma Waziri',
    approval_date: '2025-12-15',
    effective_date: '2026-01-01',
    document_sha256: 'd'.repeat(64),
    document_name: 'utaratibu-v1.pdf',
    document_size: 1234,
  };

  it('records an approved procedure version with who recorded it', () => {
    const row = reduceProcedure(undefined, ev(1, 'procedures.approved', 'procedure-v1', approved, 'Mhandisi Mwajuma Waziri'));
    expect(row).toEqual({
      id: 'procedure-v1',
      ...approved,
      recorded_by: 'Mhandisi Mwajuma Waziri',
      created_at: at(1),
    });
  });

  it('names the acting account when the event carries no display name', () => {
    expect(reduceProcedure(undefined, ev(1, 'procedures.approved', 'procedure-v1', approved, null))?.recorded_by).toBe('user-juma');
  });

  const plan = { procedure_id: 'procedure-v1', category: 'laptop', asset_id: null, task: 'Kusafisha na kukagua', interval_months: 6 };

  it('makes a new plan active', () => {
    const row = reducePlan(undefined, ev(1, 'plans.created', 'plan-1', { ...plan, id: 'another-plan' }));
    expect(row).toEqual({ id: 'plan-1', ...plan, active: 1, created_at: at(1), updated_at: at(1) });
  });

  it('changes the task, interval and active flag of a plan, keeping its scope', () => {
    const created = reducePlan(undefined, ev(1, 'plans.created', 'plan-1', plan));
    const updated = reducePlan(created, ev(2, 'plans.updated', 'plan-1', { task: 'Kusafisha tu', interval_months: 3, active: false }));
    expect(updated).toMatchObject({ id: 'plan-1', category: 'laptop', procedure_id: 'procedure-v1', task: 'Kusafisha tu', interval_months: 3, active: 0, created_at: at(1), updated_at: at(2) });
  });

  it('makes no plan from an update of a plan never created', () => {
    expect(reducePlan(undefined, ev(1, 'plans.updated', 'plan-1', { task: 'x', interval_months: 1, active: true }))).toBeUndefined();
  });

  const provider = {
    name: 'Techno Brain Ltd',
    registration_number: 'BRELA-118822',
    contact_name: 'Peter Mushi',
    phone: '+255 754 000 111',
    email: 'huduma@technobrain.co.tz',
    address: 'Dodoma',
  };

  it('makes a registered provider active', () => {
    expect(reduceProvider(undefined, ev(1, 'providers.registered', 'provider-1', provider))).toEqual({
      id: 'provider-1',
      ...provider,
      active: 1,
      created_at: at(1),
      updated_at: at(1),
    });
  });

  it('takes particulars and the active flag from an update, keeping the registration time', () => {
    const registered = reduceProvider(undefined, ev(1, 'providers.registered', 'provider-1', provider));
    const updated = reduceProvider(registered, ev(2, 'providers.updated', 'provider-1', { ...provider, phone: '+255 754 999 000', active: false }));
    expect(updated).toEqual({ id: 'provider-1', ...provider, phone: '+255 754 999 000', active: 0, created_at: at(1), updated_at: at(2) });
  });
});
