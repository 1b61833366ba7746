// Every word a printed form uses has a sentence in both languages: a missing one would print its key.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, leafKeys } from '../../../db/contract/catalogues/index.ts';
import { LABEL_PRESET_NAMES } from '../../../db/assets/contract.ts';
import { routes } from '../../../db/contract/routes.ts';
import enDocuments from '../../../db/contract/catalogues/en/documents.json' with { type: 'json' };
import swDocuments from '../../../db/contract/catalogues/sw/documents.json' with { type: 'json' };

const DB = join(import.meta.dirname, '../../../db');
const sources = [
  ...readdirSync(join(DB, 'documents')).map((name) => join(DB, 'documents', name)),
  join(DB, 'assets/labels-form.ts'),
  join(DB, 'maintenance/log-book-form.ts'),
  join(DB, 'maintenance/log-book-print.ts'),
  join(DB, 'assets/contract.ts'),
  join(DB, 'maintenance/contract.ts'),
].map((path) => readFileSync(path, 'utf8'));

describe("the printed forms' words", () => {
  it('are all in both catalogues, under documents only', () => {
    expect(Object.keys(swDocuments)).toEqual(['documents']);
    expect(Object.keys(enDocuments)).toEqual(['documents']);
    expect(leafKeys(swDocuments).sort()).toEqual(leafKeys(enDocuments).sort());

    const named = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/'(documents\.[a-z0-9.-]+)'/g)) if (!Object.hasOwn(routes, m[1] as string)) named.add(m[1] as string);
    }
    // Keys made from a preset's name.
    for (const preset of LABEL_PRESET_NAMES) named.add(`documents.labels.presets.${preset}`);
    expect(named.size).toBeGreaterThan(60);

    const swKeys = new Set(leafKeys(catalogues.sw));
    const enKeys = new Set(leafKeys(catalogues.en));
    const missing = [...named].sort().flatMap((key) => [...(swKeys.has(key) ? [] : [`sw: ${key}`]), ...(enKeys.has(key) ? [] : [`en: ${key}`])]);
    expect(missing).toEqual([]);
  });
});
