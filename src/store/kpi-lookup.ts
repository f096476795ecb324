import { PlumblineError } from '../core/errors';
import type { Kpi } from '../core/model';
import { isKpi } from '../core/model-tree';
import type { StoreDb } from './db/repository';

/** The KPIs of `ids` by id, or `unknown_kpi` naming every id that is not a KPI. */
export async function kpisByIds(
  db: StoreDb,
  ids: readonly string[],
  path: string,
): Promise<Map<string, Kpi>> {
  // Only the nodes asked for: the model may hold thousands, a request names a few.
  const nodes = await db.listNodesByIds(ids);
  const kpis = new Map(nodes.filter(isKpi).map((k) => [k.id, k]));
  const unknown = [...new Set(ids)].filter((id) => !kpis.has(id));
  if (unknown.length > 0) {
    throw new PlumblineError(
      'unknown_kpi',
      `No KPI ${unknown.map((id) => `"${id}"`).join(', ')}.`,
      unknown.map((id) => ({ path, message: `No KPI "${id}".` })),
    );
  }
  return kpis;
}
