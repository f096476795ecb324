/**
 * The migrations, in order. A static list (not a folder scan) so bundling and
 * ts-jest see them like any import. Append only: never edit or reorder a
 * migration that has landed.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-diverged-observations';
import type { Engine } from './schema';

interface EngineMigration {
  // Kysely<any>: a migration must not depend on today's `Database` type, which
  // describes the schema after the last migration (Kysely's own advice).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

const MIGRATIONS: [name: string, migration: EngineMigration][] = [
  ['0001-initial', m0001],
  ['0002-diverged-observations', m0002],
];

/**
 * Each migration receives the engine so it can write engine-specific DDL
 * (triggers, identity columns). On PostgreSQL Kysely runs each in a
 * transaction under an advisory lock; on SQLite (where Kysely does not) we
 * wrap it in one ourselves so a failed migration leaves no half schema.
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations: async () => {
      const entries = MIGRATIONS.map(([name, migration]): [string, Migration] => [
        name,
        {
          up: (db) =>
            engine === 'postgres'
              ? migration.up(db, engine)
              : db.transaction().execute((trx) => migration.up(trx, engine)),
        },
      ]);
      return Object.fromEntries(entries);
    },
  };
}
