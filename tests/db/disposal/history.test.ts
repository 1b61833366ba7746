// Every disposal event told in plain words, in the history of the batch and of each of its devices, and
// the rows folded in any order of the events coming to the same thing a merge may bring.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchesProjection } from '../../../db/disposal/reducer.ts';
import type { FoldEvent } from '../../../db/journal/types.ts';
import type { DisposalBatchRow } from '../../../db/disposal/schema.ts';
import { DAY } from '../../helpers/core.ts';
import { openDisposalOffice, submittedBatch, type DisposalOffice } from './fixture.ts';

let o: DisposalOffice;
beforeEach(async () => {
  o = await openDisposalOffice();
});
afterEach(() => o.core.close());

const say = async (entity: string, language: 'sw' | 'en' = 'sw') => (await o.ok(o.admin, 'history.entity', { entity })).map((entry) => entry.sentence[language]).reverse();

describe('disposal in a history', () => {
  it('tells the batch from its preparation to the certificate, in both languages', async () => {
    const batch = await submittedBatch(o);
    await o.ok(o.records.token, 'disposal.correct', { batch_id: batch.id, note: 'Kumb. Na. sahihi ni MAJI/KUMB/12/3' });
    await o.ok(o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-23', collected_by: 'Bw. Said Mohamed' });
    o.clock.advance(DAY);
    await o.ok(o.records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: '2026-11-24', certificate_ref: 'RAMD/118', method: 'Kusagwa' });
    const sw = await say(batch.id);
    expect(sw[0]).toBe('Mwanaidi Kombo aliandaa kundi la uondoaji MAJI/UOND/2026/0001');
    expect(sw[1]).toBe('Mwanaidi Kombo aliweka kifaa MAJI/ICT/2026/0001 kwenye kundi la uondoaji (njia: Kuharibiwa; vitunza kumbukumbu: 1)');
    expect(sw).toContain(
      'Mwanaidi Kombo aliandika usafishaji wa SSD 512 GB (S/N S4EVNX0R123) · MAJI/ICT/2026/0001: Kusafisha kabisa (Purge), Kufuta kwa ufunguo (crypto erase), kwa nwipe; ulifanywa na Hamisi Juma na kuhakikiwa na Juma Ally',
    );
    expect(sw).toContain('Mwanaidi Kombo aliamua kitunza kumbukumbu HDD 1 TB (S/N WD-WCC6Y2) · MAJI/ICT/2026/0002 kiharibiwe na Idara ya Kumbukumbu na Nyaraka za Taifa bila kusafishwa');
    expect(sw).toContain('Bi. Rehema Kweka (Afisa Masuuli) aliidhinisha kundi la uondoaji');
    expect(sw.find((line) => line.includes('aliwasilisha'))).toBe(
      `Mwanaidi Kombo aliwasilisha kundi MAJI/UOND/2026/0001 kwa Idara ya Kumbukumbu na Nyaraka za Taifa tarehe 23/11/2026 (barua Kumb. Na. MAJI/KUMB/12); kundi limefungwa, SHA-256 ${batch.snapshot_sha256.slice(0, 12)}…`,
    );
    expect(sw.at(-1)).toBe('Mwanaidi Kombo aliandika kwamba vifaa viliondoshwa tarehe 24/11/2026 (cheti Na. RAMD/118; njia: Kusagwa)');
    const en = await say(batch.id, 'en');
    expect(en).toContain(`Mwanaidi Kombo recorded a correction to the frozen batch (SHA-256 ${batch.snapshot_sha256.slice(0, 12)}…): Kumb. Na. sahihi ni MAJI/KUMB/12/3`);
    expect(en).toContain('Mwanaidi Kombo recorded that the department collected the devices on 23/11/2026: Bw. Said Mohamed');
    for (const line of [...sw, ...en]) expect(line).not.toMatch(/history\.|disposal_ui\.|\{\{/);
  });

  it('tells a device its proposal, its batch and its disposal', async () => {
    const batch = await submittedBatch(o);
    const lines = await say(o.desktop.id, 'en');
    expect(lines).toContain('Juma Ally proposed the device MAJI/ICT/2026/0002 for disposal (Obsolete; route: Destruction): Haiwezi kuendesha mifumo ya sasa ya Serikali');
    expect(lines).toContain('Mwanaidi Kombo added the device MAJI/ICT/2026/0002 to the disposal batch (route: Destruction; storage media: 1)');
    expect(lines.some((line) => line.startsWith(`Mwanaidi Kombo submitted batch ${batch.number}`))).toBe(true);
  });

  it('tells a withdrawal, a rejection, a return, a cancellation and the letter settings', async () => {
    const [proposal] = await o.ok(o.officer.token, 'disposal.proposals', { asset_id: o.printer.id });
    await o.ok(o.officer.token, 'disposal.withdraw', { proposal_id: proposal!.id, reason: 'Itatumika tena' });
    expect((await say(proposal!.id, 'en')).at(-1)).toBe('Juma Ally withdrew the disposal proposal for MAJI/ICT/2026/0004: Itatumika tena');
    const batch = await submittedBatch(o);
    await o.ok(o.records.token, 'disposal.returned', { batch_id: batch.id, returned_on: '2026-11-23', reason: 'Hakuna saini' });
    expect((await say(batch.id, 'en')).at(-1)).toBe('Mwanaidi Kombo recorded that the department returned the devices on 23/11/2026: Hakuna saini');
    const draft = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.laptop.id }] });
    await o.ok(o.records.token, 'disposal.remove', { batch_id: draft.id, asset_id: o.laptop.id });
    await o.ok(o.records.token, 'disposal.cancel', { batch_id: draft.id, reason: 'Kimakosa' });
    expect((await say(draft.id, 'en')).slice(-2)).toEqual(['Mwanaidi Kombo took the device MAJI/ICT/2026/0001 out of the disposal batch', 'Mwanaidi Kombo cancelled the disposal batch: Kimakosa']);
    await o.ok(o.admin, 'disposal.set-settings', { signatory_title: 'Katibu Mkuu' });
    expect((await say('disposal-settings', 'en')).at(-1)).toBe('Asha Mrisho changed the words of the disposal cover letter');
  });
});

describe('a batch folded in any order', () => {
  it('keeps its freeze whatever arrives after it, and the rebuilt rows equal the stored ones', async () => {
    const batch = await submittedBatch(o);
    const events = (o.store.sqlite.prepare('SELECT origin, origin_seq, hlc, actor, type, entity, payload FROM journal WHERE entity = ? ORDER BY seq').all(batch.id) as (Omit<FoldEvent, 'payload'> & { payload: string })[]).map(
      (row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }),
    );
    const fold = (list: FoldEvent[]) => list.reduce<DisposalBatchRow | undefined>((row, event) => batchesProjection.reduce(row, event), undefined);
    const stored = o.store.sqlite.prepare('SELECT * FROM disposal_batches WHERE id = ?').get(batch.id);
    expect(fold(events)).toEqual(stored);
    // An addition made elsewhere, folded after the submission, changes nothing in the frozen batch.
    const added = events.find((event) => event.type === 'disposal.device-added') as FoldEvent;
    const late = { ...added, hlc: `${events.at(-1)!.hlc}z`, payload: { ...added.payload, asset_id: 'other', tag: 'MAJI/ICT/2026/0099' } };
    expect(fold([...events, late])).toEqual(stored);
  });
});
