/** Reading readings: revisions, canonical values, activity. */
import type { Kysely } from 'kysely';
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
      canonicalReadings(db, kpiIds, (latest) => {
        // A period overlaps [fromDay, toDay] when it ends on or after fromDay and starts on or before toDay.
        let q = latest;
        if (range?.fromDay !== undefined) q = q.where('period_end', '>=', range.fromDay);
        if (range?.toDay !== undefined) q = q.where('period_start', '<=', range.toDay);
        return q;
      }),

    latestReported: (kpiIds, endedBefore) =>
      canonicalReadings(db, kpiIds, (latest) =>
        // Only each KPI's latest period ended before the day: the one with the latest end.
        latest.where('period_end', '<', endedBefore).where('period_end', '=', (eb) =>
          eb
            .selectFrom('readings as e')
            .select((e) => e.fn.max('e.period_end').as('period_end'))
            .whereRef('e.kpi_id', '=', 'readings.kpi_id')
            .where('e.period_end', '<', endedBefore),
        ),
      ),

    lastSubmittedAt: async (kpiIds) => {
      const out = new Map<string, string>();
      for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
        const rows = await db
          .selectFrom('readings')
          .select(['kpi_id', (eb) => eb.fn.max('submitted_at').as('at')])
          .where('kpi_id', 'in', ids)
          .groupBy('kpi_id')
          .execute();
        for (const row of rows) out.set(row.kpi_id, row.at);
      }
      return out;
    },
  };
}

/** The highest revision of each (KPI, period) of some KPIs, before `narrow` picks which periods. */
function latestRevisions(db: Kysely<Database>, ids: string[]) {
  return db
    .selectFrom('readings')
    .select(['kpi_id', 'period', (eb) => eb.fn.max('revision').as('revision')])
    .where('kpi_id', 'in', ids)
    .groupBy(['kpi_id', 'period']);
}

type LatestRevisions = ReturnType<typeof latestRevisions>;

/** The canonical reading (latest revision) of every (KPI, period) that `narrow` keeps. */
async function canonicalReadings(
  db: Kysely<Database>,
  kpiIds: string[],
  narrow: (latest: LatestRevisions) => LatestRevisions,
): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('readings as r')
      .innerJoin(narrow(latestRevisions(db, ids)).as('m'), (join) =>
        join
          .onRef('m.kpi_id', '=', 'r.kpi_id')
          .onRef('m.period', '=', 'r.period')
          .onRef('m.revision', '=', 'r.revision'),
      )
      .select(READING_COLUMNS)
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
