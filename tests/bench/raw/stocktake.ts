// The raw baselines of a stocktake (issue 13), and the scans both sides make. Opening: read the
// register's rows as the snapshot takes them and insert them into a snapshot table shaped and indexed
// as the product's, in one transaction. A scan: one indexed lookup of the tag, and one insert of the
// count, committed on its own as the product's scan is.
import type Sqlite from 'better-sqlite3';
import { seededRandom } from '../../../db/core/clock.ts';
import { openRaw } from './sqlite.ts';

/** The expected row's columns, in the product's table order (db/stocktake/migration.ts). */
export const SNAPSHOT_COLUMNS = [
  'asset_id', 'tag', 'make', 'model', 'category', 'serial', 'location_id', 'location_name', 'department_id', 'department_name', 'custodian_id', 'custodian_name', 'status',
] as const;

/** What the product's opening reads (db/stocktake/commands.ts, EXPECTED_SQL) for the whole institution. */
const REGISTER_ROWS = `SELECT a.id AS asset_id, a.tag, a.make, a.model, a.category, a.serial, a.location_id, COALESCE(l.name, '') AS location_name,
    a.department_id, COALESCE(d.name, '') AS department_name, a.custodian_id, COALESCE(p.full_name, '') AS custodian_name, a.status
  FROM assets a LEFT JOIN locations l ON l.id = a.location_id LEFT JOIN departments d ON d.id = a.department_id LEFT JOIN people p ON p.id = a.custodian_id
  WHERE a.status NOT IN ('disposed', 'transferred')`;

export const RAW_SNAPSHOT = 'raw_stocktake_expected';

/** The raw snapshot table, with the indexes the product's scan and lists read by: made before the clock starts. */
export function prepareRawOpen(path: string): Sqlite.Database {
  const sqlite = openRaw(path);
  sqlite.exec(`CREATE TABLE ${RAW_SNAPSHOT} (stocktake_id TEXT NOT NULL, ${SNAPSHOT_COLUMNS.map((c) => `${c} TEXT`).join(', ')});
    CREATE INDEX ${RAW_SNAPSHOT}_tag ON ${RAW_SNAPSHOT} (stocktake_id, tag COLLATE NOCASE);
    CREATE INDEX ${RAW_SNAPSHOT}_asset ON ${RAW_SNAPSHOT} (stocktake_id, asset_id);
    CREATE INDEX ${RAW_SNAPSHOT}_location ON ${RAW_SNAPSHOT} (stocktake_id, location_id, tag);`);
  return sqlite;
}

/** The measured part of a raw opening: every register row read and inserted, one transaction. Returns the rows. */
export function rawOpen(sqlite: Sqlite.Database): number {
  const insert = sqlite.prepare(`INSERT INTO ${RAW_SNAPSHOT} (stocktake_id, ${SNAPSHOT_COLUMNS.join(', ')}) VALUES ('raw', ${SNAPSHOT_COLUMNS.map(() => '?').join(', ')})`);
  const read = sqlite.prepare(REGISTER_ROWS).raw();
  return sqlite.transaction(() => {
    const rows = read.all() as unknown[][];
    for (const row of rows) insert.run(...row);
    return rows.length;
  })();
}

/** One scan both sides make: what the scanner typed, where the counter stands. */
export interface PlannedScan {
  code: string;
  location_id: string;
  /** What the plan meant it to be; the product's answer says what it was. */
  kind: 'here' | 'elsewhere' | 'twice' | 'unknown';
}

/**
 * Scans spread over the register and its locations, the same for both sides (by seed): mostly devices
 * found where the register puts them, some found elsewhere, some scanned twice, some codes that name
 * no device. Each device is scanned at most once outside the repeats.
 */
export function scanPlan(sqlite: Sqlite.Database, count: number, seed: number): PlannedScan[] {
  const random = seededRandom(seed);
  const devices = sqlite.prepare("SELECT tag, location_id FROM assets WHERE status NOT IN ('disposed', 'transferred') AND location_id IS NOT NULL ORDER BY id").all() as { tag: string; location_id: string }[];
  const locations = sqlite.prepare('SELECT id FROM locations ORDER BY id').pluck().all() as string[];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const used = new Set<string>();
  const scanned: PlannedScan[] = [];
  const plan: PlannedScan[] = [];
  const fresh = () => {
    let device = pick(devices);
    while (used.has(device.tag)) device = pick(devices);
    used.add(device.tag);
    return device;
  };
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    let scan: PlannedScan;
    if (roll < 0.1 && scanned.length > 0) {
      const before = pick(scanned);
      scan = { code: before.code, location_id: pick(locations), kind: 'twice' };
    } else if (roll < 0.2) {
      scan = { code: `MAJI/HAIPO/${String(i).padStart(5, '0')}`, location_id: pick(locations), kind: 'unknown' };
    } else if (roll < 0.4) {
      const device = fresh();
      let location = pick(locations);
      while (location === device.location_id) location = pick(locations);
      scan = { code: device.tag, location_id: location, kind: 'elsewhere' };
    } else {
      const device = fresh();
      scan = { code: device.tag, location_id: device.location_id, kind: 'here' };
    }
    if (scan.kind === 'here' || scan.kind === 'elsewhere') scanned.push(scan);
    plan.push(scan);
  }
  return plan;
}

export const RAW_COUNTS = 'raw_stocktake_counts';

/** The raw counts table: made before the clock starts. */
export function prepareRawScans(path: string): Sqlite.Database {
  const sqlite = openRaw(path);
  sqlite.exec(`CREATE TABLE ${RAW_COUNTS} (id INTEGER PRIMARY KEY, stocktake_id TEXT NOT NULL, location_id TEXT NOT NULL, asset_id TEXT NOT NULL, tag TEXT NOT NULL, make TEXT, model TEXT, serial TEXT, counted_at TEXT NOT NULL);
    CREATE INDEX ${RAW_COUNTS}_asset ON ${RAW_COUNTS} (stocktake_id, asset_id);`);
  return sqlite;
}

/**
 * One raw scan: the tag looked up through the register's index and, for a device not counted before,
 * its count inserted and committed. Answers whether it wrote.
 */
export function rawScanner(sqlite: Sqlite.Database): (scan: PlannedScan) => boolean {
  const lookup = sqlite.prepare('SELECT id, tag, make, model, category, serial, status FROM assets WHERE tag = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const insert = sqlite.prepare(`INSERT INTO ${RAW_COUNTS} (stocktake_id, location_id, asset_id, tag, make, model, serial, counted_at) VALUES ('raw', ?, ?, ?, ?, ?, ?, ?)`);
  const counted = new Set<string>();
  return (scan) => {
    const asset = lookup.get(scan.code.trim()) as { id: string; tag: string; make: string; model: string; serial: string } | undefined;
    if (!asset || counted.has(asset.id)) return false;
    insert.run(scan.location_id, asset.id, asset.tag, asset.make, asset.model, asset.serial, new Date().toISOString());
    counted.add(asset.id);
    return true;
  };
}
