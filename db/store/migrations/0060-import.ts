// 0060: column mappings the register import remembers, one per set of headings (a local projection).
import type { Kysely } from 'kysely';
import { createTable, dropTables, ID, text } from './tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'import_mappings', [ID, ...text('headers', 'mapping', 'updated_at')]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['import_mappings']);
}
