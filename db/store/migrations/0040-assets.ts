// 0040: the equipment register (3.6.4, 3.4.5): devices, their storage media, categories, search.
import { sql, type Kysely } from 'kysely';
import { ACTIVE, createTable, dropTables, ID, integer, STAMPS, text } from './tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'categories', [ID, ...text('name_sw', 'name_en'), ...integer('can_hold_records'), ACTIVE, ...STAMPS]);
  await createTable(db, 'asset_settings', [ID, ...text('tag_format', 'updated_at')]);
  await createTable(db, 'assets', [
    ID,
    ...text('tag'),
    'tag_seq INTEGER',
    ...text('category', 'make', 'model', 'serial', 'purchase_date', 'supplier'),
    'cost_tzs INTEGER',
    ...text('funding_source', 'warranty_end'),
    'location_id TEXT',
    'department_id TEXT',
    'custodian_id TEXT',
    ...text('classification'),
    ...integer('can_hold_records'),
    ...text('notes', 'repair_state'),
    'open_entry_id TEXT',
    ...integer('disposal_candidate'),
    ...text('status'),
    ...STAMPS,
  ]);
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

  await createTable(db, 'storage_media', [
    ID,
    'asset_id TEXT',
    ...text('kind'),
    'capacity_gb INTEGER',
    ...text('serial', 'state', 'kept_at', 'removed_by', 'witnessed_by', 'removed_on'),
    'entry_id TEXT',
    ...STAMPS,
  ]);
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
  await dropTables(db, ['assets_search', 'storage_media', 'assets', 'asset_settings', 'categories']);
}
