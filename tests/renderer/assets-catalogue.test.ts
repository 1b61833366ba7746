// The register's and the log book's sentences: both languages hold every key the screens build from a
// value, the screens' file keeps to its own top-level keys, and the Swahili uses the directive's words.
import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES, leafKeys, translator } from '../../db/contract/catalogues/index.ts';
import enCore from '../../db/contract/catalogues/en/core.json' with { type: 'json' };
import enDocuments from '../../db/contract/catalogues/en/documents.json' with { type: 'json' };
import enAssetsUi from '../../db/contract/catalogues/en/assets-ui.json' with { type: 'json' };
import enImport from '../../db/contract/catalogues/en/import.json' with { type: 'json' };
import enMaintenanceUi from '../../db/contract/catalogues/en/maintenance-ui.json' with { type: 'json' };
import enUi from '../../db/contract/catalogues/en/ui.json' with { type: 'json' };
import swAssetsUi from '../../db/contract/catalogues/sw/assets-ui.json' with { type: 'json' };
import { ASSET_SORTS, ASSET_STATUSES, CLASSIFICATIONS, LABEL_PRESET_NAMES, MEDIA_KINDS } from '../../db/assets/contract.ts';
import { ENTRY_STATES, MAINTENANCE_KINDS, OUTCOMES } from '../../db/maintenance/contract.ts';

/** Keys the register and log book screens build from a value (`statuses.${status}`). */
const BUILT_KEYS = [
  ...ASSET_SORTS.map((sort) => `assetsUi.sort.${sort}`),
  ...LABEL_PRESET_NAMES.map((preset) => `assetsUi.labels.presets.${preset}`),
  ...['diagnose', 'assign', 'work', 'offsite', 'return', 'close'].flatMap((step) => [`logbookUi.steps.${step}`, `logbookUi.${step}.title`]),
  ...ASSET_STATUSES.map((status) => `statuses.${status}`),
  ...CLASSIFICATIONS.map((value) => `classifications.${value}`),
  'classifications.offline-warning',
  ...MEDIA_KINDS.map((kind) => `media.${kind}`),
  ...['installed', 'removed'].map((state) => `mediaStates.${state}`),
  ...OUTCOMES.map((outcome) => `outcomes.${outcome}`),
  ...ENTRY_STATES.map((state) => `entryStates.${state}`),
  ...MAINTENANCE_KINDS.map((kind) => `maintenanceKinds.${kind}`),
  'errors.storage-not-removed',
  'documents.validation.period',
];

describe('the register’s and the log book’s catalogue', () => {
  for (const language of LANGUAGES) {
    it(`holds every key the screens build from a value, in ${language}`, () => {
      const t = translator(language);
      expect(BUILT_KEYS.filter((key) => t(key) === key)).toEqual([]);
    });
  }

  it('keeps to its own top-level keys, shared with no other catalogue file', () => {
    expect(Object.keys(swAssetsUi).sort()).toEqual(['assetsUi', 'logbookUi']);
    expect(Object.keys(enAssetsUi).sort()).toEqual(['assetsUi', 'logbookUi']);
    const others = [enCore, enUi, enDocuments, enImport, enMaintenanceUi].flatMap((file) => Object.keys(file));
    expect(Object.keys(enAssetsUi).filter((key) => others.includes(key))).toEqual([]);
  });

  it('holds the same keys in Swahili and English', () => {
    expect(leafKeys(swAssetsUi).sort()).toEqual(leafKeys(enAssetsUi).sort());
    expect(leafKeys(catalogues.sw).filter((key) => key.startsWith('assetsUi.') || key.startsWith('logbookUi.')).length).toBe(leafKeys(enAssetsUi).length);
  });

  it('says the same placeholders in both languages, so no sentence loses a name or a number', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const sw = translator('sw');
    const en = translator('en');
    const differing = leafKeys(enAssetsUi).filter((key) => JSON.stringify(placeholders(sw(key))) !== JSON.stringify(placeholders(en(key))));
    expect(differing).toEqual([]);
  });

  it('speaks of devices, storage media and the log book in the directive’s words', () => {
    const sw = translator('sw');
    expect(sw('logbookUi.title')).toBe('Daftari la Kumbukumbu za Matengenezo');
    expect(sw('assetsUi.device.media')).toBe('Vitunza kumbukumbu');
    expect(sw('logbookUi.assign.external')).toBe('Mtoa huduma wa nje');
    expect(sw('logbookUi.assign.supervisor')).toContain('Afisa TEHAMA');
    expect(sw('assetsUi.title')).toContain('Vifaa vya TEHAMA');
  });
});
