// 3.6.12: a disposal batch is approved by the Accounting Officer, never by whoever prepared it; one test
// per role of the product, and the routes the records officer alone may call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, refusedWithoutWriting } from '../../helpers/core.ts';
import { openDisposalOffice, sanitiseAll, threeDevices, type Batch, type DisposalOffice } from './fixture.ts';

let o: DisposalOffice;
let pending: Batch;
beforeEach(async () => {
  o = await openDisposalOffice();
  pending = await sanitiseAll(o, await o.ok(o.records.token, 'disposal.create', threeDevices(o)));
  await o.ok(o.records.token, 'disposal.send', { batch_id: pending.id });
});
afterEach(() => o.core.close());

const approve = () => ({ batch_id: pending.id, decision: 'approved' as const });

describe('who may decide a disposal batch, by role', () => {
  it('the Accounting Officer approves it', async () => {
    expect(await o.ok(o.accountant.token, 'disposal.decide', approve())).toMatchObject({ state: 'approved', decided_by: o.accountant.id });
  });

  it('the records officer who prepared it is refused', async () => {
    await refusedWithoutWriting(o, o.records.token, 'disposal.decide', approve(), 'forbidden');
  });

  it('an Accounting Officer who also prepared it is refused, as its preparer', async () => {
    const both = await addUser(o, o.admin, 'wote', ['records_officer', 'accounting_officer'], 'Saidi Wote');
    const own = await sanitiseAll(o, await o.ok(both.token, 'disposal.create', { lines: [{ asset_id: o.printer.id }] }));
    await o.ok(both.token, 'disposal.send', { batch_id: own.id });
    const error = await refusedWithoutWriting(o, both.token, 'disposal.decide', { batch_id: own.id, decision: 'approved' }, 'approval-own-request');
    expect(error.params).toEqual({ subject: own.number });
    expect(await o.ok(o.accountant.token, 'disposal.decide', { batch_id: own.id, decision: 'approved' })).toMatchObject({ state: 'approved' });
  });

  it('the Head of Institution is refused', async () => {
    await refusedWithoutWriting(o, o.head.token, 'disposal.decide', approve(), 'forbidden');
  });

  it('the ICT officer is refused', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'disposal.decide', approve(), 'forbidden');
  });

  it('the administrator is refused', async () => {
    await refusedWithoutWriting(o, o.admin, 'disposal.decide', approve(), 'forbidden');
  });

  it('the auditor is refused, and may read the batch', async () => {
    await refusedWithoutWriting(o, o.auditor.token, 'disposal.decide', approve(), 'forbidden');
    expect((await o.ok(o.auditor.token, 'disposal.get', { batch_id: pending.id })).state).toBe('awaiting_approval');
  });
});

describe('who prepares and follows a batch', () => {
  it('only the records officer builds, submits and records the outcome', async () => {
    for (const token of [o.officer.token, o.accountant.token, o.head.token, o.auditor.token, o.admin]) {
      await refusedWithoutWriting(o, token, 'disposal.create', { lines: [] }, 'forbidden');
      await refusedWithoutWriting(o, token, 'disposal.submit', { batch_id: pending.id, submitted_on: '2026-11-23', letter_ref: 'X' }, 'forbidden');
      await refusedWithoutWriting(o, token, 'disposal.disposed', { batch_id: pending.id, disposed_on: '2026-11-23', certificate_ref: 'X', method: 'Y' }, 'forbidden');
    }
  });
});

describe('what waits in the inbox', () => {
  const disposalItems = async (token: string) => (await o.ok(token, 'inbox.list', {})).items.filter((item) => item.key.startsWith('disposal-'));

  it('asks the Accounting Officer to decide the batch waiting, and tells the records officer the candidates in no batch', async () => {
    expect(await disposalItems(o.accountant.token)).toEqual([{ key: 'disposal-awaiting-approval', screen: 'disposal', urgency: 'act', count: 1 }]);
    // The printer is the one candidate left out of the batch.
    expect(await disposalItems(o.records.token)).toEqual([{ key: 'disposal-candidates', screen: 'disposal', urgency: 'soon', count: 1 }]);
    expect(await disposalItems(o.officer.token)).toEqual([]);
    await o.ok(o.accountant.token, 'disposal.decide', approve());
    expect(await disposalItems(o.accountant.token)).toEqual([]);
  });
});
