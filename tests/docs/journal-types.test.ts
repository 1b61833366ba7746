// docs/journal.md is a contract for independent verifiers: its "Event types" tables must name every
// event type the areas declare, with its scope and every top-level payload member in the page's
// notation (`x?` may be absent, `x|null`, `x: a|b` for an enum, `x[…]` for a list), list every type
// with refs and the members its refs are read from, and name no type the code does not know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AREAS } from '../../db/areas.ts';
import type { EventDefinition } from '../../db/journal/types.ts';

const JOURNAL_MD = readFileSync(new URL('../../docs/journal.md', import.meta.url), 'utf8');

const EVENTS: readonly EventDefinition[] = AREAS.flatMap((area) => area.events ?? []);

/** The text from a `## ` heading to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/journal.md has no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** A table line's cells; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  out.push(cell.trim());
  // The leading and trailing pipes leave an empty cell at each end.
  return out.slice(1, -1);
}

interface Table {
  header: string[];
  rows: string[][];
}

function tables(text: string): Table[] {
  const found: Table[] = [];
  let lines: string[] = [];
  for (const line of [...text.split('\n'), '']) {
    if (line.startsWith('|')) {
      lines.push(line);
      continue;
    }
    if (lines.length >= 2) found.push({ header: cells(lines[0] ?? ''), rows: lines.slice(2).map(cells) });
    lines = [];
  }
  return found;
}

function tableWithHeader(text: string, header: string[]): Table {
  const table = tables(text).find((t) => t.header.join('|') === header.join('|'));
  if (!table) throw new Error(`docs/journal.md has no table headed ${header.join(' | ')}`);
  return table;
}

/** The event types a row's first cell names (one, or a few sharing the row). */
function typesOf(cell: string): string[] {
  return [...cell.matchAll(/`([a-z-]+\.[a-z-]+)`/g)].map((m) => m[1] ?? '');
}

/** Splits at commas outside brackets: `a, b[{c, d}], e` → `a`, `b[{c, d}]`, `e`. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const c of text) {
    if ('[{('.includes(c)) depth += 1;
    if (']})'.includes(c)) depth -= 1;
    if (c === ',' && depth === 0) {
      items.push(item.trim());
      item = '';
    } else {
      item += c;
    }
  }
  if (item.trim()) items.push(item.trim());
  return items;
}

/** `[{a, b}]|null` → `[]|null`: what is inside brackets describes members below the top level. */
function outerShape(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if ('[{('.includes(c)) {
      if (depth === 0) out += c;
      depth += 1;
    } else if (']})'.includes(c)) {
      depth -= 1;
      if (depth === 0) out += c;
    } else if (depth === 0) {
      out += c;
    }
  }
  return out;
}

/** What the notation says of one documented payload member. */
interface Documented {
  name: string;
  optional: boolean;
  nullable: boolean;
  list: boolean;
  /** The values after `: `, for an enum. */
  values: string[] | null;
}

function documented(item: string): Documented {
  const match = /^([a-z0-9_]+)(\?)?/.exec(item);
  if (!match) throw new Error(`payload item "${item}" does not start with a member name`);
  const name = match[1] ?? '';
  const rest = item.slice(match[0].length);
  const outer = outerShape(rest);
  const enumText = /^(?:\[\])?: (.+)$/.exec(outer)?.[1];
  return {
    name,
    optional: match[2] === '?',
    nullable: outer.endsWith('|null'),
    list: rest.startsWith('['),
    values: enumText ? enumText.split('|').filter((v) => v !== 'null') : null,
  };
}

/** One top-level member of a payload schema, unwrapped. */
interface Member {
  optional: boolean;
  nullable: boolean;
  list: boolean;
  values: string[] | null;
}

function member(schema: z.ZodType): Member {
  let inner: z.ZodType = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else {
      break;
    }
  }
  return {
    optional,
    nullable,
    list: inner instanceof z.ZodArray,
    values: inner instanceof z.ZodEnum ? (inner.options as (string | number)[]).map(String) : null,
  };
}

function shapeOf(event: EventDefinition): Record<string, z.ZodType> {
  if (!(event.payload instanceof z.ZodObject)) throw new Error(`${event.type}: payload is not a zod object`);
  return event.payload.shape as Record<string, z.ZodType>;
}

