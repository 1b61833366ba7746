// Searching a list through its FTS5 index (`<table>_search`, by rowid) with a plan that holds at any
// number of hits. A rare term is found hits first: fetch the few hits, then sort them. A common one
// lets the list's own sort index drive the order and asks each row whether it is a hit, so the page
// stops after its last row instead of sorting tens of thousands of hits (issue 9).
import { sql, type RawBuilder } from 'kysely';
import { statement, type Store } from '../store/open.ts';

/** The lists searched through an FTS5 index beside their table. */
export type SearchedTable = 'assets' | 'people';

export type SearchPlan =
  /** Hits first: the index's hits, each row looked up, then sorted. */
  | 'hits-first'
  /** Order first: the sort index walked in order, each row's rowid probed in the hits, gathered once. */
  | 'order-first';

/**
 * From this many hits the list's order drives the page. Fetching and sorting the hits costs one row
 * lookup and one sort step a hit; a page in the index's order reads about limit × rows ÷ hits index
 * entries, each a probe in the hits. At 50,000 devices the two meet between 500 and 1,000 hits, and at
 * 1,000 the index's plan costs at most a walk of the whole index (hits all at its far end): a few ms.
 */
export const MANY_HITS = 1000;

/** How a search runs: the plan, and the number of hits when they were counted whole. */
export interface Search {
  match: string;
  plan: SearchPlan;
  /** Every hit, when the caller asked for the count; else null. */
  hits: number | null;
}

/** The hits of a term, counted in the index alone: one per row of the table, which its triggers keep. */
export function countHits(store: Store, table: SearchedTable, match: string): number {
  const count = `SELECT count(*) AS n FROM ${table}_search WHERE ${table}_search MATCH ?`;
  return (statement(store, count).get(match) as { n: number }).n;
}

/** The hits of a term up to `cap`: enough to choose a plan, without counting every hit of a common word. */
export function countHitsUpTo(store: Store, table: SearchedTable, match: string, cap: number): number {
  const capped = `SELECT count(*) AS n FROM (SELECT 1 FROM ${table}_search WHERE ${table}_search MATCH ? LIMIT ?)`;
  return (statement(store, capped).get(match, cap) as { n: number }).n;
}

export function planFor(hits: number): SearchPlan {
  return hits >= MANY_HITS ? 'order-first' : 'hits-first';
}

/**
 * Chooses the plan for a search: from the whole count when `counted` (the list's total is that count:
 * it counts this page and has no filter besides the search), else from a count capped at MANY_HITS.
 * A caller may name the plan (the tests run both and compare them).
 */
export function planSearch(store: Store, table: SearchedTable, match: string, options: { counted: boolean; plan?: SearchPlan | undefined }): Search {
  const hits = options.counted ? countHits(store, table, match) : null;
  const plan = options.plan ?? planFor(hits ?? countHitsUpTo(store, table, match, MANY_HITS));
  return { match, plan, hits };
}

/**
 * The condition "this row is a hit". Both plans ask SQLite for the same set; the unary plus of the
 * order-first plan only keeps the planner from driving the loop by the hits' rowids, so it walks an
 * index (the sort's, or a filter's that holds the sort) and probes the hits, gathered once into a set.
 */
export function isHit(table: SearchedTable, search: Search): RawBuilder<boolean> {
  const rowid = sql.raw(search.plan === 'order-first' ? `+${table}.rowid` : `${table}.rowid`);
  const index = sql.raw(`${table}_search`);
  return sql<boolean>`${rowid} IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${search.match})`;
}
