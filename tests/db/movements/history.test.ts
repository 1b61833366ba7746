// Every off-premises event reads as a sentence in both languages naming the permit, in the history of
// the request and of each of its devices; the journal rebuilds the requests and the devices' rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../helpers/core.ts';
import { approvedRequest, openMovementsOffice, requestFor, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
beforeEach(async () => {
  o = await openMovementsOffice();
});
afterEach(() => o.core.close());

describe('the history of a permit', () => {
  it('tells every step in both languages, on the request and on each device', async () => {
    const permit = await approvedRequest(o, { asset_ids: [o.laptop.id, o.desktop.id] }, 'Kikao cha Bunge');
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    o.clock.advance(2 * DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-25', condition: 'incomplete', notes: 'Chaja haijarudi' });
    const rejected = await o.ok(o.officer.token, 'movements.request', requestFor(o, { date_out: '2026-12-01', due_on: '2026-12-02' }));
    await o.ok(o.accountant.token, 'movements.decide', { request_id: rejected.id, decision: 'rejected', reason: 'Nakala ipo mtandaoni' });
    const revoked = await approvedRequest(o, { date_out: '2026-12-03', due_on: '2026-12-04' });
    await o.ok(o.accountant.token, 'movements.revoke', { request_id: revoked.id, reason: 'Safari imeahirishwa' });

    const history = await o.ok(o.auditor.token, 'history.entity', { entity: permit.id });
    // Newest first, as the history screen shows it.
    expect(history.map((e) => e.sentence.sw).reverse()).toEqual([
      `Juma Ally aliandaa ombi MAJI/KBL/2026/0001 la Zuhura Said kutoa kifaa ${o.laptop.tag}, ${o.desktop.tag} nje ya ofisi kwenda AICC, Arusha, kuanzia 24/11/2026 hadi 28/11/2026.`,
      'Bi. Rehema Kweka aliidhinisha kibali MAJI/KBL/2026/0001 cha kutoa kifaa chenye siri sana/siri kuu nje ya ofisi, kwa sababu: Kikao cha Bunge.',
      'Juma Ally alirekodi kifaa kutoka nje ya ofisi kwa kibali MAJI/KBL/2026/0001 tarehe 24/11/2026.',
      'Juma Ally alipokea kifaa kilichorudi kutoka nje ya ofisi (kibali MAJI/KBL/2026/0001) tarehe 25/11/2026; hali: Pungufu (vifaa vingine havijarudi).',
    ]);
    expect(history.map((e) => e.sentence.en)[0]).toBe(
      'Juma Ally checked the device back in from off premises (permit MAJI/KBL/2026/0001) on 25/11/2026; condition: Incomplete (some items not returned).',
    );
    const desktop = (await o.ok(o.auditor.token, 'history.entity', { entity: o.desktop.id })).map((e) => e.sentence.en);
    expect(desktop.filter((line) => line.includes('MAJI/KBL/2026/0001'))).toHaveLength(4);
    const laptop = (await o.ok(o.auditor.token, 'history.entity', { entity: o.laptop.id })).map((e) => e.sentence.en);
    expect(laptop).toEqual(
      expect.arrayContaining([
        'Bi. Rehema Kweka rejected off-premises request MAJI/KBL/2026/0002: Nakala ipo mtandaoni.',
        'Bi. Rehema Kweka approved off-premises permit MAJI/KBL/2026/0003.',
        'Bi. Rehema Kweka revoked off-premises permit MAJI/KBL/2026/0003: Safari imeahirishwa.',
      ]),
    );
    // The journal holds everything: rebuilding every row from it gives the rows the commands wrote.
    const verified = await o.ok(o.auditor.token, 'journal.verify');
    expect(verified, JSON.stringify(verified)).toMatchObject({ ok: true });
  });
});
