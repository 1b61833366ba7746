// The screens count things with i18next's plural forms: "kifaa 1" and "vifaa 3", never "vifaa 1"
// (Swahili changes the noun and its agreement for one), and "1 device", never "1 devices".
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES, leafKeys } from '../../db/contract/catalogues/index.ts';

let sw: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  // The window's own settings (renderer/i18n/i18n.ts), without React.
  await instance.init({
    lng: 'sw',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: catalogues[lng] }])),
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  sw = instance.getFixedT('sw');
  en = instance.getFixedT('en');
});

describe('counted sentences on the screens', () => {
  it('asks the Accounting Officer to approve one device, or several, in good Swahili and English', () => {
    const key = 'handovers_ui.decide.explain-approve';
    expect(sw(key, { count: 1 })).toContain('kukabidhi kifaa 1 kama kilivyoorodheshwa');
    expect(sw(key, { count: 3 })).toContain('kukabidhi vifaa 3 kama vilivyoorodheshwa');
    expect(en(key, { count: 1 })).toContain('hand over the 1 device listed');
    expect(en(key, { count: 3 })).toContain('hand over the 3 devices listed');
  });

  it('says one stocktake device is expected, and several are', () => {
    expect(sw('stocktake_ui.open.done', { name: 'Uhakiki wa mwaka 2026', count: 1 })).toBe('Uhakiki wa vifaa Uhakiki wa mwaka 2026 umefunguliwa: kifaa 1 kinatarajiwa.');
    expect(sw('stocktake_ui.open.done', { name: 'Uhakiki wa mwaka 2026', count: 240 })).toBe('Uhakiki wa vifaa Uhakiki wa mwaka 2026 umefunguliwa: vifaa 240 vinatarajiwa.');
  });

  it('tells the inbox of one waiting item in the singular', () => {
    expect(sw('inbox.items.disposal-candidates', { count: 1 })).toBe('Kifaa 1 kinasubiri uondoaji bila kuwekwa kwenye kundi.');
    expect(sw('inbox.items.disposal-candidates', { count: 4 })).toBe('Vifaa 4 vinasubiri uondoaji bila kuwekwa kwenye kundi.');
    expect(sw('inbox.items.movements-to-decide', { count: 1 })).toBe('Ombi 1 la kutoa vifaa nje ya ofisi linasubiri uamuzi wako.');
    expect(en('inbox.items.media-wipe-due', { count: 1 })).toBe('1 removable medium came back and has not been wiped.');
    expect(en('inbox.items.media-wipe-due', { count: 2 })).toBe('2 removable media came back and have not been wiped.');
  });

  it('keeps every singular form beside its sentence, in both languages', () => {
    for (const language of LANGUAGES) {
      const keys = new Set(leafKeys(catalogues[language]));
      const orphans = [...keys].filter((key) => key.endsWith('_one') && !keys.has(key.slice(0, -'_one'.length)));
      expect([language, orphans]).toEqual([language, []]);
    }
  });
});
