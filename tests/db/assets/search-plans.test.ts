// Searching the register with either plan (db/core/search.ts): a common term ordered by the list's index,
// a rare one fetched hits first. Both give the rows of the plan that ran before, in its order, with its
// cursors and totals; the common term gets the index's plan and a total counted in the search index alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetListInput } from '../../../db/assets/contract.ts';
import { listAssets } from '../../../db/assets/queries.ts';
import { ftsQuery } from '../../../db/core/paging.ts';
import { MANY_HITS, planSearch, type SearchPlan } from '../../../db/core/search.ts';
import type { Store } from '../../../db/store/open.ts';
import { nth } from '../../helpers/core.ts';
import { openOffice, registerDevice, type Office } from '../../helpers/office.ts';

const DEVICES = 1200;
const SORTS = ['tag_asc', 'tag_desc', 'updated_desc'] as const;
type ListFilters = Omit<AssetListInput, 'after' | 'limit' | 'sort'>;

interface Walked {
  pages: { ids: string[]; next: string | null; total: number | null }[];
}

/** Every page of a list, by the cursors each page gives, with one plan (or the one the list chooses). */
function walk(store: Store, input: AssetListInput, plan?: SearchPlan): Walked {
  const pages: Walked['pages'] = [];
  let after: string | null = null;
  do {
    const page = listAssets(store, AssetListInput.parse({ ...input, after }), plan ? { plan } : {});
    pages.push({ ids: page.items.map((item) => item.id), next: page.next, total: page.total });
    after = page.next;
    if (pages.length > DEVICES) throw new Error('the cursors never end');
  } while (after !== null);
  return { pages };
}

interface DeviceRow {
  id: string;
  tag: string;
  updated_at: string;
  category: string;
  status: string;
  department_id: string | null;
  location_id: string | null;
  custodian_id: string | null;
  classification: string;
}

/**
 * What the list must show, worked out apart from it: the devices the search index finds for the words,
 * kept by the filters, sorted in JS (the tags are ASCII, so NOCASE is lower case).
 */
function expected(store: Store, filters: ListFilters, sort: (typeof SORTS)[number]): string[] {
  const match = ftsQuery(filters.search ?? '');
  const hits = match
    ? new Set((store.sqlite.prepare('SELECT a.id FROM assets a JOIN assets_search s ON s.rowid = a.rowid WHERE assets_search MATCH ?').all(match) as { id: string }[]).map((r) => r.id))
    : null;
  const rows = (store.sqlite.prepare('SELECT id, tag, updated_at, category, status, department_id, location_id, custodian_id, classification FROM assets').all() as DeviceRow[]).filter(
    (row) =>
      (!hits || hits.has(row.id)) &&
      (!filters.category || row.category === filters.category) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.department_id || row.department_id === filters.department_id) &&
      (!filters.location_id || row.location_id === filters.location_id) &&
      (!filters.custodian_id || row.custodian_id === filters.custodian_id) &&
      (!filters.classification || row.classification === filters.classification),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byTag = (a: DeviceRow, b: DeviceRow) => cmp(a.tag.toLowerCase(), b.tag.toLowerCase()) || cmp(a.id, b.id);
  if (sort === 'tag_asc') rows.sort(byTag);
  else if (sort === 'tag_desc') rows.sort((a, b) => byTag(b, a));
  else rows.sort((a, b) => cmp(b.updated_at, a.updated_at) || cmp(b.id, a.id));
  return rows.map((row) => row.id);
}

/** The statements a list call prepared: the store keeps each one by its text. */
function statementsOf(store: Store, work: () => void): string[] {
  store.statements.clear();
  work();
  return [...store.statements.keys()];
}

