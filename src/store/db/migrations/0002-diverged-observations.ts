/**
 * 0002: observations are looked up only by the summary, which counts the
 * diverged ones of a period. An index of those alone (about 1 in 100) replaces
 * the index of every observation by KPI, which each reconcile had to update
 * for every cell it recorded.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema';

// Kysely<any>: see 0001.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.dropIndex('observations_kpi').execute();
  await db.schema
    .createIndex('observations_diverged')
    .on('observations')
    .columns(['period', 'kpi_id'])
    // An index's predicate cannot take parameters: a constant literal.
    // eslint-disable-next-line no-restricted-syntax
    .where(sql.ref('verdict'), '=', sql.lit('diverged'))
    .execute();
}
