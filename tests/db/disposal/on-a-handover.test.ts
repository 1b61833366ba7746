// A device on a handover not yet received or cancelled is promised to its receiver (3.6.6): it cannot go
// into a disposal batch (3.6.12) until the handover ends, and the refusal names the device and the
// handover's number in Swahili and English. The candidates list says so, and offers it for no batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { present, refusedWithoutWriting } from '../../helpers/core.ts';
import { registerLaptop, type Device } from '../../helpers/office.ts';
import { device, openDisposalOffice, type DisposalOffice } from './fixture.ts';

let o: DisposalOffice;
/** Zuhura's second laptop, on its way to Hamisi when it is proposed as obsolete. */
let laptop2: Device;
let handover: { id: string; number: string };

beforeEach(async () => {
  o = await openDisposalOffice();
  laptop2 = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0008', serial: 'DL5440-91K' });
  handover = await o.ok(o.officer.token, 'handovers.prepare', {
    kind: 'handover',
    from: { type: 'person', person_id: o.people.zuhura },
    to: { type: 'person', person_id: o.people.hamisi },
    lines: [{ asset_id: laptop2.id, condition: 'fair', accessories: 'Chaja' }],
    reason: 'Hamisi anahitaji kompyuta ya kazi za mfumo wa malipo',
  });
  // A proposal is an intention: it may be made while the handover waits (the batch is the step that acts).
  await o.ok(o.officer.token, 'disposal.propose', { asset_id: laptop2.id, reason: 'obsolete', note: 'Betri haishiki chaji' });
});
afterEach(() => o.core.close());

describe('a device on a handover not yet received', () => {
  it('cannot be put in a new batch: the refusal names the device and the handover, in both languages', async () => {
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }, { asset_id: laptop2.id }] }, 'disposal-device-on-handover');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0008', number: handover.number });
    expect(handover.number).toBe('MAJI/MK/2026/0001');
    expect(translator('sw')(error.message, error.params)).toBe(
      'Kifaa MAJI/ICT/2026/0008 kipo kwenye makabidhiano MAJI/MK/2026/0001 ambayo bado hayajakamilika: hakiwezi kuwekwa kwenye kundi la uondoaji hadi makabidhiano hayo yapokelewe au yasitishwe.',
    );
    expect(translator('en')(error.message, error.params)).toBe(
      'The device MAJI/ICT/2026/0008 is on handover MAJI/MK/2026/0001, which is not yet complete: it cannot go into a disposal batch until that handover is received or cancelled.',
    );
  });

  it('cannot be added to a draft batch, even once the handover is approved', async () => {
    const batch = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }] });
    await o.ok(o.accountant.token, 'handovers.decide', { handover_id: handover.id, decision: 'approved' });
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: batch.id, lines: [{ asset_id: laptop2.id }] }, 'disposal-device-on-handover');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0008', number: handover.number });
  });

  it('goes into a batch once the handover is cancelled', async () => {
    await o.ok(o.officer.token, 'handovers.cancel', { handover_id: handover.id, reason: 'Kompyuta imependekezwa kuondolewa' });
    const batch = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: laptop2.id }] });
    expect(batch.devices.map((d) => d.tag)).toEqual(['MAJI/ICT/2026/0008']);
    expect((await device(o, laptop2.id)).status).toBe('in_disposal');
  });

  it('is listed among the candidates with the handover that holds it', async () => {
    const candidates = await o.ok(o.records.token, 'disposal.candidates');
    const waiting = present(
      candidates.find((c) => c.id === laptop2.id),
      'the laptop',
    );
    expect(waiting).toMatchObject({ tag: 'MAJI/ICT/2026/0008', batch_id: null, handover_id: handover.id, handover_number: handover.number });
    expect(candidates.find((c) => c.id === o.desktop.id)).toMatchObject({ handover_id: null, handover_number: null });
  });
});