function queryPlan(store: Store, text: string): string[] {
  const params = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => '"dell"*');
  return (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

/** The statement that reads a page: the one selecting the list's columns with a limit. */
function pageStatement(statements: string[]): string {
  const pages = statements.filter((text) => /"assets"\."tag"/.test(text) && /\blimit\b/i.test(text) && !/count\(/i.test(text));
  expect(pages).toHaveLength(1);
  return nth(pages, 0);
}

describe('searching the register with either plan', () => {
  let o: Office;
  let store: Store;

  beforeAll(async () => {
    o = await openOffice();
    store = o.store;
    const custodians = [o.people.zuhura, o.people.hamisi, o.people.rehema, null];
    const locations = [o.locations.floor2, o.locations.store, null];
    const departments = [o.departments.finance, o.departments.ict, null];
    const classifications = ['internal', 'secret', 'internal', 'public', 'confidential'] as const;
    // Dell is common (more than MANY_HITS devices, spread over the whole register); Lenovo is rare and
    // registered last, so its devices sit together at the far end of the tag order.
    for (let i = 0; i < DEVICES; i += 1) {
      if (i % 7 === 0) o.clock.advance(1000); // devices share an updated_at in sevens: the id breaks the tie
      const make = i >= DEVICES - 40 ? 'Lenovo' : i % 12 === 5 ? 'HP' : 'Dell';
      const category = i % 10 === 3 ? 'printer' : i % 2 === 0 ? 'laptop' : 'desktop';
      // Some devices keep a tag of their own, in either case, among the generated ones.
      const tag = i % 50 === 7 ? `${i % 100 === 7 ? 'ict' : 'ICT'}-${String(i).padStart(4, '0')}` : '';
      await registerDevice(o, o.officer.token, {
        tag,
        category,
        make,
        model: category === 'printer' ? 'LaserJet Pro' : 'Latitude 5440',
        serial: `SN-${String(i).padStart(5, '0')}`,
        custodian_id: custodians[i % 4] ?? null,
        location_id: locations[i % 3] ?? null,
        department_id: departments[(i >> 1) % 3] ?? null,
        classification: classifications[i % 5],
      });
    }
    // Later edits move some devices to the front of the updated order, and a renamed custodian is
    // indexed again by the triggers.
    const some = store.sqlite.prepare('SELECT id, tag, category, make FROM assets WHERE tag_seq % 13 = 0').all() as { id: string; tag: string; category: string; make: string }[];
    for (const device of some) {
      o.clock.advance(500);
      await o.ok(o.officer.token, 'assets.update', { asset_id: device.id, tag: device.tag, category: device.category, make: device.make, model: 'Latitude 7440' });
    }
    await o.ok(o.officer.token, 'people.update', { person_id: o.people.zuhura, full_name: 'Zuhura Said Omari', check_number: '100230', department_id: o.departments.finance });
  }, 120_000);
  afterAll(() => o.core.close());

  const cases: [string, (o: Office) => ListFilters][] = [
    ['a common word', () => ({ search: 'dell' })],
    ['a common prefix of one letter', () => ({ search: 'l' })],
    ['a word every device has', () => ({ search: 'maji' })],
    ['a rare word', () => ({ search: 'lenovo' })],
    ["a custodian's new name", () => ({ search: 'omari' })],
    ['a serial', () => ({ search: 'SN-00042' })],
    ['two words', () => ({ search: 'dell laserjet' })],
    ['a word nothing has', () => ({ search: 'kompyuta' })],
    ['a common word and a category', () => ({ search: 'dell', category: 'printer' })],
    ['a common word and a status', (o) => ({ search: 'dell', status: o.store.sqlite.prepare('SELECT status FROM assets GROUP BY status ORDER BY count(*) DESC').pluck().get() as 'in_service' })],
    ['a common word and a department', (o) => ({ search: 'dell', department_id: o.departments.ict })],
    ['a common word and a location', (o) => ({ search: 'dell', location_id: o.locations.store })],
    ['a common word and a custodian', (o) => ({ search: 'dell', custodian_id: o.people.hamisi })],
    ['a common word and a classification', () => ({ search: 'dell', classification: 'secret' })],
    ['a rare word and a location', (o) => ({ search: 'lenovo', location_id: o.locations.floor2 })],
    ['a common word and three filters', (o) => ({ search: 'latitude', category: 'laptop', department_id: o.departments.finance, classification: 'internal' })],
  ];

  for (const [name, filtersOf] of cases) {
    for (const sort of SORTS) {
      it(`gives the same pages, cursors and total by either plan for ${name}, sorted ${sort}`, () => {
        const filters = filtersOf(o);
        const input = { ...filters, sort, limit: 97 };
        const hitsFirst = walk(store, input, 'hits-first');
        const orderFirst = walk(store, input, 'order-first');
        expect(orderFirst).toEqual(hitsFirst);
        // ...and both are the list worked out apart from either.
        const want = expected(store, filters, sort);
        expect(hitsFirst.pages.flatMap((page) => page.ids)).toEqual(want);
        expect(hitsFirst.pages.map((page) => page.total)).toEqual([want.length, ...hitsFirst.pages.slice(1).map(() => null)]);
        // What the window gets, by the plan the list chooses, is the same again.
        expect(walk(store, input)).toEqual(hitsFirst);
      });
    }
  }

  it('walks more than one page in every case above with a common word', () => {
    for (const search of ['dell', 'l', 'maji', 'omari']) expect(walk(store, { search, limit: 97 }).pages.length).toBeGreaterThan(2);
    expect(expected(store, { search: 'dell' }, 'tag_asc').length).toBeGreaterThan(MANY_HITS);
    expect(expected(store, { search: 'lenovo' }, 'tag_asc').length).toBeLessThan(MANY_HITS);
  });

  it('chooses the index order for a word with many hits and the hits first for a rare one', () => {
    expect(planSearch(store, 'assets', '"dell"*', { counted: true })).toEqual({ match: '"dell"*', plan: 'order-first', hits: expected(store, { search: 'dell' }, 'tag_asc').length });
    expect(planSearch(store, 'assets', '"dell"*', { counted: false })).toEqual({ match: '"dell"*', plan: 'order-first', hits: null });
    expect(planSearch(store, 'assets', '"lenovo"*', { counted: false })).toEqual({ match: '"lenovo"*', plan: 'hits-first', hits: null });
    expect(planSearch(store, 'assets', '"lenovo"*', { counted: true }).hits).toBe(40);
  });

  for (const [sort, index] of [
    ['tag_asc', 'assets_tag'],
    ['tag_desc', 'assets_tag'],
    ['updated_desc', 'assets_updated'],
  ] as const) {
    it(`reads the first page of a common word in the order of ${index}, counting the hits in the search index alone (${sort})`, () => {
      const statements = statementsOf(store, () => listAssets(store, AssetListInput.parse({ search: 'dell', sort })));
      const plan = queryPlan(store, pageStatement(statements));
      expect(plan.find((detail) => /^(SCAN|SEARCH) assets\b/.test(detail))).toMatch(new RegExp(`^SCAN assets USING INDEX ${index}\\b`));
      expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      // The hits are gathered once, as a set each row is looked up in.
      expect(plan).toContain('LIST SUBQUERY 1');
      // The total: one count, in the search index, never joined back to the devices.
      const counts = statements.filter((text) => /count\(/i.test(text));
      expect(counts).toEqual(['SELECT count(*) AS n FROM assets_search WHERE assets_search MATCH ?']);
    });
  }

  it('seeks the index to the cursor on a later page of a common word', () => {
    const first = listAssets(store, AssetListInput.parse({ search: 'dell' }));
    const statements = statementsOf(store, () => listAssets(store, AssetListInput.parse({ search: 'dell', after: first.next })));
    const text = pageStatement(statements);
    const params = Array.from({ length: (text.match(/\?/g) ?? []).length }, (_, n) => (n === 1 ? 'MAJI/ICT/2026/00100' : n === 2 ? 'x' : '"dell"*'));
    const plan = (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    expect(plan.find((detail) => /^(SCAN|SEARCH) assets\b/.test(detail))).toMatch(/^SEARCH assets USING INDEX assets_tag \(/);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    // No page after the first counts; the plan is chosen from a count that stops at MANY_HITS.
    expect(statements.filter((text) => /count\(/i.test(text))).toEqual(['SELECT count(*) AS n FROM (SELECT 1 FROM assets_search WHERE assets_search MATCH ? LIMIT ?)']);
  });

  it('fetches the hits of a rare word first and sorts them', () => {
    const statements = statementsOf(store, () => listAssets(store, AssetListInput.parse({ search: 'lenovo' })));
    const plan = queryPlan(store, pageStatement(statements));
    expect(plan.find((detail) => /^(SCAN|SEARCH) assets\b/.test(detail))).toBe('SEARCH assets USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it("counts a common word under a filter by walking the filter's index, not by looking up every hit", () => {
    const statements = statementsOf(store, () => listAssets(store, AssetListInput.parse({ search: 'dell', category: 'printer' })));
    const counts = statements.filter((text) => /count\(/i.test(text) && /"assets"/.test(text));
    expect(counts).toHaveLength(1);
    const plan = queryPlan(store, nth(counts, 0));
    // Either index that starts with the category walks it: the register's own, or the dashboard's (category, status).
    expect(plan.find((detail) => /^(SCAN|SEARCH) assets\b/.test(detail))).toMatch(/^SEARCH assets USING COVERING INDEX (assets|dashboard)_category \(category=\?\)$/);
  });
});
