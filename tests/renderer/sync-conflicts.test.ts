// The Sync screen's conflicts panel tells the custody areas' conflicts as each area tells them (the
// description its contract.ts exports), in both languages: the device, the people, permits and
// handovers involved, and what to do; never as a generic "other" conflict.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../db/contract/catalogues/index.ts';
import { disposalConflicts } from '../../db/disposal/conflicts.ts';
import { handoverConflicts } from '../../db/handovers/conflicts.ts';
import { mediaConflicts } from '../../db/media/conflicts.ts';
import { movementsConflicts } from '../../db/movements/conflicts.ts';
import { stocktakeConflicts } from '../../db/stocktake/conflicts.ts';
import {
  AREA_CONFLICT_KINDS,
  areaConflictText,
  conflictDevices,
  conflictInstallations,
  conflictRecords,
  conflictScreen,
  conflictScreenLink,
  conflictTitle,
  voidsIssue,
  type ConflictLike,
} from '../../renderer/screens/sync/sync-helpers.ts';

const sw = translator('sw');
const en = translator('en');

/** One conflict of each kind, its detail shaped as the area's rule shapes it (tests/db/<area>/conflicts). */
const SAMPLES: Record<string, ConflictLike> = {
  'handover-received-twice': {
    kind: 'handover-received-twice',
    entities: ['a1', 'h1', 'h2'],
    detail: { tag: 'MAJI/ICT/2025/0042', handovers: ['h1', 'h2'], numbers: ['MAJI/MK/2025/0001', 'MAJI/MK/2025/0002'], receivers: ['Hamisi Juma', ''] },
  },
  'handover-number-twice': { kind: 'handover-number-twice', entities: ['h1', 'h2'], detail: { number: 'MAJI/MK/2025/0001', handovers: ['h1', 'h2'] } },
  'off-premises-while-repair': {
    kind: 'off-premises-while-repair',
    entities: ['a1', 'm1', 'e1'],
    detail: { tag: 'MAJI/ICT/2025/0007', permits: ['MAJI/KB/2025/0003'], repair: 'in_house', entries: ['e1'] },
  },
  'handed-over-while-off-premises': {
    kind: 'handed-over-while-off-premises',
    entities: ['a1', 'm1', 'h1'],
    detail: { tag: 'MAJI/ICT/2025/0042', permit: 'MAJI/KB/2025/0001', holder: 'Zuhura Said', state: 'approved', handover: 'MAJI/MK/2025/0001', receiver: 'Hamisi Juma' },
  },
  'media-issued-twice': { kind: 'media-issued-twice', entities: ['d1', 'i1', 'i2'], detail: { tag: 'MAJI/FD/2025/0003', issues: ['i1', 'i2'], holders: ['Zuhura Said', 'Hamisi Juma'] } },
  'disposal-device-in-two-batches': {
    kind: 'disposal-device-in-two-batches',
    entities: ['a1', 'b1', 'b2'],
    detail: { asset_id: 'a1', tag: 'MAJI/ICT/2025/0042', batches: ['b1', 'b2'], numbers: ['MAJI/UOND/2025/0001', 'MAJI/UOND/2025/0002'] },
  },
  'disposal-handed-over-in-batch': {
    kind: 'disposal-handed-over-in-batch',
    entities: ['a1', 'b1', 'h1'],
    detail: { tag: 'MAJI/ICT/2025/0042', number: 'MAJI/UOND/2025/0001', handover: 'MAJI/MK/2025/0003' },
  },
  'disposal-batched-on-handover': {
    kind: 'disposal-batched-on-handover',
    entities: ['a1', 'b1', 'h1'],
    detail: { tag: 'MAJI/ICT/2025/0042', number: 'MAJI/UOND/2025/0001', handover: 'MAJI/MK/2025/0004' },
  },
  'disposal-number-twice': { kind: 'disposal-number-twice', entities: ['b1', 'b2'], detail: { number: 'MAJI/UOND/2025/0001', batches: ['b1', 'b2'] } },
  'stocktake-counted-in-two-places': {
    kind: 'stocktake-counted-in-two-places',
    entities: ['s1', 'a1', 'c1', 'c2'],
    detail: { stocktake: 'Uhakiki 2025', tag: 'MAJI/ICT/2025/0001', places: ['Makao Makuu', 'Ofisi ya Kanda'], counters: ['Asha Mrisho', 'Baraka Mollel'] },
  },
};

