// Issue 8, "One journal writer": append and sync import write journal rows through one function, so
// the insert, the refs and the held marks exist once. Sync import checks each event (payload, hash,
// chain) while staging and hands the checked rows to that writer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the journal has one writer', () => {
  it('writes journal rows, refs and held marks only in db/journal/append.ts', () => {
    const writers = sources(join(ROOT, 'db'))
      .filter((path) => /INSERT[^;'"`]*INTO\s+journal(_refs|_held)?\b/i.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(writers).toEqual(['db/journal/append.ts']);
  });

  it('leaves sync import to that writer', () => {
    const text = readFileSync(join(ROOT, 'db/sync/import.ts'), 'utf8');
    expect(text).toMatch(/writeStoredEvent\(store, row,/);
    expect(text).not.toMatch(/INTO journal/);
  });
});
