// Searching the register of people with either plan (db/core/search.ts): the same pages, cursors and
// totals, whichever status is asked for; a common word read in name order, a rare one hits first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListInput } from '../../../db/contract/inputs.ts';
import { ftsQuery } from '../../../db/core/paging.ts';
import { MANY_HITS, planSearch, type SearchPlan } from '../../../db/core/search.ts';
import { listPeople } from '../../../db/people/queries.ts';
import type { Store } from '../../../db/store/open.ts';
import { nth } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';

const PEOPLE = 1100;
const FIRST = ['Asha', 'Zuhura', 'Hamisi', 'Rehema', 'Juma', 'Neema', 'Baraka', 'Grace', 'Ally', 'Mwajuma'];
const LAST = ['Mrisho', 'Said', 'Mollel', 'Kweka', 'Mushi', 'Massawe'];

type Status = 'active' | 'inactive' | 'all';

interface Walked {
  pages: { ids: string[]; next: string | null; total: number }[];
}

function walk(store: Store, input: ListInput, plan?: SearchPlan): Walked {
  const pages: Walked['pages'] = [];
  let after: string | null = null;
  do {
    const page = listPeople(store, ListInput.parse({ ...input, after }), plan ? { plan } : {});
    pages.push({ ids: page.items.map((item) => item.id), next: page.next, total: page.total });
    after = page.next;
    if (pages.length > PEOPLE) throw new Error('the cursors never end');
  } while (after !== null);
  return { pages };
}

/** The people the search index finds for the words, of that status, by name (ASCII: NOCASE is lower case), then id. */
function expected(store: Store, search: string, status: Status): string[] {
  const match = ftsQuery(search);
  const hits = match ? new Set(store.sqlite.prepare('SELECT p.id FROM people p JOIN people_search s ON s.rowid = p.rowid WHERE people_search MATCH ?').pluck().all(match) as string[]) : null;
  const rows = (store.sqlite.prepare('SELECT id, full_name, active FROM people').all() as { id: string; full_name: string; active: number }[]).filter(
    (row) => (!hits || hits.has(row.id)) && (status === 'all' || row.active === (status === 'active' ? 1 : 0)),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => cmp(a.full_name.toLowerCase(), b.full_name.toLowerCase()) || cmp(a.id, b.id)).map((row) => row.id);
}

describe('searching the register of people with either plan', () => {
  let o: Office;
  let store: Store;

  beforeAll(async () => {
    o = await openOffice();
    store = o.store;
    // Every officer is an "Afisa": a word more than MANY_HITS people share. Names repeat, so the id
    // orders people of one name; some are written in lower case.
    for (let i = 0; i < PEOPLE; i += 1) {
      const name = `${nth(FIRST, i % FIRST.length)} ${nth(LAST, (i >> 2) % LAST.length)}`;
      const person = await o.ok(o.officer.token, 'people.register', {
        full_name: i % 37 === 0 ? name.toLowerCase() : name,
        check_number: String(200000 + i),
        title: i % 25 === 0 ? 'Mkaguzi' : 'Afisa',
        department_id: i % 2 === 0 ? o.departments.finance : o.departments.ict,
      });
      if (i % 9 === 4) await o.ok(o.officer.token, 'people.deactivate', { person_id: person.id });
    }
  }, 120_000);
  afterAll(() => o.core.close());

  const searches: [string, string][] = [
    ['a word nearly everyone shares', 'afisa'],
    ['a common prefix of one letter', 'm'],
    ['a name', 'zuhura'],
    ['a first and a last name', 'juma said'],
    ['a rare title', 'mkaguzi'],
    ['a check number', '200417'],
    ['a word nobody has', 'mhandisi'],
  ];
  for (const [name, search] of searches) {
    for (const status of ['active', 'inactive', 'all'] as const) {
      it(`gives the same pages, cursors and total by either plan for ${name}, ${status}`, () => {
        const input = { search, status, limit: 89 };
        const hitsFirst = walk(store, input, 'hits-first');
        expect(walk(store, input, 'order-first')).toEqual(hitsFirst);
        const want = expected(store, search, status);
        expect(hitsFirst.pages.flatMap((page) => page.ids)).toEqual(want);
        // The register of people counts on every page.
        for (const page of hitsFirst.pages) expect(page.total).toBe(want.length);
        expect(walk(store, input)).toEqual(hitsFirst);
      });
    }
  }

  it('walks many pages for the common words', () => {
    expect(walk(store, { search: 'afisa', status: 'all', limit: 89 }).pages.length).toBeGreaterThan(10);
    expect(expected(store, 'afisa', 'all').length).toBeGreaterThan(MANY_HITS);
  });

  it('reads a word nearly everyone shares in name order, counting it in the search index alone', () => {
    expect(planSearch(store, 'people', '"afisa"*', { counted: false }).plan).toBe('order-first');
    expect(planSearch(store, 'people', '"mkaguzi"*', { counted: false }).plan).toBe('hits-first');
    store.statements.clear();
    listPeople(store, ListInput.parse({ search: 'afisa', status: 'all' }));
    const statements = [...store.statements.keys()];
    const pages = statements.filter((text) => /\blimit\b/i.test(text) && !/count\(/i.test(text));
    expect(pages).toHaveLength(1);
    const plan = (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${nth(pages, 0)}`).all('"afisa"*', 51) as { detail: string }[]).map((row) => row.detail);
    expect(plan.find((detail) => /^(SCAN|SEARCH) people\b/.test(detail))).toMatch(/^SCAN people USING INDEX people_name\b/);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(statements.filter((text) => /count\(/i.test(text))).toEqual(['SELECT count(*) AS n FROM people_search WHERE people_search MATCH ?']);
  });
});
