// The stocktake screen's pure parts: the colour a scan answers in, who may close, the action each list
// of findings offers, and "changed since opening" in both languages.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../db/contract/catalogues/index.ts';
import { SCAN_OUTCOMES, type ExpectedView } from '../../db/stocktake/contract.ts';
import { ACTION_ROUTES, changedSince, expectedCounted, isChair, LIST_ACTIONS, OUTCOME_TONES, RESULT_LISTS } from '../../renderer/screens/stocktake/stocktake-view.ts';

const row = (now: ExpectedView['now']): ExpectedView => ({
  asset_id: 'a1',
  tag: 'MAJI/ICT/2026/0001',
  make: 'Dell',
  model: 'Latitude 5440',
  category: 'laptop',
  serial: 'DL-1',
  location_id: 'floor2',
  location_name: 'Ghorofa 2',
  department_id: null,
  department_name: '',
  custodian_id: 'zuhura',
  custodian_name: 'Zuhura Said',
  status: 'in_service',
  counted: false,
  now,
});

describe('the answer to a scan', () => {
  it('is green only when the device is here as registered, red for a code the register does not know, grey for a repeat', () => {
    expect(OUTCOME_TONES['found-here']).toBe('green');
    expect(OUTCOME_TONES['not-in-register']).toBe('red');
    expect(OUTCOME_TONES['already-counted']).toBe('grey');
    expect(OUTCOME_TONES['not-expected']).toBe('blue');
    for (const outcome of ['found-elsewhere', 'other-custodian', 'different-condition', 'label-missing', 'accounted-for'] as const) expect(OUTCOME_TONES[outcome]).toBe('amber');
  });

  for (const language of LANGUAGES) {
    it(`has a headline for every outcome the core answers with, in ${language}`, () => {
      const t = translator(language);
      const missing = SCAN_OUTCOMES.filter((outcome) => t(`stocktake_ui.count.outcomes.${outcome}`) === `stocktake_ui.count.outcomes.${outcome}`);
      expect(missing).toEqual([]);
    });
  }
});

describe('closing and the actions on the findings', () => {
  const committee = [
    { name: 'Mwanaidi Kombo', title: 'Afisa Kumbukumbu', user_id: 'u-records', chair: true },
    { name: 'Juma Ally', title: 'Afisa TEHAMA', user_id: 'u-ict', chair: false },
  ];

  it('lets only the chair, signed in as themself, close', () => {
    expect(isChair(committee, 'u-records')).toBe(true);
    expect(isChair(committee, 'u-ict')).toBe(false);
    expect(isChair([{ ...committee[0]!, user_id: null }], 'u-records')).toBe(false);
  });

  it('counts as progress only the expected devices counted, not those counted outside the scope', () => {
    const progress = [
      { location_id: 'floor2', location_name: 'Ghorofa 2', expected: 3, counted: 2 },
      { location_id: 'store', location_name: 'Stoo ya TEHAMA', expected: 2, counted: 2 },
      { location_id: 'zone', location_name: 'Ofisi ya Kanda', expected: 0, counted: 1 },
    ];
    expect(expectedCounted({ progress })).toBe(4);
  });

  it('offers one action on missing, found elsewhere, custodian and unknown findings, each behind its route', () => {
    expect(RESULT_LISTS.filter((list) => LIST_ACTIONS[list])).toEqual(['missing', 'found_elsewhere', 'custodian_mismatches', 'unknown']);
    expect(ACTION_ROUTES).toEqual({ move: 'stocktake.move-found', correct: 'stocktake.correct-custodian', register: 'stocktake.register-unknown', report: 'stocktake.report-missing' });
  });
});

describe('an expected device that changed since the stocktake was opened', () => {
  it('says nothing when the device is as it was', () => {
    expect(changedSince(row(null), translator('en'))).toBe('');
  });

  it('says where it moved, who holds it now and its status now, in both languages', () => {
    const moved = row({ location_id: 'store', location_name: 'Stoo ya TEHAMA', custodian_id: null, custodian_name: '', status: 'under_repair' });
    expect(changedSince(moved, translator('en'))).toBe('Since opening: moved to Stoo ya TEHAMA; no custodian now; status now “Under repair”');
    expect(changedSince(moved, translator('sw'))).toBe('Tangu kufunguliwa: kimehamishiwa Stoo ya TEHAMA; sasa hakina mtunzaji; hali sasa ni “Kinafanyiwa matengenezo”');
  });
});
