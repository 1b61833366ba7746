// Issue 14, the dashboard's disposal and accounts: disposal batches by stage, clause 3.6.12 (obsolete
// devices able to store records that no batch holds yet) and clause 3.1.2 (active accounts of people
// the register marks as no longer serving).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPORARY_PASSWORD } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { approvedBatch, openDisposalOffice, threeDevices, type DisposalOffice } from '../disposal/fixture.ts';
import { brief, figure, rowsBehind } from './fixture.ts';

describe('disposal', () => {
  let o: DisposalOffice;
  beforeEach(async () => {
    o = await openDisposalOffice();
  });
  afterEach(() => o.core.close());

  it('counts obsolete devices able to store records that no batch holds (3.6.12), and not a printer proposed for sale', async () => {
    expect(await figure(o, o.records.token, 'clause.3.6.12')).toMatchObject({ clause: '3.6.12', value: 3, flag: 'attention' });
    expect((await rowsBehind(o, o.records.token, 'clause.3.6.12')).map(brief)).toEqual([
      { label: 'MAJI/ICT/2026/0001', why: 'not-in-batch', flag: 'attention', lead: `assets/${o.laptop.id}` },
      { label: 'MAJI/ICT/2026/0002', why: 'not-in-batch', flag: 'attention', lead: `assets/${o.desktop.id}` },
      { label: 'MAJI/ICT/2026/0003', why: 'not-in-batch', flag: 'attention', lead: `assets/${o.flash.id}` },
    ]);
    await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    expect(await figure(o, o.records.token, 'clause.3.6.12')).toMatchObject({ value: 0, flag: 'ok' });
  });

  it('counts the batches at each stage, and lists the batches of one stage, each leading to its batch', async () => {
    expect(await figure(o, o.auditor.token, 'disposal.batches')).toMatchObject({ group: 'disposal', value: 0, buckets: [] });
    const batch = await approvedBatch(o);
    const draft = await o.ok(o.records.token, 'disposal.create', { note: 'Printa ya kuuza', lines: [{ asset_id: o.printer.id }] });
    const stages = await figure(o, o.auditor.token, 'disposal.batches');
    expect(stages).toMatchObject({ value: 2, flag: 'ok' });
    expect(stages.buckets).toEqual([
      { key: 'approved', value: 1 },
      { key: 'draft', value: 1 },
    ]);
    expect((await rowsBehind(o, o.auditor.token, 'disposal.batches', 'approved')).map(brief)).toEqual([
      { label: batch.number, why: 'disposal_ui.states.approved', flag: 'ok', lead: `disposal/${batch.id}` },
    ]);
    expect((await rowsBehind(o, o.auditor.token, 'disposal.batches')).map((row) => row.label)).toEqual([batch.number, draft.number]);
  });
});

describe('clause 3.1.2: accounts of people who no longer serve', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('counts an active account whose person the register marks as no longer serving, until the account is deactivated', async () => {
    // Zuhura's account shows another form of her name, but names her as its person.
    const zuhura = await o.ok(o.admin, 'users.create', { username: 'zsaid', display_name: 'Zuhura A. Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: o.people.zuhura });
    expect(await figure(o, o.admin, 'clause.3.1.2')).toMatchObject({ clause: '3.1.2', value: 0, flag: 'ok' });
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.zuhura });
    expect(await figure(o, o.auditor.token, 'clause.3.1.2')).toMatchObject({ value: 1, flag: 'attention' });
    expect((await rowsBehind(o, o.admin, 'clause.3.1.2')).map(brief)).toEqual([
      { label: 'Zuhura A. Said', why: 'account-of-leaver', flag: 'attention', lead: `users/${zuhura.id}` },
    ]);
    await o.ok(o.admin, 'users.deactivate', { user_id: zuhura.id, reason: 'transfer' });
    expect(await figure(o, o.admin, 'clause.3.1.2')).toMatchObject({ value: 0, flag: 'ok' });
  });

  it('does not count an account that only shares its name with a person who left', async () => {
    // Another Hamisi Juma holds this account; the register's Hamisi Juma is not its person.
    await o.ok(o.admin, 'users.create', { username: 'hjuma', display_name: 'Hamisi Juma', roles: ['records_officer'], temporary_password: TEMPORARY_PASSWORD });
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.hamisi });
    expect(await figure(o, o.admin, 'clause.3.1.2')).toMatchObject({ value: 0, flag: 'ok' });
    expect(await rowsBehind(o, o.admin, 'clause.3.1.2')).toEqual([]);
  });
});
