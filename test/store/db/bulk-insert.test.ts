import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { bulkInsert } from '../../../src/store/db/bulk-insert';
import type { Database } from '../../../src/store/db/schema';
import { withStatementCache } from '../../../src/store/db/statement-cache';

interface Pair {
  a: string;
  b: number;
}

function memoryDb(): { db: Kysely<Database>; sqlite: BetterSqlite3.Database } {
  const sqlite = new BetterSqlite3(':memory:');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    sqlite,
  };
}

/** The untyped table of these tests, outside the store's schema. */
function pairs(db: Kysely<Database>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of this test only
  return (db as Kysely<any>).insertInto('pairs');
}

test.each([
  ['a', 'b'],
  ['b', 'a'],
] as const)(
  'bulkInsert of columns %s, %s stores every row with its own values, whatever the batch size',
  async (...columns) => {
    const { db } = memoryDb();
    await sql`create table pairs (a text not null, b integer not null)`.execute(db);
    const insert = bulkInsert<Pair>(db, columns, (db, rows) => pairs(db).values(rows));
    await insert(db, [
      { a: 'x', b: 1 },
      { a: 'y', b: 2 },
    ]);
    await insert(db, [
      { a: 'z', b: 3 },
      { a: 'w', b: 4 },
    ]);
    await insert(db, [{ a: 'v', b: 5 }]);
    await insert(db, []);
    const { rows } = await sql<Pair>`select a, b from pairs order by b`.execute(db);
    expect(rows).toEqual([
      { a: 'x', b: 1 },
      { a: 'y', b: 2 },
      { a: 'z', b: 3 },
      { a: 'w', b: 4 },
      { a: 'v', b: 5 },
    ]);
    await db.destroy();
  },
);

test('bulkInsert refuses a statement that does not bind the columns row by row in the order given', async () => {
  const { db } = memoryDb();
  await sql`create table pairs (a text not null, b integer not null)`.execute(db);
  // A statement that binds something else than the row's value of a column.
  const constant = bulkInsert<Pair>(db, ['a', 'b'], (db, rows) =>
    pairs(db).values(rows.map((r) => ({ a: r.a, b: 7 }))),
  );
  await expect(constant(db, [{ a: 'x', b: 1 }])).rejects.toThrow(/does not bind a, b row by row/);
  // A statement that binds a value of its own.
  const extra = bulkInsert<Pair>(db, ['a', 'b'], (db, rows) =>
    pairs(db)
      .values(rows)
      .onConflict((oc) => oc.doUpdateSet({ b: 0 })),
  );
  await expect(extra(db, [{ a: 'x', b: 1 }])).rejects.toThrow(/does not bind a, b row by row/);
  const { rows } = await sql<{ n: number }>`select count(*) as n from pairs`.execute(db);
  expect(rows[0]!.n).toBe(0);
  await db.destroy();
});

test('the statement cache compiles a query once and still answers a query run inside an iteration of itself', () => {
  const sqlite = new BetterSqlite3(':memory:');
  const prepare = jest.spyOn(sqlite, 'prepare');
  const cached = withStatementCache(sqlite);
  const text = 'select value from json_each(?)';
  expect(cached.prepare(text).all(['[1,2]'])).toEqual([{ value: 1 }, { value: 2 }]);
  expect(cached.prepare(text).all(['[3]'])).toEqual([{ value: 3 }]);
  expect(prepare).toHaveBeenCalledTimes(1);
  const seen: unknown[] = [];
  for (const row of cached.prepare(text).iterate(['[1,2]'])) {
    // The cached statement is busy being iterated: a fresh one answers.
    seen.push(row, cached.prepare(text).all(['[9]']));
  }
  expect(seen).toEqual([{ value: 1 }, [{ value: 9 }], { value: 2 }, [{ value: 9 }]]);
  expect(prepare).toHaveBeenCalledTimes(3);
  cached.close();
});
