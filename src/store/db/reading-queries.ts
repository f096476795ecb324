/** Reading readings: revisions, canonical values, activity. */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Reading } from '../../core/api';
import { chunks, IDS_PER_QUERY } from './chunks';
import type { StoreDb } from './repository';
import { toReading } from './rows';
import type { Database } from './schema';

type ReadingQueries = Pick<
  StoreDb,
  'kpisWithReadings' | 'listReadings' | 'latestReadings' | 'latestReported' | 'lastSubmittedAt'
>;

const READING_COLUMNS = [
  'r.kpi_id',
  'r.period',
  'r.period_start',
  'r.period_end',
  'r.value',
  'r.comment',
  'r.remediation',
  'r.source',
  'r.submitted_by',
  'r.submitted_at',
  'r.revision',
] as const;

export function createReadingQueries(db: Kysely<Database>): ReadingQueries {
  return {
    kpisWithReadings: async (kpiIds) => {
      const found = new Set<string>();
      for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
        const rows = await db
          .selectFrom('readings')
          .select('kpi_id')
          .distinct()
          .where('kpi_id', 'in', ids)
          .execute();
        for (const row of rows) found.add(row.kpi_id);
      }
      return found;
    },

    listReadings: async (kpiId, period) => {
      let query = db.selectFrom('readings as r').select(READING_COLUMNS).where('r.kpi_id', '=', kpiId);
      if (period !== undefined) query = query.where('r.period', '=', period);
      const rows = await query.orderBy('r.period_start').orderBy('r.period').orderBy('r.revision').execute();
      return rows.map(toReading);
    },

    latestReadings: (kpiIds, range) =>
      canonicalReadings(db, kpiIds, (eb) => {
        // A period overlaps [fromDay, toDay] when it ends on or after fromDay and starts on or before toDay.
        const overlaps: Expression<SqlBool>[] = [];
        if (range?.fromDay !== undefined) overlaps.push(eb('r.period_end', '>=', range.fromDay));
        if (range?.toDay !== undefined) overlaps.push(eb('r.period_start', '<=', range.toDay));
        return eb.and(overlaps);
      }),

    latestReported: (kpiIds, endedBefore) =>
      canonicalReadings(db, kpiIds, (eb) =>
        // Only each KPI's latest period ended before the day: the one with the latest end.
        eb.and([
          eb('r.period_end', '<', endedBefore),
          eb(
            'r.period_end',
            '=',
            eb
              .selectFrom('readings as e')
              .select((e) => e.fn.max('e.period_end').as('period_end'))
              .whereRef('e.kpi_id', '=', 'r.kpi_id')
              .where('e.period_end', '<', endedBefore),
          ),
        ]),
      ),

    lastSubmittedAt: async (kpiIds) => {
      const out = new Map<string, string>();
      for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
        // One index probe per KPI (the max of its (kpi_id, submitted_at) entries), not a scan of all its readings.
        const rows = await db
          .selectFrom('nodes as k')
          .select((eb) => [
            'k.id',
            eb
              .selectFrom('readings as r')
              .select((r) => r.fn.max('r.submitted_at').as('at'))
              .whereRef('r.kpi_id', '=', 'k.id')
              .as('at'),
          ])
          .where('k.id', 'in', ids)
          .execute();
        for (const row of rows) if (row.at !== null) out.set(row.id, row.at);
      }
      return out;
    },
  };
}

/** `readings as r` in a query, as Kysely types an expression about it. */
type ReadingAlias = ExpressionBuilder<Database & { r: Database['readings'] }, 'r'>;

/**
 * Keeps a reading `r` only when no later revision of its KPI and period
 * exists: one probe of the (kpi_id, period, revision) unique index per row,
 * where grouping by period and joining back read every revision twice.
 */
export function latestRevisionOnly(eb: ReadingAlias) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('readings as n')
        .select('n.revision')
        .whereRef('n.kpi_id', '=', 'r.kpi_id')
        .whereRef('n.period', '=', 'r.period')
        .whereRef('n.revision', '>', 'r.revision'),
    ),
  );
}

/** The canonical reading (latest revision) of every (KPI, period) of some KPIs that `narrow` keeps. */
async function canonicalReadings(
  db: Kysely<Database>,
  kpiIds: string[],
  narrow: (eb: ReadingAlias) => Expression<SqlBool>,
): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('readings as r')
      .select(READING_COLUMNS)
      .where('r.kpi_id', 'in', ids)
      .where(narrow)
      .where(latestRevisionOnly)
      .orderBy('r.kpi_id')
      .orderBy('r.period_start')
      .orderBy('r.period')
      .execute();
    out.push(...rows.map(toReading));
  }
  return out;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
