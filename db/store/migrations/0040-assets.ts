// 0040: the equipment register (3.6.4, 3.4.5): devices, their storage media, categories, search.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name_sw TEXT NOT NULL,
    name_en TEXT NOT NULL,
    can_hold_records INTEGER NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE asset_settings (
    id TEXT PRIMARY KEY,
    tag_format TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    tag TEXT NOT NULL,
    tag_seq INTEGER,
    category TEXT NOT NULL,
    make TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT NOT NULL,
    purchase_date TEXT NOT NULL,
    supplier TEXT NOT NULL,
    cost_tzs INTEGER,
    funding_source TEXT NOT NULL,
    warranty_end TEXT NOT NULL,
    location_id TEXT,
    department_id TEXT,
    custodian_id TEXT,
    classification TEXT NOT NULL,
    can_hold_records INTEGER NOT NULL,
    notes TEXT NOT NULL,
    repair_state TEXT NOT NULL,
    open_entry_id TEXT,
    disposal_candidate INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  // Not UNIQUE: after a merge two installations may have used one tag; that is a conflict to resolve,
  // never an event to drop. Commands refuse a duplicate on one installation.
  await sql`CREATE INDEX assets_tag ON assets (tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_tag_seq ON assets (tag_seq)`.execute(db);
  await sql`CREATE INDEX assets_serial ON assets (serial COLLATE NOCASE)`.execute(db);
  await sql`CREATE INDEX assets_status ON assets (status, tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_category ON assets (category, tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_department ON assets (department_id, tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_location ON assets (location_id, tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_custodian ON assets (custodian_id)`.execute(db);
  await sql`CREATE INDEX assets_classification ON assets (classification, tag COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX assets_updated ON assets (updated_at, id)`.execute(db);

  await sql`CREATE TABLE storage_media (
    id TEXT PRIMARY KEY,
    asset_id TEXT,
    kind TEXT NOT NULL,
    capacity_gb INTEGER,
    serial TEXT NOT NULL,
    state TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    removed_by TEXT NOT NULL,
    witnessed_by TEXT NOT NULL,
    removed_on TEXT NOT NULL,
    entry_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX storage_media_asset ON storage_media (asset_id)`.execute(db);

  // Search over the tag, serial, make, model, custodian and location. Contentless, fed by triggers
  // that look the names up, so renaming a person or a location keeps the devices findable.
  await sql`CREATE VIRTUAL TABLE assets_search USING fts5 (
    tag, serial, make, model, custodian, location,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  const row = (alias: string) => sql.raw(`${alias}.rowid, ${alias}.tag, ${alias}.serial, ${alias}.make, ${alias}.model,
      coalesce((SELECT full_name FROM people WHERE id = ${alias}.custodian_id), ''),
      coalesce((SELECT name || ' ' || building FROM locations WHERE id = ${alias}.location_id), '')`);
  await sql`CREATE TRIGGER assets_search_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location) SELECT ${row('new')};
  END`.execute(db);
  await sql`CREATE TRIGGER assets_search_update AFTER UPDATE ON assets BEGIN
    DELETE FROM assets_search WHERE rowid = old.rowid;
    INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location) SELECT ${row('new')};
  END`.execute(db);
  await sql`CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
    DELETE FROM assets_search WHERE rowid = old.rowid;
  END`.execute(db);
  await sql`CREATE TRIGGER assets_search_person AFTER UPDATE OF full_name ON people BEGIN
    DELETE FROM assets_search WHERE rowid IN (SELECT rowid FROM assets WHERE custodian_id = new.id);
    INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location)
      SELECT ${row('a')} FROM assets a WHERE a.custodian_id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER assets_search_location AFTER UPDATE OF name, building ON locations BEGIN
    DELETE FROM assets_search WHERE rowid IN (SELECT rowid FROM assets WHERE location_id = new.id);
    INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location)
      SELECT ${row('a')} FROM assets a WHERE a.location_id = new.id;
  END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER assets_search_person`.execute(db);
  await sql`DROP TRIGGER assets_search_location`.execute(db);
  for (const name of ['assets_search', 'storage_media', 'assets', 'asset_settings', 'categories']) {
    await sql`DROP TABLE ${sql.raw(name)}`.execute(db);
  }
}
