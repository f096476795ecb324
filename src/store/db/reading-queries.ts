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

    latestReadings: async (kpiIds, range) => {
      const out: Reading[] = [];
      for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
        let latest = db
          .selectFrom('readings')
          .select(['kpi_id', 'period', (eb) => eb.fn.max('revision').as('revision')])
          .where('kpi_id', 'in', ids)
          .groupBy(['kpi_id', 'period']);
        // A period overlaps [fromDay, toDay] when it ends on or after fromDay and starts on or before toDay.
        if (range?.fromDay !== undefined) latest = latest.where('period_end', '>=', range.fromDay);
        if (range?.toDay !== undefined) latest = latest.where('period_start', '<=', range.toDay);
        const rows = await db
          .selectFrom('readings as r')
          .innerJoin(latest.as('m'), (join) =>
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
    },

    latestReported: async (kpiIds, endedBefore) => {
      const out: Reading[] = [];
      for (const ids of chunks(unique(kpiIds), IDS_PER_QUERY)) {
        // The end of each KPI's latest ended period with a reading, then that period's highest revision.
        const lastEnd = db
          .selectFrom('readings')
          .select(['kpi_id', (eb) => eb.fn.max('period_end').as('period_end')])
          .where('kpi_id', 'in', ids)
          .where('period_end', '<', endedBefore)
          .groupBy('kpi_id');
        const lastRevision = db
          .selectFrom('readings as x')
          .innerJoin(lastEnd.as('e'), (join) =>
            join.onRef('e.kpi_id', '=', 'x.kpi_id').onRef('e.period_end', '=', 'x.period_end'),
          )
          .select(['x.kpi_id', 'x.period', (eb) => eb.fn.max('x.revision').as('revision')])
          .groupBy(['x.kpi_id', 'x.period']);
        const rows = await db
          .selectFrom('readings as r')
          .innerJoin(lastRevision.as('m'), (join) =>
            join
              .onRef('m.kpi_id', '=', 'r.kpi_id')
              .onRef('m.period', '=', 'r.period')
              .onRef('m.revision', '=', 'r.revision'),
          )
          .select(READING_COLUMNS)
          .orderBy('r.kpi_id')
          .orderBy('r.period')
          .execute();
        out.push(...rows.map(toReading));
      }
      return out;
    },

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

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
