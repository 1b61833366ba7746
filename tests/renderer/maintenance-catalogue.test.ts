// The maintenance and import screens' catalogue: its own two top-level keys, the same keys in both
// languages, every key the screens ask for (including those built from a value), and no sentence
// left in English on the Swahili side.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, leafKeys, translator } from '../../db/contract/catalogues/index.ts';
import en from '../../db/contract/catalogues/en/maintenance-ui.json' with { type: 'json' };
import sw from '../../db/contract/catalogues/sw/maintenance-ui.json' with { type: 'json' };
import { IMPORT_FIELDS } from '../../db/import/contract.ts';
import { BUILTIN_CATEGORIES, TAG_PLACEHOLDERS } from '../../db/assets/contract.ts';

const CATALOGUES = join(import.meta.dirname, '../../db/contract/catalogues');
const RENDERER = join(import.meta.dirname, '../../renderer');
const OWN_SOURCES = [join(RENDERER, 'screens/maintenance'), join(RENDERER, 'screens/import'), join(RENDERER, 'screens/settings/register-settings.tsx')];

function sources(path: string): string[] {
  if (path.endsWith('.tsx') || path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => sources(join(path, entry.name)));
}

/** Literal keys in `t('…')` calls and in the quoted arms of a conditional inside them. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of OWN_SOURCES.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*((?:[^()]|\([^()]*\))*)/g)) {
      for (const quoted of (match[1] ?? '').matchAll(/'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(quoted[1] as string);
    }
  }
  // Keys that travel as data (a problem's message) rather than inside t(…).
  for (const file of OWN_SOURCES.flatMap(sources)) {
    for (const quoted of readFileSync(file, 'utf8').matchAll(/message: '([a-zA-Z]+\.[\w.-]+)'/g)) keys.add(quoted[1] as string);
  }
  return keys;
}

/** Keys the screens build from a value. */
const BUILT_KEYS = [
  ...['in-force', 'upcoming', 'superseded'].map((status) => `maintenanceUi.procedure.status.${status}`),
  ...[...IMPORT_FIELDS, '_'].map((field) => `import.fields.${field}`),
  ...['given', 'remembered', 'suggested'].map((source) => `import.sources.${source}`),
  ...TAG_PLACEHOLDERS.map((name) => `maintenanceUi.registerSettings.tag.placeholder.${name}`),
  ...BUILTIN_CATEGORIES.map((id) => `categories.${id}`),
];

/** Values that read the same in both languages on purpose. */
const SAME_IN_BOTH = new Set([
  'maintenanceUi.procedure.download',
  'maintenanceUi.providers.form.phone-example',
  'maintenanceUi.registerSettings.categories.form.name-sw-example',
  'maintenanceUi.registerSettings.categories.form.name-en-example',
]);

function valueAt(node: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((at, part) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined), node);
}

describe('the maintenance and import catalogue', () => {
  it('holds only its own two top-level keys, which no other catalogue file holds', () => {
    expect(Object.keys(sw).sort()).toEqual(['importUi', 'maintenanceUi']);
    expect(Object.keys(en).sort()).toEqual(['importUi', 'maintenanceUi']);
    for (const language of LANGUAGES) {
      for (const file of readdirSync(join(CATALOGUES, language)).filter((name) => name !== 'maintenance-ui.json')) {
        const other = JSON.parse(readFileSync(join(CATALOGUES, language, file), 'utf8')) as Record<string, unknown>;
        expect(Object.keys(other).filter((key) => key === 'maintenanceUi' || key === 'importUi'), `${language}/${file}`).toEqual([]);
      }
    }
  });

  it('holds the same keys in Swahili and English', () => {
    expect(leafKeys(sw).sort()).toEqual(leafKeys(en).sort());
  });

  it('finds the keys the screens use (the scan itself works)', () => {
    const keys = literalKeys();
    expect(keys).toContain('maintenanceUi.procedure.record');
    expect(keys).toContain('importUi.commit.button');
    expect(keys).toContain('importUi.file.wrong-type');
    expect(keys.size).toBeGreaterThan(120);
  });

  for (const language of LANGUAGES) {
    it(`holds every key the screens use in ${language}`, () => {
      const t = translator(language);
      const missing = [...literalKeys(), ...BUILT_KEYS].filter((key) => t(key) === key);
      expect(missing).toEqual([]);
    });
  }

  it('leaves no sentence untranslated on the Swahili side', () => {
    const same = leafKeys(sw).filter((key) => !SAME_IN_BOTH.has(key) && valueAt(sw, key) === valueAt(en, key));
    expect(same).toEqual([]);
  });

  it('uses the directive’s words in Swahili', () => {
    const text = JSON.stringify(sw);
    for (const word of ['utaratibu wa ndani wa matengenezo', 'toleo', 'Mkuu wa Taasisi', 'matengenezo kinga', 'mtoa huduma wa nje', 'Daftari la Kumbukumbu za Matengenezo']) {
      expect(text).toContain(word);
    }
  });
});
