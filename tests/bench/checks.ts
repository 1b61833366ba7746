// The honesty checks of the raw baselines: the raw export wrote the very bytes the product's event
// lines are, and the raw import wrote the very rows the product's import ends with. A ratio against a
// baseline that did other work would mean nothing, so run.ts fails the run when either check fails.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import Sqlite from 'better-sqlite3';

interface Digest {
  sha256: string;
  bytes: number;
}

/** SHA-256 and length of a gzip file's content, from the first byte after the first `skipLines` lines. */
async function contentDigest(path: string, skipLines: number): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  let skipping = skipLines;
  for await (const chunk of createReadStream(path).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    let piece = chunk;
    while (skipping > 0 && piece.length > 0) {
      const end = piece.indexOf(10);
      if (end === -1) {
        piece = piece.subarray(piece.length);
        break;
      }
      piece = piece.subarray(end + 1);
      skipping -= 1;
    }
    hash.update(piece);
    bytes += piece.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** The product's bundle holds a header line, then the event lines; the raw file holds only event lines. */
export async function exportBytesCheck(name: string, productBundle: string, rawFile: string): Promise<Check> {
  const [product, raw] = await Promise.all([contentDigest(productBundle, 1), contentDigest(rawFile, 0)]);
  const ok = product.sha256 === raw.sha256 && product.bytes === raw.bytes;
  return {
    name,
    ok,
    detail: ok
      ? `${raw.bytes.toLocaleString('en')} bytes of event lines, byte for byte the same (sha256 ${raw.sha256.slice(0, 16)}…)`
      : `product ${product.bytes} bytes (sha256 ${product.sha256.slice(0, 16)}…), raw ${raw.bytes} bytes (sha256 ${raw.sha256.slice(0, 16)}…)`,
  };
}

function digestRows(rows: IterableIterator<unknown[]>): { sha256: string; rows: number } {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of rows) {
    hash.update(`${JSON.stringify(row)}\n`);
    count += 1;
  }
  return { sha256: hash.digest('hex'), rows: count };
}

/**
 * The raw import's rows against the product's: the journal and refs of the bundle's chains, and every
 * row of each projection table the raw side filled, compared by id with the product's row. A row the
 * receiving installation's own events touched too (its first-run setup wrote the institution) is the
 * fold of both chains, not the bundle's alone, and is left out.
 */
export function importRowsCheck(name: string, productDb: string, rawDb: string): Check {
  const product = new Sqlite(productDb, { readonly: true });
  const raw = new Sqlite(rawDb, { readonly: true });
  try {
    const problems: string[] = [];
    const origins = raw.prepare('SELECT origin FROM origins ORDER BY origin').pluck().all() as string[];
    const inOrigins = `origin IN (${origins.map(() => '?').join(', ')})`;
    const journalSql = `SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal WHERE ${inOrigins} ORDER BY origin, origin_seq`;
    const refsSql = `SELECT j.origin, j.origin_seq, r.entity FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE j.${inOrigins} ORDER BY j.origin, j.origin_seq, r.entity`;
    for (const [what, sql] of [['journal', journalSql], ['journal_refs', refsSql]] as const) {
      const a = digestRows(product.prepare(sql).raw().iterate(...origins) as IterableIterator<unknown[]>);
      const b = digestRows(raw.prepare(sql).raw().iterate(...origins) as IterableIterator<unknown[]>);
      if (a.sha256 !== b.sha256) problems.push(`${what}: product ${a.rows} rows, raw ${b.rows} rows, not the same`);
    }
    const own = new Set(
      product
        .prepare(`SELECT entity FROM journal WHERE NOT ${inOrigins} UNION SELECT r.entity FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE NOT j.${inOrigins}`)
        .pluck()
        .all(...origins, ...origins) as string[],
    );
    let mixed = 0;
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('journal', 'journal_refs', 'origins') ORDER BY name").pluck().all() as string[];
    let rows = 0;
    for (const table of tables) {
      const columns = (raw.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      const twin = product.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`).raw();
      let differing = 0;
      for (const row of raw.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().iterate() as IterableIterator<unknown[]>) {
        const id = row[columns.indexOf('id')] as string;
        if (own.has(id)) {
          mixed += 1;
          continue;
        }
        const other = twin.get(id) as unknown[] | undefined;
        if (JSON.stringify(other) !== JSON.stringify(row)) differing += 1;
        rows += 1;
      }
      if (differing > 0) problems.push(`${table}: ${differing} rows differ from the product's`);
    }
    return { name, ok: problems.length === 0, detail: problems.length === 0 ? `journal, refs and ${rows.toLocaleString('en')} projection rows the same (${mixed} also written by the receiver's own events left out)` : problems.join('; ') };
  } finally {
    product.close();
    raw.close();
  }
}

/**
 * The raw opening's snapshot against the product's: every expected row, column by column, in tag order.
 * The product's rows are those of the one stocktake its run opened.
 */
export function snapshotRowsCheck(name: string, productDb: string, rawDb: string, columns: readonly string[], rawTable: string): Check {
  const product = new Sqlite(productDb, { readonly: true });
  const raw = new Sqlite(rawDb, { readonly: true });
  try {
    const list = columns.join(', ');
    const a = digestRows(product.prepare(`SELECT ${list} FROM stocktake_expected ORDER BY tag, asset_id`).raw().iterate() as IterableIterator<unknown[]>);
    const b = digestRows(raw.prepare(`SELECT ${list} FROM ${rawTable} ORDER BY tag, asset_id`).raw().iterate() as IterableIterator<unknown[]>);
    const ok = a.sha256 === b.sha256 && a.rows > 0;
    return { name, ok, detail: ok ? `${a.rows.toLocaleString('en')} expected rows, the same` : `product ${a.rows} rows, raw ${b.rows} rows, not the same` };
  } finally {
    product.close();
    raw.close();
  }
}

/** The raw scans wrote a count wherever the product's did: as many, for the same plan of scans. */
export function scanWritesCheck(name: string, product: { written: number; outcomes?: Record<string, number> }, raw: { written: number }): Check {
  const ok = product.written === raw.written;
  const answers = Object.entries(product.outcomes ?? {})
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ');
  return { name, ok, detail: `${ok ? 'the same' : 'NOT the same'}: product ${product.written} counts, raw ${raw.written}; the product answered ${answers}` };
}