const text = (kind: string, t = en) => areaConflictText(SAMPLES[kind] as ConflictLike, t) ?? '';

describe('the custody areas’ conflicts on the Sync screen', () => {
  it('knows every kind the handovers, off-premises and media rules find', () => {
    const kinds = [...handoverConflicts, ...movementsConflicts, ...mediaConflicts, ...disposalConflicts, ...stocktakeConflicts].map((rule) => rule.kind);
    expect([...AREA_CONFLICT_KINDS].sort()).toEqual([...kinds].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...kinds].sort());
  });

  for (const language of LANGUAGES) {
    const t = translator(language);
    it(`titles and tells each kind in ${language}, with nothing left unfilled`, () => {
      for (const conflict of Object.values(SAMPLES)) {
        const title = conflictTitle(conflict.kind, t);
        expect(title).not.toBe(t('syncUi.conflicts.kinds.other.title', { kind: conflict.kind }));
        expect(title).not.toContain('syncUi.');
        const sentence = areaConflictText(conflict, t) ?? '';
        expect(sentence.length).toBeGreaterThan(60);
        expect(sentence).not.toMatch(/\{\{|_ui\.|syncUi\./);
      }
    });
  }

  it('names the device and both receivers of a device received twice, the store by its name', () => {
    expect(text('handover-received-twice')).toBe(
      'Device MAJI/ICT/2025/0042 was received by different holders through handovers prepared on two installations, each without knowing of the other: Hamisi Juma (MAJI/MK/2025/0001); ICT store (MAJI/MK/2025/0002). Confirm who actually holds it, set it right with a new handover, then mark the conflict resolved.',
    );
    expect(text('handover-received-twice', sw)).toContain('Hamisi Juma (MAJI/MK/2025/0001); Stoo ya TEHAMA (MAJI/MK/2025/0002)');
  });

  it('names the number two handovers share, and shows no device for it', () => {
    expect(text('handover-number-twice')).toBe('2 handovers were given the same number, MAJI/MK/2025/0001, on two installations. Refer to each by its devices when citing it.');
    expect(text('handover-number-twice', sw)).toContain('MAJI/MK/2025/0001');
    expect(conflictDevices(SAMPLES['handover-number-twice'] as ConflictLike)).toEqual([]);
  });

  it('names the device and the permit of a device out while in repair', () => {
    expect(text('off-premises-while-repair')).toContain('Device MAJI/ICT/2025/0007 was taken out on permit MAJI/KB/2025/0003');
    expect(text('off-premises-while-repair', sw)).toContain('Kifaa MAJI/ICT/2025/0007 kilitolewa nje kwa kibali MAJI/KB/2025/0003');
  });

  it('names the device, the permit and its holder, the handover and its receiver of a device handed over while on a permit', () => {
    expect(text('handed-over-while-off-premises')).toBe(
      'Device MAJI/ICT/2025/0042 was approved to leave the office with Zuhura Said on permit MAJI/KB/2025/0001 on one installation, while another, not knowing, recorded it as received by Hamisi Juma through handover MAJI/MK/2025/0001. Confirm who holds it: revoke the permit, or hand it back; an administrator may record it as resolved under Sync.',
    );
    const out = { ...(SAMPLES['handed-over-while-off-premises'] as ConflictLike), detail: { ...SAMPLES['handed-over-while-off-premises']?.detail, state: 'out', receiver: '' } };
    expect(areaConflictText(out, en)).toContain('was checked out to Zuhura Said on permit MAJI/KB/2025/0001');
    expect(areaConflictText(out, en)).toContain('received by the ICT store');
    expect(areaConflictText(out, sw)).toContain('kilitolewa nje kwa Zuhura Said kwa kibali MAJI/KB/2025/0001');
    expect(text('handed-over-while-off-premises', sw)).toContain('kimepokelewa na Hamisi Juma kwa makabidhiano MAJI/MK/2025/0001');
  });

  it('names the medium and both holders of a medium issued twice, and closes it by voiding an issue', () => {
    expect(text('media-issued-twice')).toBe(
      'Medium MAJI/FD/2025/0003 was recorded as issued to Zuhura Said, Hamisi Juma on different installations, each not knowing of the other issue. Find out who actually holds it, then void the issue that never happened (or take the medium back).',
    );
    expect(text('media-issued-twice', sw)).toContain('Kihamisha kumbukumbu MAJI/FD/2025/0003 kimerekodiwa kutolewa kwa Zuhura Said, Hamisi Juma');
    expect(voidsIssue('media-issued-twice')).toBe(true);
    expect(voidsIssue('handover-received-twice')).toBe(false);
  });

  it('points each kind to the screen where its records are set right, and the device it is about', () => {
    expect(conflictScreen('handover-received-twice')).toBe('handovers');
    expect(conflictScreen('handed-over-while-off-premises')).toBe('movements');
    expect(conflictScreen('media-issued-twice')).toBe('media');
    expect(conflictScreen('duplicate-tag')).toBeNull();
    for (const kind of ['handover-received-twice', 'off-premises-while-repair', 'handed-over-while-off-premises', 'media-issued-twice']) {
      expect(conflictDevices(SAMPLES[kind] as ConflictLike)).toEqual([SAMPLES[kind]?.entities[0]]);
    }
    for (const language of LANGUAGES) {
      const t = translator(language);
      for (const screen of ['handovers', 'movements', 'media']) expect(t(`syncUi.conflicts.open-area.${screen}`)).not.toContain('syncUi.');
      for (const key of ['title', 'explain', 'issue', 'issue-to', 'reason', 'reason-example', 'submit', 'done']) expect(t(`syncUi.conflicts.void.${key}`)).not.toContain('syncUi.');
    }
  });

  it('names the device and both batch numbers of a device in two disposal batches, and links to the disposal screen', () => {
    expect(text('disposal-device-in-two-batches')).toBe(
      'The device MAJI/ICT/2025/0042 was put in two disposal batches on different computers: MAJI/UOND/2025/0001, MAJI/UOND/2025/0002. Take it out of one of them.',
    );
    expect(text('disposal-device-in-two-batches', sw)).toContain('Kifaa MAJI/ICT/2025/0042 kimewekwa kwenye makundi mawili ya uondoaji');
    expect(text('disposal-handed-over-in-batch')).toContain('MAJI/ICT/2025/0042 was handed over (MAJI/MK/2025/0003) while disposal batch MAJI/UOND/2025/0001 held it');
    expect(text('disposal-handed-over-in-batch', sw)).toContain('Kifaa MAJI/ICT/2025/0042 kilikabidhiwa (MAJI/MK/2025/0003) kikiwa kwenye kundi la uondoaji MAJI/UOND/2025/0001');
    expect(conflictTitle('disposal-number-twice', en)).toBe('Disposal batch number used twice');
    expect(text('disposal-batched-on-handover')).toContain('MAJI/ICT/2025/0042 was put in disposal batch MAJI/UOND/2025/0001 while handover MAJI/MK/2025/0004');
    for (const kind of ['disposal-device-in-two-batches', 'disposal-handed-over-in-batch', 'disposal-batched-on-handover', 'disposal-number-twice']) {
      expect(conflictScreen(kind)).toBe('disposal');
      expect(conflictScreenLink(kind, sw)).toBe('Fungua uondoaji wa vifaa');
    }
    expect(conflictScreenLink('media-issued-twice', en)).toBe(en('syncUi.conflicts.open-area.media'));
    expect(conflictScreenLink('duplicate-tag', en)).toBeNull();
    expect(conflictDevices(SAMPLES['disposal-number-twice'] as ConflictLike)).toEqual([]);
    expect(conflictRecords(SAMPLES['disposal-number-twice'] as ConflictLike)).toEqual(['b1', 'b2']);
    expect(conflictDevices(SAMPLES['disposal-device-in-two-batches'] as ConflictLike)).toEqual(['a1']);
  });

  it('names the device, the stocktake and both places of a device counted twice, and links to the stocktake screen', () => {
    expect(text('stocktake-counted-in-two-places')).toBe(
      'The device MAJI/ICT/2025/0001 was counted in two places in the stocktake Uhakiki 2025: Makao Makuu (Asha Mrisho), Ofisi ya Kanda (Baraka Mollel). Find the device, then take back the wrong count.',
    );
    expect(text('stocktake-counted-in-two-places', sw)).toContain('Kifaa MAJI/ICT/2025/0001 kilihesabiwa mahali pawili');
    expect(conflictTitle('stocktake-counted-in-two-places', sw)).toBe('Kifaa kimehesabiwa mahali pawili');
    expect(conflictScreen('stocktake-counted-in-two-places')).toBe('stocktake');
    expect(conflictScreenLink('stocktake-counted-in-two-places', en)).toBe('View the stocktake');
    // The stocktake is no device: the device is the second entity, the counts are the records.
    expect(conflictDevices(SAMPLES['stocktake-counted-in-two-places'] as ConflictLike)).toEqual(['a1']);
    expect(conflictRecords(SAMPLES['stocktake-counted-in-two-places'] as ConflictLike)).toEqual(['c1', 'c2']);
  });

  it('says on which installations the records were made: this one, others by their names here, an unnamed one by its id', () => {
    const conflict = SAMPLES['handed-over-while-off-premises'] as ConflictLike;
    expect(conflictRecords(conflict)).toEqual(['m1', 'h1']);
    const origins = [
      { entity: 'a1', origin: 'origin-z', self: false, name: 'Ofisi ya Arusha' },
      { entity: 'm1', origin: 'origin-a', self: true, name: null },
      { entity: 'h1', origin: 'origin-b', self: false, name: 'Ofisi ya Dodoma' },
    ];
    // The device's own registration is not where the clash arose.
    expect(conflictInstallations(conflict, origins, en)).toBe('Recorded on: this installation, Ofisi ya Dodoma.');
    expect(conflictInstallations(conflict, origins, sw)).toBe('Zilirekodiwa kwenye: kompyuta hii, Ofisi ya Dodoma.');
    const unnamed = [{ entity: 'h1', origin: '8e5ad063-77aa-4c1e', self: false, name: null }];
    expect(conflictInstallations(conflict, unnamed, en)).toBe('Recorded on: another installation (8e5ad063).');
    // Two records of one installation name it once; handovers sharing a number count every handover.
    const twice = SAMPLES['handover-number-twice'] as ConflictLike;
    expect(conflictRecords(twice)).toEqual(['h1', 'h2']);
    const same = [
      { entity: 'h1', origin: 'origin-b', self: false, name: 'Ofisi ya Dodoma' },
      { entity: 'h2', origin: 'origin-b', self: false, name: 'Ofisi ya Dodoma' },
    ];
    expect(conflictInstallations(twice, same, en)).toBe('Recorded on: Ofisi ya Dodoma.');
    expect(conflictInstallations({ kind: 'custodian-diverged', entities: ['a1'], detail: {} }, origins, en)).toBeNull();
  });

  it('leaves the sync screen’s own kinds and unknown ones to the panel', () => {
    expect(areaConflictText({ kind: 'duplicate-tag', detail: { tag: 'X' } }, en)).toBeNull();
    expect(areaConflictText({ kind: 'from-a-newer-version', detail: {} }, en)).toBeNull();
    expect(conflictTitle('from-a-newer-version', en)).toBe('Conflict (from-a-newer-version)');
    expect(conflictTitle('duplicate-tag', sw)).toBe('Namba ya kifaa imetumika mara mbili');
  });
});
