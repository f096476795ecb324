/** Links of sheet ranges to KPIs, and the latest observation of each linked cell. */
import type { Insertable, Kysely } from 'kysely';
import type { Link } from '../../core/api';
import { chunks, IDS_PER_QUERY, ROWS_PER_INSERT, rowsPerInsert } from './chunks';
import type { ObservationRow, StoreDb } from './repository';
import { toLink, toObservation } from './rows';
import { bulkInsert } from './bulk-insert';
import type { Database, ObservationsTable } from './schema';

type LinkQueries = Pick<
  StoreDb,
  'upsertLink' | 'upsertLinks' | 'listLinks' | 'recordObservations' | 'listObservations'
>;

const OBSERVATION_COLUMNS = [
  'link_id',
  'kpi_id',
  'period',
  'value',
  'unreadable',
  'canonical',
  'revision',
  'verdict',
  'observed_by',
  'observed_at',
] as const;

const OBSERVATIONS_PER_INSERT = rowsPerInsert(OBSERVATION_COLUMNS.length);

export function createLinkQueries(db: Kysely<Database>): LinkQueries {
  const upsertObservations = bulkInsert<Insertable<ObservationsTable>>(db, OBSERVATION_COLUMNS, (db, rows) =>
    db
      .insertInto('observations')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['link_id', 'kpi_id', 'period'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            unreadable: eb.ref('excluded.unreadable'),
            canonical: eb.ref('excluded.canonical'),
            revision: eb.ref('excluded.revision'),
            verdict: eb.ref('excluded.verdict'),
            observed_by: eb.ref('excluded.observed_by'),
            observed_at: eb.ref('excluded.observed_at'),
          }))
          // An observation that arrives late (from a slower process) does not replace a newer one.
          .whereRef('observations.observed_at', '<=', 'excluded.observed_at'),
      ),
  );
  return {
    upsertLink: async (link) => {
      const [stored] = await upsertLinkRows(db, [link]);
      return stored!;
    },

    upsertLinks: (links) => db.transaction().execute((trx) => upsertLinkRows(trx, links)),

    listLinks: async (filter) => {
      const idChunks = filter?.ids ? chunks([...new Set(filter.ids)], IDS_PER_QUERY) : [undefined];
      const out: Link[] = [];
      for (const ids of idChunks) {
        let query = db.selectFrom('links').selectAll();
        if (ids) query = query.where('id', 'in', ids);
        if (filter?.workbookId !== undefined) query = query.where('workbook_id', '=', filter.workbookId);
        const rows = await query.orderBy('created_at').orderBy('id').execute();
        out.push(...rows.map(toLink));
      }
      return out;
    },

    recordObservations: async (rows) => {
      // One row per key (the latest of the batch): an upsert may not touch a row twice in one statement.
      const byKey = new Map<string, ObservationRow>();
      for (const row of rows) {
        const key = `${row.linkId}\u0000${row.kpiId}\u0000${row.period}`;
        const seen = byKey.get(key);
        if (!seen || seen.observedAt <= row.observedAt) byKey.set(key, row);
      }
      const values = [...byKey.values()].map((o) => ({
        link_id: o.linkId,
        kpi_id: o.kpiId,
        period: o.period,
        value: o.value,
        unreadable: o.unreadable,
        canonical: o.canonical,
        revision: o.revision,
        verdict: o.verdict,
        observed_by: o.observedBy,
        observed_at: o.observedAt,
      }));
      if (values.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(values, OBSERVATIONS_PER_INSERT)) await upsertObservations(trx, part);
      });
    },

    listObservations: async (filter) => {
      const kpiChunks = filter?.kpiIds ? chunks([...new Set(filter.kpiIds)], IDS_PER_QUERY) : [undefined];
      const out: ObservationRow[] = [];
      for (const kpiIds of kpiChunks) {
        let query = db.selectFrom('observations').selectAll();
        if (kpiIds) query = query.where('kpi_id', 'in', kpiIds);
        if (filter?.verdict !== undefined) query = query.where('verdict', '=', filter.verdict);
        const rows = await query.orderBy('link_id').orderBy('kpi_id').orderBy('period').execute();
        out.push(...rows.map(toObservation));
      }
      return out;
    },
  };
}

/**
 * Inserts links, or updates every field but createdBy/createdAt of those whose
 * id exists; several rows per statement. On an update the link's createdAt is
 * the time of this request: it becomes updated_at. The last of two links with
 * one id wins (an upsert may not touch a row twice in one statement).
 */
async function upsertLinkRows(db: Kysely<Database>, links: readonly Link[]): Promise<Link[]> {
  const byId = new Map(links.map((link) => [link.id, link]));
  const stored = new Map<string, Link>();
  for (const part of chunks([...byId.values()], ROWS_PER_INSERT)) {
    const rows = await db
      .insertInto('links')
      .values(
        part.map((link) => ({
          id: link.id,
          workbook_id: link.workbookId,
          workbook_name: link.workbookName,
          sheet: link.sheet,
          address: link.address,
          layout: link.layout,
          kpi_ids: JSON.stringify(link.kpiIds),
          scale: link.scale,
          created_by: link.createdBy,
          created_at: link.createdAt,
          updated_at: link.createdAt,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          workbook_id: eb.ref('excluded.workbook_id'),
          workbook_name: eb.ref('excluded.workbook_name'),
          sheet: eb.ref('excluded.sheet'),
          address: eb.ref('excluded.address'),
          layout: eb.ref('excluded.layout'),
          kpi_ids: eb.ref('excluded.kpi_ids'),
          scale: eb.ref('excluded.scale'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returningAll()
      .execute();
    for (const row of rows) stored.set(row.id, toLink(row));
  }
  return links.map((link) => stored.get(link.id)!);
}
