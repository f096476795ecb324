/**
 * Every row of every table of a store, as sorted JSON lines per table: two
 * dumps are equal exactly when the store's contents are.
 */
import { sql } from 'kysely';
import { connectDatabase, type StoreDbOptions } from '../../../../src/store/db/open';

export async function dumpStore(options: StoreDbOptions): Promise<Record<string, string[]>> {
  const { db } = connectDatabase(options);
  try {
    const tables = options.databaseUrl
      ? await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    const dump: Record<string, string[]> = {};
    for (const { name } of tables.rows.sort((a, b) => a.name.localeCompare(b.name))) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
      dump[name] = rows.rows
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
        .sort();
    }
    return dump;
  } finally {
    await db.destroy();
  }
}
