/**
 * Both storage engines for tests: `describe.each(ENGINES)` and a fresh,
 * isolated store per test file from `openTestDb(engine)`.
 *
 *   describe.each(ENGINES)('%s', (engine) => {
 *     let db: TestStoreDb;
 *     beforeAll(async () => { db = await openTestDb(engine); });
 *     afterAll(() => db.close());
 *   });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStoreDb, type StoreDbOptions } from '../../../src/store/db/open';
import type { Engine, StoreDb } from '../../../src/store/db/repository';
import { PG_URL_ENV } from './postgres-harness';

export type { Engine };

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export interface TestStoreDb extends StoreDb {
  /** Where the store lives: open a second StoreDb on the same database with `openStoreDb(options)`. */
  readonly options: StoreDbOptions;
}

/**
 * A new empty, migrated store: SQLite in a temp folder, or a new database
 * `plumbline_test_<random>` on the test PostgreSQL server. `close()` closes
 * it and deletes the folder or drops the database.
 */
export async function openTestDb(engine: Engine): Promise<TestStoreDb> {
  return engine === 'sqlite' ? openSqlite() : openPostgres();
}

async function openSqlite(): Promise<TestStoreDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plumbline-test-'));
  const options = { dataDir };
  try {
    return withCleanup(await openStoreDb(options), options, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export function testPgUrl(): string {
  const url = process.env[PG_URL_ENV];
  if (!url) {
    throw new Error(
      `${PG_URL_ENV} is not set: run the tests through jest.config.js (its globalSetup starts PostgreSQL) ` +
        'or point it at a server.',
    );
  }
  return url;
}

async function openPostgres(): Promise<TestStoreDb> {
  const { databaseUrl, drop } = await createPgTestDatabase();
  const options = { databaseUrl };
  try {
    return withCleanup(await openStoreDb(options), options, drop);
  } catch (error) {
    await drop();
    throw error;
  }
}

/** A new empty database `plumbline_test_<random>` on the test server (not migrated), and how to drop it. */
export async function createPgTestDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const serverUrl = testPgUrl();
  const name = `plumbline_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    // WITH (FORCE) ends connections a failed test left open (PostgreSQL 13+).
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

function withCleanup(db: StoreDb, options: StoreDbOptions, cleanup: () => Promise<void>): TestStoreDb {
  let closing: Promise<void> | undefined;
  return {
    ...db,
    options,
    close: () => {
      closing ??= db.close().finally(cleanup);
      return closing;
    },
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
