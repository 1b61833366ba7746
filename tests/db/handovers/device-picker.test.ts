// The handover form's device picker (renderer/screens/handovers/prepare-form.tsx) offers what the giver
// holds, or the store keeps, and nothing that cannot change hands now (3.6.6): not a device disposed of
// (3.6.12), awaiting disposal or in a batch, nor one under repair. Each device it offers passes the
// check the form then asks of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickerQuery, type GiverChoice } from '../../../db/handovers/contract.ts';
import { registerDevice, registerLaptop, reportFault, TODAY } from '../../helpers/office.ts';
import { device, openDisposalOffice, submittedBatch, type DisposalOffice } from '../disposal/fixture.ts';

let o: DisposalOffice;

beforeAll(async () => {
  o = await openDisposalOffice();
  // Zuhura's old laptop, the desktop and the flash disk go to the department and are disposed of.
  const batch = await submittedBatch(o);
  await o.ok(o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: TODAY, collected_by: 'Elia Mwakyusa (Idara)' });
  await o.ok(o.records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: TODAY, certificate_ref: 'IKNT/UT/2026/117', method: 'Kusagwa' });
  // She still holds a laptop in service and one at repair; the store keeps a desktop.
  await registerLaptop(o, { tag: 'MAJI/ICT/2026/0008', serial: 'DL5440-91K' });
  const atRepair = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0009', serial: 'DL5440-12M' });
  await reportFault(o, o.officer.token, atRepair.id);
  await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0010', category: 'desktop', make: 'Lenovo', model: 'ThinkCentre M70q', serial: 'LN-M70-4410' });
}, 60_000);
afterAll(() => o.core.close());

/** The tags the picker offers for a giver, as the form asks the register. */
async function offered(giver: GiverChoice, search = ''): Promise<string[]> {
  return (await o.ok(o.officer.token, 'assets.list', pickerQuery(giver, search))).items.map((item) => item.tag);
}

describe('the handover form’s device picker', () => {
  it('does not offer a device disposed of, though the register still names its last holder', async () => {
    const disposed = await device(o, o.laptop.id);
    expect(disposed).toMatchObject({ status: 'disposed', custodian_id: o.people.zuhura });
    expect(await offered({ type: 'person', person_id: o.people.zuhura })).toEqual(['MAJI/ICT/2026/0008']);
    expect(await offered({ type: 'person', person_id: o.people.zuhura }, '0001')).toEqual([]);
  });

  it('offers from the store only what is in it: nothing disposed of or awaiting disposal', async () => {
    expect((await device(o, o.printer.id)).status).toBe('awaiting_disposal');
    expect(await offered({ type: 'store' })).toEqual(['MAJI/ICT/2026/0010']);
  });

  it('offers only devices the form’s check then accepts', async () => {
    const givers: GiverChoice[] = [{ type: 'person', person_id: o.people.zuhura }, { type: 'store' }];
    for (const giver of givers) {
      const from = giver.type === 'store' ? giver : { type: 'person' as const, person_id: o.people.zuhura };
      for (const tag of await offered(giver)) {
        const checked = await o.callRaw(o.officer.token, 'handovers.check-device', { code: tag, from, to_type: 'person', listed: [] });
        expect([tag, checked.ok]).toEqual([tag, true]);
      }
    }
  });
});
