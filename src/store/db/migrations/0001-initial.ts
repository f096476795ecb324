/**
 * 0001: the initial schema. Landed migrations are never edited: change the
 * schema with a new file listed after this one in ../migrations.ts.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Engine } from '../schema';

// Kysely<any>: a migration must not depend on today's `Database` type (Kysely's own advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const pg = engine === 'postgres';
  const double = pg ? 'double precision' : 'real';
  /**
   * Why "C" on PostgreSQL: SQLite compares text byte by byte; a server's
   * default collation (say en_US) would order ids like `a.b` and `a-c`
   * differently and make the two engines disagree on every ORDER BY.
   */
  const text = pg ? sql`text collate "C"` : 'text';
  /** SQLite tables are STRICT so a value of the wrong type fails as it would on PostgreSQL. */
  const strict = <T extends string, C extends string>(
    t: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C> => (pg ? t : t.modifyEnd(sql`strict`));

  await strict(
    db.schema
      .createTable('users')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('role', text, (c) => c.notNull())
      .addColumn('token_hash', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addUniqueConstraint('users_token_hash_unique', ['token_hash']),
  ).execute();

  await strict(
    db.schema
      .createTable('nodes')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('parent_id', text)
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('data', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('nodes_position').on('nodes').columns(['position', 'id']).execute();
  await db.schema.createIndex('nodes_parent').on('nodes').column('parent_id').execute();

  await strict(
    db.schema
      .createTable('readings')
      .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
        pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
      )
      .addColumn('kpi_id', text, (c) => c.notNull().references('nodes.id'))
      .addColumn('period', text, (c) => c.notNull())
      .addColumn('period_start', text, (c) => c.notNull())
      .addColumn('period_end', text, (c) => c.notNull())
      .addColumn('value', double, (c) => c.notNull())
      .addColumn('comment', text)
      .addColumn('remediation', text)
      .addColumn('source', text)
      .addColumn('submitted_by', text, (c) => c.notNull().references('users.id'))
      .addColumn('submitted_at', text, (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
      .addUniqueConstraint('readings_revision_unique', ['kpi_id', 'period', 'revision']),
  ).execute();
  await db.schema
    .createIndex('readings_kpi_range')
    .on('readings')
    .columns(['kpi_id', 'period_end'])
    .execute();
  await db.schema
    .createIndex('readings_kpi_submitted')
    .on('readings')
    .columns(['kpi_id', 'submitted_at'])
    .execute();
  await appendOnlyReadings(db, engine);

  await strict(
    db.schema
      .createTable('idempotency_keys')
      .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
      .addColumn('key', text, (c) => c.notNull())
      .addColumn('request_hash', text, (c) => c.notNull())
      .addColumn('response', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key']),
  ).execute();

  await strict(
    db.schema
      .createTable('links')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('workbook_id', text, (c) => c.notNull())
      .addColumn('workbook_name', text, (c) => c.notNull())
      .addColumn('sheet', text, (c) => c.notNull())
      .addColumn('address', text, (c) => c.notNull())
      .addColumn('layout', text, (c) => c.notNull())
      .addColumn('kpi_ids', text, (c) => c.notNull())
      .addColumn('scale', double, (c) => c.notNull())
      .addColumn('created_by', text, (c) => c.notNull().references('users.id'))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('links_workbook').on('links').column('workbook_id').execute();

  await strict(
    db.schema
      .createTable('observations')
      .addColumn('link_id', text, (c) => c.notNull().references('links.id'))
      .addColumn('kpi_id', text, (c) => c.notNull().references('nodes.id'))
      .addColumn('period', text, (c) => c.notNull())
      .addColumn('value', double)
      .addColumn('unreadable', text)
      .addColumn('canonical', double)
      .addColumn('revision', 'integer')
      .addColumn('verdict', text, (c) => c.notNull())
      .addColumn('observed_by', text, (c) => c.notNull().references('users.id'))
      .addColumn('observed_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('observations_pk', ['link_id', 'kpi_id', 'period']),
  ).execute();
  await db.schema.createIndex('observations_kpi').on('observations').columns(['kpi_id', 'period']).execute();
}

/**
 * Readings are the system of record: a correction is a new revision, never an
 * edit. The database itself refuses UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL), so no code path, script or console session can rewrite history.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function appendOnlyReadings(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create trigger readings_no_update before update on readings
      begin select raise(abort, 'readings are append-only'); end`.execute(db);
    await sql`create trigger readings_no_delete before delete on readings
      begin select raise(abort, 'readings are append-only'); end`.execute(db);
    return;
  }
  await sql`create function plumbline_readings_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'readings are append-only' using errcode = 'restrict_violation';
    end
    $$`.execute(db);
  await sql`create trigger readings_no_update_delete before update or delete on readings
    for each row execute function plumbline_readings_append_only()`.execute(db);
  await sql`create trigger readings_no_truncate before truncate on readings
    for each statement execute function plumbline_readings_append_only()`.execute(db);
}
