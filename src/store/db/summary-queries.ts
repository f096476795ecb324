/**
 * What `GET /v1/summary` reads (and, of it, what a reconcile needs), and only that: the columns a summary shows, no
 * ordering it does not need, and only the observations it counts.
 */
import { sql, type Kysely } from 'kysely';
import type { SummaryLink, SummaryObservation, SummaryReading } from '../../core/summary';
import { chunks, IDS_PER_QUERY } from './chunks';
import { latestRevisionOnly } from './reading-queries';
import { isVerdict } from './rows';
import type { StoreDb } from './repository';
import { isUndefinedFunction } from './sql-errors';
import type { Database, Engine } from './schema';

type SummaryQueries = Pick<StoreDb, 'latestOfPeriods' | 'summaryLinks' | 'divergedObservations'>;

export function createSummaryQueries(db: Kysely<Database>): SummaryQueries {
  return {
    latestOfPeriods: async (kpiIds, periods) => {
      const out: SummaryReading[] = [];
      for (const ids of chunks([...new Set(kpiIds)], IDS_PER_QUERY)) {
        const rows = await db
          .selectFrom('readings as r')
          .select([
            'r.kpi_id',
            'r.period',
            'r.value',
            'r.comment',
            'r.remediation',
            'r.submitted_by',
            'r.submitted_at',
            'r.revision',
          ])
          // Seeks on the (kpi_id, period, revision) index: only the periods asked for are read.
          .where('r.kpi_id', 'in', ids)
          .where('r.period', 'in', periods)
          .where(latestRevisionOnly)
          .execute();
        for (const r of rows) {
          out.push({
            kpiId: r.kpi_id,
            period: r.period,
            value: r.value,
            revision: r.revision,
            submittedBy: r.submitted_by,
            submittedAt: r.submitted_at,
            ...(r.comment !== null ? { comment: r.comment } : {}),
            ...(r.remediation !== null ? { remediation: r.remediation } : {}),
          });
        }
      }
      return out;
    },

    summaryLinks: async () => {
      const rows = await db.selectFrom('links').select(['id', 'kpi_ids']).execute();
      return rows.map((row): SummaryLink => {
        const kpiIds: string[] = JSON.parse(row.kpi_ids);
        return { id: row.id, kpiIds };
      });
    },

    divergedObservations: async (kpiIds, period) => {
      const out: SummaryObservation[] = [];
      for (const ids of chunks([...new Set(kpiIds)], IDS_PER_QUERY)) {
        const rows = await db
          .selectFrom('observations')
          .select(['link_id', 'kpi_id', 'period', 'verdict'])
          .where('kpi_id', 'in', ids)
          .where('period', '=', period)
          // A literal, not a bound value: SQLite uses the partial index observations_diverged only then.
          // eslint-disable-next-line no-restricted-syntax
          .where('verdict', '=', sql.lit('diverged'))
          .execute();
        for (const row of rows) {
          if (!isVerdict(row.verdict)) throw new Error(`Unknown verdict in the store: ${row.verdict}`);
          out.push({ linkId: row.link_id, kpiId: row.kpi_id, period: row.period, verdict: row.verdict });
        }
      }
      return out;
    },
  };
}

/**
 * See StoreDb.dataVersion. PostgreSQL: the snapshot (`xmin:xmax:in-progress`),
 * which moves whenever any transaction ends, in any process (13 and later; a
 * PostgreSQL-compatible engine without it answers undefined). SQLite: this
 * connection's count of changed rows (the store's only connection in this
 * process) with `data_version`, which moves when another connection commits.
 */
export async function dataVersion(db: Kysely<Database>, engine: Engine): Promise<string | undefined> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ version: string }>`select total_changes() || ':' || data_version as version
      from pragma_data_version`.execute(db);
    return String(rows[0]!.version);
  }
  try {
    const { rows } = await sql<{ version: string }>`select pg_current_snapshot()::text as version`.execute(
      db,
    );
    return rows[0]!.version;
  } catch (error) {
    // No snapshot to compare (an engine without the function): nothing can be kept. Any other failure is real.
    if (isUndefinedFunction(error)) return undefined;
    throw error;
  }
}
