// Both languages say everything the core can say (3.5.2), with the same keys and the same blanks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, leafKeys, translator } from '../../../../db/contract/catalogues/index.ts';
import { routes } from '../../../../db/contract/routes.ts';
import enCore from '../../../../db/contract/catalogues/en/core.json' with { type: 'json' };
import enUi from '../../../../db/contract/catalogues/en/ui.json' with { type: 'json' };
import swCore from '../../../../db/contract/catalogues/sw/core.json' with { type: 'json' };
import swUi from '../../../../db/contract/catalogues/sw/ui.json' with { type: 'json' };

const DB = join(import.meta.dirname, '../../../../db');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const CATALOGUES = join(DB, 'contract/catalogues');

function catalogueFiles(language: string): string[] {
  return readdirSync(join(CATALOGUES, language)).filter((name) => name.endsWith('.json')).sort();
}

function readCatalogue(language: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CATALOGUES, language, file), 'utf8')) as Record<string, unknown>;
}

const sources = sourceFiles(DB).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

function valueAt(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

const swKeys = leafKeys(catalogues.sw);
const enKeys = leafKeys(catalogues.en);

describe('the catalogues', () => {
  it('hold exactly the same keys in Swahili and English, file by file', () => {
    expect(swKeys.length).toBeGreaterThan(100);
    expect([...swKeys].sort()).toEqual([...enKeys].sort());
    expect(leafKeys(swCore).sort()).toEqual(leafKeys(enCore).sort());
    expect(leafKeys(swUi).sort()).toEqual(leafKeys(enUi).sort());
    expect(catalogueFiles('sw')).toEqual(catalogueFiles('en'));
    for (const file of catalogueFiles('sw')) expect([file, leafKeys(readCatalogue('sw', file)).sort()]).toEqual([file, leafKeys(readCatalogue('en', file)).sort()]);
  });

  it('hold no empty sentence', () => {
    for (const language of ['sw', 'en'] as const) {
      for (const key of leafKeys(catalogues[language])) {
        const value = valueAt(catalogues[language], key);
        expect([language, key, typeof value]).toEqual([language, key, 'string']);
        expect([language, key, (value as string).trim().length > 0]).toEqual([language, key, true]);
      }
    }
  });

  it('leave the same blanks in both languages for every sentence', () => {
    for (const key of swKeys) {
      expect([key, placeholders(valueAt(catalogues.sw, key) as string)]).toEqual([key, placeholders(valueAt(catalogues.en, key) as string)]);
    }
  });

  it('keep the core and the screens apart: no top-level key in both', () => {
    for (const [core, ui] of [
      [swCore, swUi],
      [enCore, enUi],
    ] as const) {
      const shared = Object.keys(core).filter((key) => Object.hasOwn(ui, key));
      expect(shared).toEqual([]);
    }
  });

  it('share no top-level key between any two catalogue files, which are merged shallowly', () => {
    for (const language of ['sw', 'en'] as const) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const file of catalogueFiles(language)) {
        for (const key of Object.keys(readCatalogue(language, file))) {
          const first = owner.get(key);
          if (first) clashes.push(`${language}: ${key} in ${first} and ${file}`);
          else owner.set(key, file);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('have a sentence in both languages for every error code the core can give', () => {
    const codes = new Set<string>();
    for (const { text } of sources) {
      for (const call of text.matchAll(/(?:\brefuse|new Refusal|\bfailure)\(\s*([^,)]*)/g)) {
        for (const literal of (call[1] as string).matchAll(/'([a-z0-9-]+)'/g)) codes.add(literal[1] as string);
      }
    }
    // The search found the codes it must: it is not vacuous.
    for (const known of ['already-active', 'already-deactivated', 'database-too-new', 'database-unreadable', 'forbidden', 'invalid-input', 'account-locked']) {
      expect(codes).toContain(known);
    }
    const missing = [...codes].sort().flatMap((code) =>
      (['sw', 'en'] as const).filter((language) => typeof valueAt(catalogues[language], `errors.${code}`) !== 'string').map((language) => `${language}: errors.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('have every catalogue key the core names in its source', () => {
    const keys = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/'((?:errors|validation|password|roles|reasons|history|verify)\.[a-z0-9_.-]+)'/g)) {
        // Route names (`history.entity`) look like keys but are not sentences.
        if (!Object.hasOwn(routes, m[1] as string)) keys.add(m[1] as string);
      }
    }
    for (const key of ['validation.required', 'validation.too-long', 'password.rule-length', 'password.rule-username', 'errors.user-not-found']) {
      expect(keys).toContain(key);
    }
    const missing = [...keys].sort().flatMap((key) =>
      (['sw', 'en'] as const).filter((language) => typeof valueAt(catalogues[language], key) !== 'string').map((language) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('have a sentence for every zod issue the schemas turn into a key', () => {
    // db/contract/inputs.ts maps an issue without its own message to `validation.<issue code>`.
    const issueCodes = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'];
    for (const code of issueCodes) {
      expect([code, typeof valueAt(catalogues.sw, `validation.${code}`), typeof valueAt(catalogues.en, `validation.${code}`)]).toEqual([code, 'string', 'string']);
    }
  });

  it('name every role and every reason for deactivation', async () => {
    const { ROLES, DEACTIVATION_REASONS } = await import('../../../../db/users/contract.ts');
    for (const language of ['sw', 'en'] as const) {
      for (const role of ROLES) expect(typeof valueAt(catalogues[language], `roles.${role}`)).toBe('string');
      for (const reason of DEACTIVATION_REASONS) expect(typeof valueAt(catalogues[language], `reasons.${reason}`)).toBe('string');
    }
  });
});

describe('the translator', () => {
  it('fills the blanks of a sentence', () => {
    expect(translator('en')('errors.username-taken', { username: 'juma' })).toBe('The username "juma" is already in use.');
    expect(translator('sw')('errors.username-taken', { username: 'juma' })).toContain('juma');
    expect(translator('sw')('errors.username-taken', { username: 'juma' })).not.toBe(translator('en')('errors.username-taken', { username: 'juma' }));
  });

  it('shows the key itself for a sentence that does not exist, rather than nothing', () => {
    expect(translator('en')('errors.no-such-sentence')).toBe('errors.no-such-sentence');
    expect(translator('en')('errors')).toBe('errors');
  });
});
