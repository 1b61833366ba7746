// Issue 8, "Typed events": commands name events by their definitions, never by a string, and reducers
// read payloads typed by the schema, never cast.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';

const DB = join(import.meta.dirname, '../../../db');
const areas = readdirSync(DB, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

describe('typed events', () => {
  it('no command writes an event type as a string', () => {
    const types = [...domain.events.keys()];
    const offenders: string[] = [];
    for (const area of areas) {
      for (const file of readdirSync(join(DB, area)).filter((f) => f.endsWith('.ts') && f !== 'events.ts')) {
        const text = read(join(DB, area, file)) ?? '';
        if (/\{\s*type:\s*'[a-z-]+\.[a-z-]+'\s*,\s*entity:/.test(text)) offenders.push(`${area}/${file}`);
        for (const type of types) if (text.includes(`type: '${type}'`)) offenders.push(`${area}/${file}: ${type}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no reducer casts a payload, and no projection erases its row type', () => {
    const offenders = areas
      .map((area) => [area, read(join(DB, area, 'reducer.ts'))] as const)
      .filter(([, text]) => text !== null && /as PayloadOf|as unknown as|event\.payload as/.test(text))
      .map(([area]) => area);
    expect(offenders).toEqual([]);
    expect(read(join(DB, 'journal/types.ts'))).not.toMatch(/as unknown as/);
  });

  it('every projection folds only types the domain defines, each once', () => {
    for (const projection of domain.projections) {
      expect(new Set(projection.types).size).toBe(projection.types.length);
      for (const type of projection.types) expect(domain.events.has(type)).toBe(true);
    }
  });
});
