/**
 * Workload 1: 100,000 readings through the HTTP API in batches of 1,000 with
 * idempotency keys, against the same rows inserted by the database driver into
 * the same schema, in the same batches (one transaction each), in the same run,
 * the two sides taking turns.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_FILE } from '../../src/store/db/open';
import { kpiId, months, readingRow, startBenchStore, type Where } from './org';
import { check, pct, row, type BenchRow } from './table';

const BATCH = 1000;
/** Batches per turn of each side. */
const TURN = 10;
const MONTHS = 50;

export async function benchIngest(where: Where, quick: boolean): Promise<BenchRow[]> {
  const kpis = quick ? 200 : 2000;
  const periods = months(MONTHS);
  const readings = Array.from({ length: kpis * MONTHS }, (_, i) => ({
    kpiId: kpiId(Math.floor(i / MONTHS)),
    period: periods[i % MONTHS]!,
    value: (i % 997) / 10,
  }));
  const batches: (typeof readings)[] = [];
  for (let i = 0; i < readings.length; i += BATCH) batches.push(readings.slice(i, i + BATCH));

  // The two sides take turns, TURN batches each, each into a store of its own: both see the same
  // machine (others' load, the database server warming up), where one side after the other did
  // not; turns of several batches keep what one side leaves behind (garbage, the server's
  // background work) from landing mostly in the other's timings.
  const api = await startBenchStore(where, kpis);
  const raw = await startBenchStore(where, kpis);
  let apiSeconds = 0;
  let rawSeconds = 0;
  try {
    const rawSide =
      where.engine === 'sqlite'
        ? rawSqlite(raw.location.dataDir!)
        : await rawPostgres(raw.location.databaseUrl!);
    try {
      for (let turn = 0; turn < batches.length; turn += TURN) {
        let started = performance.now();
        for (let n = turn; n < Math.min(turn + TURN, batches.length); n++) {
          const res = await fetch(`${api.url}/v1/readings`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${api.tokens.owner}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${n}`,
            },
            body: JSON.stringify({ readings: batches[n] }),
          });
          const answer = await res.text();
          check(res.status === 201, `POST /v1/readings answered ${res.status}: ${answer.slice(0, 200)}`);
        }
        apiSeconds += (performance.now() - started) / 1000;

        const rows = batches
          .slice(turn, turn + TURN)
          .map((b) => b.map((r) => readingRow(r.kpiId, r.period, r.value)));
        started = performance.now();
        for (const batch of rows) await rawSide.insert(batch);
        rawSeconds += (performance.now() - started) / 1000;
      }
    } finally {
      await rawSide.close();
    }
    for (const store of [api, raw]) {
      const count = await store.raw
        .selectFrom('readings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      check(Number(count.n) === readings.length, `${count.n} readings stored of ${readings.length}`);
    }
  } finally {
    await api.close();
    await raw.close();
  }

  const apiRate = readings.length / apiSeconds;
  const rawRate = readings.length / rawSeconds;
  const ratio = apiRate / rawRate;
  const budget = where.engine === 'sqlite' ? 0.25 : 0.5;
  return [
    row(
      '1',
      `ingest ${readings.length.toLocaleString('en')} readings, ${where.engine}`,
      `API ${Math.round(apiRate).toLocaleString('en')}/s, raw ${Math.round(rawRate).toLocaleString('en')}/s: ${pct(ratio)}`,
      `≥ ${pct(budget)} of raw`,
      ratio >= budget,
    ),
  ];
}

type Row = ReturnType<typeof readingRow>;
const COLUMNS = Object.keys(readingRow('k0', '2026-01', 0)) as (keyof Row)[];

interface RawSide {
  /** One batch in one transaction. */
  insert(rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

/** A prepared INSERT per row, one transaction per batch, with the store's pragmas (WAL, synchronous=FULL). */
function rawSqlite(dataDir: string): RawSide {
  const db = new BetterSqlite3(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const insert = db.prepare(
    `INSERT INTO readings (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const write = db.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(...COLUMNS.map((c) => r[c]));
  });
  return {
    insert: async (rows) => write(rows),
    close: async () => {
      db.close();
    },
  };
}

/** One multi-row INSERT per batch, in a transaction. */
async function rawPostgres(url: string): Promise<RawSide> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    insert: async (rows) => {
      const params: unknown[] = [];
      const tuples = rows.map((r) => `(${COLUMNS.map((c) => `$${params.push(r[c])}`).join(', ')})`);
      await client.query('BEGIN');
      await client.query(`INSERT INTO readings (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}
