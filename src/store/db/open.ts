/**
 * Opens the store's database: embedded SQLite under a data folder by default,
 * a PostgreSQL server when a URL is given. Pending migrations run on open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import { createLocalChannel, createPostgresChannel, type EventChannel } from './readings-events';
import { createStoreDb, type StoreDb } from './repository';
import type { Database, Engine } from './schema';
import { withStatementCache } from './statement-cache';

export interface StoreDbOptions {
  /** Folder of the embedded SQLite database (`plumbline.db`); created when missing. */
  dataDir?: string;
  /** A PostgreSQL connection string; takes precedence over `dataDir`. */
  databaseUrl?: string;
}

export const SQLITE_FILE = 'plumbline.db';

/** Connections per API process; PostgreSQL's default max_connections is 100. */
const POOL_SIZE = 10;

export async function openStoreDb(options: StoreDbOptions): Promise<StoreDb> {
  const { db, engine } = connectDatabase(options);
  let events: EventChannel | undefined;
  try {
    await migrate(db, engine);
    events = options.databaseUrl ? await createPostgresChannel(options.databaseUrl) : createLocalChannel();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStoreDb(db, engine, events);
}

/**
 * A Kysely handle on the store's database, without migrating it. For
 * `openStoreDb` and for tests that must reach the database around the
 * repository (e.g. to prove the append-only triggers).
 */
export function connectDatabase(options: StoreDbOptions): { db: Kysely<Database>; engine: Engine } {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: POOL_SIZE });
    // An idle client losing its server must not crash the process; the pool replaces it.
    pool.on('error', (error) => console.error('plumbline: an idle PostgreSQL connection failed', error));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const sqlite = new BetterSqlite3(join(options.dataDir, SQLITE_FILE));
    try {
      // WAL + synchronous=FULL: an acknowledged commit is on disk and survives a killed process.
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
    } catch (error) {
      sqlite.close();
      throw error;
    }
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      engine: 'sqlite',
    };
  }
  throw new Error('The store needs a data folder (--data) or a PostgreSQL URL (DATABASE_URL).');
}

/**
 * Brings the schema up to date. On PostgreSQL Kysely's migrator holds an
 * advisory lock, so API processes starting together migrate once.
 */
async function migrate(db: Kysely<Database>, engine: Engine): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `The store's database could not be migrated${failed ? ` (${failed})` : ''}: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
