/**
 * Appending readings under an idempotency key: the one write path of the
 * system of record, correct when requests race on one key or one KPI period.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Reading } from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { periodBounds } from '../../core/period-key';
import { chunks, IDS_PER_QUERY, rowsPerInsert } from './chunks';
import type { EventChannel } from './readings-events';
import type { NewReading, ReadingsEvent, StoreDb } from './repository';
import { toReading, type ReadingRow } from './rows';
import { bulkInsert } from './bulk-insert';
import type { Database } from './schema';
import { isRetryable } from './sql-errors';

type SubmitArgs = Parameters<StoreDb['submitReadings']>[0];
type SubmitResult = Awaited<ReturnType<StoreDb['submitReadings']>>;

const READING_COLUMNS = [
  'kpi_id',
  'period',
  'period_start',
  'period_end',
  'value',
  'comment',
  'remediation',
  'source',
  'submitted_by',
  'submitted_at',
  'revision',
] as const satisfies readonly (keyof ReadingRow)[];

const READINGS_PER_INSERT = rowsPerInsert(READING_COLUMNS.length);

/** Enough for dozens of writers on one KPI period; a loser waits a few ms between tries. */
const MAX_ATTEMPTS = 25;

/** The store's write path of readings, and the look-up of a key's first answer. */
export function createReadingWrites(
  db: Kysely<Database>,
  events: EventChannel,
): Pick<StoreDb, 'submitReadings' | 'storedAnswer'> {
  const insertReadings = bulkInsert<ReadingRow>(db, READING_COLUMNS, (db, rows) =>
    db.insertInto('readings').values(rows),
  );
  return {
    submitReadings: (args) =>
      submitReadings(db, (trx, attempt) => submitOnce(trx, events, insertReadings, args, attempt), events),
    storedAnswer: (args) => storedAnswer(db, args),
  };
}

/**
 * Why retrying is correct: every attempt is a whole transaction, and every
 * one after the first looks for the key before anything else. A request that lost the race for its idempotency key
 * (PostgreSQL makes the second INSERT of the key wait for the first
 * transaction, then fail with a unique violation) finds the stored answer on
 * its next attempt and replays it. A request that lost the race for a
 * revision (another key took `max + 1` of the same KPI period first) reads the
 * new max on its next attempt. Nothing of a failed attempt is kept.
 */
async function submitReadings(
  db: Kysely<Database>,
  once: (trx: Transaction<Database>, attempt: number) => Promise<SubmitResult>,
  events: EventChannel,
): Promise<SubmitResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.transaction().execute((trx) => once(trx, attempt));
      if (!result.replayed) events.afterCommit(eventOf(result.readings));
      return result;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await sleep(Math.random() * 5 * attempt);
    }
  }
}

/** The first answer to a key, outside any write: see StoreDb.storedAnswer. */
async function storedAnswer(
  db: Kysely<Database>,
  args: Pick<SubmitArgs, 'userId' | 'idempotencyKey' | 'requestHash'>,
): Promise<Reading[] | undefined> {
  const stored = await findKey(db, args.userId, args.idempotencyKey);
  return stored ? replay(stored, args.requestHash).readings : undefined;
}

function findKey(db: Kysely<Database> | Transaction<Database>, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

async function submitOnce(
  trx: Transaction<Database>,
  events: EventChannel,
  insertReadings: (trx: Transaction<Database>, rows: readonly ReadingRow[]) => Promise<void>,
  args: SubmitArgs,
  attempt: number,
): Promise<SubmitResult> {
  const { userId, idempotencyKey, requestHash, readings } = args;
  // The first attempt does not look: a new key is the rule (the route has just
  // asked storedAnswer), and a key stored meanwhile makes the INSERT of the key
  // below fail, so the next attempt finds it and replays. One round trip less per batch.
  if (attempt > 1) {
    const stored = await findKey(trx, userId, idempotencyKey);
    if (stored) return replay(stored, requestHash);
  }

  const rows = await numberRevisions(trx, readings);
  const answer = rows.map(toReading);

  // The key goes in first: a concurrent request with the same key waits here
  // (PostgreSQL) until this transaction ends, then fails and replays.
  await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: userId,
      key: idempotencyKey,
      request_hash: requestHash,
      response: JSON.stringify(answer),
      created_at: readings[0]?.submittedAt ?? new Date().toISOString(),
    })
    .execute();

  // Inserted in key order, not request order, so two batches touching the same
  // KPI periods take their index entries in the same order and cannot deadlock.
  const sorted = [...rows].sort(
    (a, b) => compare(a.kpi_id, b.kpi_id) || compare(a.period, b.period) || a.revision - b.revision,
  );
  // A batch of 1,000 readings (the most a request carries) is one statement.
  for (const part of chunks(sorted, READINGS_PER_INSERT)) await insertReadings(trx, part);
  if (answer.length > 0) await events.inTransaction(trx, eventOf(answer));
  return { replayed: false, readings: answer };
}

function replay(stored: { request_hash: string; response: string }, requestHash: string): SubmitResult {
  if (stored.request_hash !== requestHash) throw new PlumblineError('idempotency_conflict');
  // Written by submitOnce from toReading: already the answer's exact shape.
  const readings: Reading[] = JSON.parse(stored.response);
  return { replayed: true, readings };
}

/** Rows for the batch, each revision = the stored max + 1, consecutive in request order. */
async function numberRevisions(trx: Transaction<Database>, readings: NewReading[]): Promise<ReadingRow[]> {
  const latest = new Map<string, number>();
  const kpiIds = [...new Set(readings.map((r) => r.kpiId))];
  const periods = [...new Set(readings.map((r) => r.period))];
  for (const ids of chunks(kpiIds, IDS_PER_QUERY)) {
    // A superset of the pairs asked for (every kpi × every period); the map keeps what is needed.
    const found = await trx
      .selectFrom('readings')
      .select(['kpi_id', 'period', (eb) => eb.fn.max('revision').as('revision')])
      .where('kpi_id', 'in', ids)
      .where('period', 'in', periods)
      .groupBy(['kpi_id', 'period'])
      .execute();
    for (const row of found) latest.set(pairKey(row.kpi_id, row.period), row.revision);
  }
  return readings.map((r) => {
    const key = pairKey(r.kpiId, r.period);
    const revision = (latest.get(key) ?? 0) + 1;
    latest.set(key, revision);
    const { start, end } = periodBounds(r.period);
    return {
      kpi_id: r.kpiId,
      period: r.period,
      period_start: start,
      period_end: end,
      value: r.value,
      comment: r.comment ?? null,
      remediation: r.remediation ?? null,
      source: r.source ? JSON.stringify(r.source) : null,
      submitted_by: r.submittedBy,
      submitted_at: r.submittedAt,
      revision,
    };
  });
}

function eventOf(readings: Reading[]): ReadingsEvent {
  return { readings: readings.map((r) => ({ kpiId: r.kpiId, period: r.period, revision: r.revision })) };
}

function pairKey(kpiId: string, period: string): string {
  return `${kpiId}\u0000${period}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
