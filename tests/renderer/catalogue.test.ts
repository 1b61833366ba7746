// Every sentence the window asks for exists in both languages, and the screens' catalogue never
// shadows the core's (the two are merged at the top level).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES, leafKeys, translator } from '../../db/contract/catalogues/index.ts';
import enCore from '../../db/contract/catalogues/en/core.json' with { type: 'json' };
import enUi from '../../db/contract/catalogues/en/ui.json' with { type: 'json' };
import swCore from '../../db/contract/catalogues/sw/core.json' with { type: 'json' };
import swUi from '../../db/contract/catalogues/sw/ui.json' with { type: 'json' };
import { DEACTIVATION_REASONS, passwordRules, ROLES } from '../../db/users/contract.ts';

const RENDERER = join(import.meta.dirname, '../../renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Literal keys in the first argument of `t(...)`, including both arms of a conditional. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(RENDERER)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*([^,)]*)/g)) {
      for (const quoted of (match[1] ?? '').matchAll(/'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(quoted[1] as string);
    }
  }
  return keys;
}

/** The navigation's entries: every screen folder with an index.tsx (the shell draws one entry each). */
function navigationAreas(): string[] {
  const screens = join(RENDERER, 'screens');
  return readdirSync(screens).filter((name) => existsSync(join(screens, name, 'index.tsx')));
}

/** Keys the screens build from a value (`nav.${area}`), enumerated from the same lists. */
function builtKeys(): string[] {
  return [
    ...navigationAreas().map((area) => `nav.${area}`),
    ...ROLES.map((role) => `roles.${role}`),
    ...DEACTIVATION_REASONS.map((reason) => `reasons.${reason}`),
    ...LANGUAGES.map((language) => `app.languages.${language}`),
    ...['active', 'deactivated', 'locked'].flatMap((status) => [`users.status.${status}`, `users.status-hint.${status}`]),
    ...['departments', 'locations'].flatMap((kind) => ['active', 'inactive', 'all'].map((status) => `places.${kind}.status.${status}`)),
    // The places panel is one component for both kinds: it builds each of these from the kind.
    ...['departments', 'locations'].flatMap((kind) =>
      ['create', 'empty', 'empty-search', 'empty-hint', 'in-use', 'deactivated', 'reactivated', 'search-placeholder'].map((key) => `places.${kind}.${key}`),
    ),
    ...passwordRules.map((rule) => rule.key),
  ];
}

describe('the catalogues the window reads', () => {
  it('finds the keys the screens use (the scan itself works)', () => {
    const keys = literalKeys();
    expect(keys.size).toBeGreaterThan(150);
    expect(keys).toContain('signIn.submit');
    expect(keys).toContain('people.form.edit-title');
  });

  for (const language of LANGUAGES) {
    it(`holds every key the screens use in ${language}`, () => {
      const t = translator(language);
      const missing = [...literalKeys(), ...builtKeys()].filter((key) => t(key) === key);
      expect(missing).toEqual([]);
    });
  }

  it('keeps the screens’ top-level keys apart from the core’s, in both languages', () => {
    expect(Object.keys(swUi).filter((key) => key in swCore)).toEqual([]);
    expect(Object.keys(enUi).filter((key) => key in enCore)).toEqual([]);
  });

  it('holds the same keys in Swahili and English', () => {
    expect(leafKeys(catalogues.sw).sort()).toEqual(leafKeys(catalogues.en).sort());
  });
});