/** The payload members a refs function reads (`(p) => [p.asset_id]` → asset_id), from its source. */
function membersReadBy(refs: (payload: never) => string[]): string[] {
  const source = String(refs);
  const param = /^\s*\(?\s*([A-Za-z_$][\w$]*)/.exec(source)?.[1];
  if (!param) return [];
  return [...new Set([...source.matchAll(new RegExp(`\\b${param.replace('$', '\\$')}\\.(\\w+)`, 'g'))].map((m) => m[1] ?? ''))];
}

const eventTypes = section(JOURNAL_MD, 'Event types');
const typeTable = tableWithHeader(eventTypes, ['type', 'scope', 'entity', 'payload']);
const refsTable = tableWithHeader(eventTypes, ['type', 'refs']);

function rowsNaming(table: Table, type: string): string[][] {
  return table.rows.filter((row) => typesOf(row[0] ?? '').includes(type));
}

describe('docs/journal.md, "Event types"', () => {
  it('reads the areas’ events and both tables', () => {
    expect(EVENTS.length).toBeGreaterThan(80);
    expect(typeTable.rows.length).toBeGreaterThan(80);
    expect(refsTable.rows.length).toBeGreaterThan(5);
  });

  describe.each(EVENTS.map((event) => [event.type, event] as const))('%s', (type, event) => {
    it('has one row, with its scope', () => {
      const rows = rowsNaming(typeTable, type);
      expect(rows, `no single row for ${type}`).toHaveLength(1);
      expect(rows[0]?.[1]).toBe(event.scope);
      expect(rows[0]?.[2], `${type}: entity`).not.toBe('');
    });

    it('spells out every top-level payload member, and no other', () => {
      const cell = (rowsNaming(typeTable, type)[0]?.[3] ?? '').replaceAll('`', '');
      const shape = shapeOf(event);
      if (Object.keys(shape).length === 0) {
        expect(cell, `${type} has no payload members: its cell is —`).toBe('—');
        return;
      }
      const items = topLevelItems(cell).map(documented);
      expect(items.map((i) => i.name).sort(), `${type}: members`).toEqual(Object.keys(shape).sort());
      for (const item of items) {
        const actual = member(shape[item.name] as z.ZodType);
        expect({ member: item.name, optional: item.optional, nullable: item.nullable, list: item.list }, `${type}: ${item.name} marked ?, |null, [] as its schema says`).toEqual({
          member: item.name,
          optional: actual.optional,
          nullable: actual.nullable,
          list: actual.list,
        });
        if (actual.values) expect([...(item.values ?? [])].sort(), `${type}: ${item.name}'s values`).toEqual([...actual.values].sort());
      }
    });

    it('is in the refs table exactly when it has refs, naming the members they come from', () => {
      const rows = rowsNaming(refsTable, type);
      if (!event.refs) {
        expect(rows, `${type} has no refs`).toHaveLength(0);
        return;
      }
      expect(rows, `no single refs row for ${type}`).toHaveLength(1);
      const read = membersReadBy(event.refs as (payload: never) => string[]);
      expect(read.length, `${type}: the members its refs read`).toBeGreaterThan(0);
      const cell = rows[0]?.[1] ?? '';
      for (const name of read) expect(cell, `${type}: refs from ${name}`).toMatch(new RegExp(`(?<![\\w-])${name}(?![\\w-])`));
    });
  });

  it('names no type the code does not know, and none twice', () => {
    const known = new Set(EVENTS.map((event) => event.type));
    const listed = typeTable.rows.flatMap((row) => typesOf(row[0] ?? ''));
    const refsListed = refsTable.rows.flatMap((row) => typesOf(row[0] ?? ''));
    expect([...listed, ...refsListed].filter((type) => !known.has(type))).toEqual([]);
    expect(listed.filter((type, i) => listed.indexOf(type) !== i)).toEqual([]);
    expect(refsListed.filter((type, i) => refsListed.indexOf(type) !== i)).toEqual([]);
  });
});

describe('the notation the test reads', () => {
  it('splits members at top-level commas and reads their marks', () => {
    expect(topLevelItems('a, b[{c, d}], e?|null')).toEqual(['a', 'b[{c, d}]', 'e?|null']);
    expect(documented('kind: corrective|preventive')).toEqual({ name: 'kind', optional: false, nullable: false, list: false, values: ['corrective', 'preventive'] });
    expect(documented('method: full|sample|null')).toMatchObject({ nullable: true, values: ['full', 'sample'] });
    expect(documented('report{sha256, name}|null')).toMatchObject({ name: 'report', nullable: true, list: false, values: null });
    expect(documented('values?[{field, action: map|create}]')).toMatchObject({ name: 'values', optional: true, list: true, values: null });
    expect(documented('roles[]: admin|auditor')).toMatchObject({ list: true, values: ['admin', 'auditor'] });
    expect(documented('snapshot{number, letter{subject, body}, devices[]}')).toMatchObject({ name: 'snapshot', nullable: false, list: false, values: null });
  });

  it('reads which members a refs function takes its ids from', () => {
    expect(membersReadBy(((p: { asset_id: string }) => [p.asset_id]) as (payload: never) => string[])).toEqual(['asset_id']);
    expect(membersReadBy(((p: { lines: { asset_id: string }[] }) => p.lines.map((line) => line.asset_id)) as (payload: never) => string[])).toEqual(['lines']);
  });
});
