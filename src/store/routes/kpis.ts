import { z } from 'zod';
import { PlumblineError } from '../../core/errors';
import { kpiWithPathSchema, storedNodeSchema } from '../../core/model';
import { kpisWithPaths } from '../../core/model-tree';
import type { RouteDeps, StoreApp } from '../app';
import { errorResponses, jsonAnswer, SIGNED_IN } from '../route-schemas';

const getKpis = {
  schema: {
    summary: 'KPIs with their fields and path of ancestors',
    response: {
      200: jsonAnswer('Every KPI, in model order', z.object({ kpis: z.array(kpiWithPathSchema) })),
      ...errorResponses(...SIGNED_IN),
    },
  },
};

const getKpi = {
  schema: {
    summary: 'One KPI with its path of ancestors',
    // Any text: an id that is not a KPI's is a 404, like any unknown resource.
    params: z.object({ id: z.string() }),
    response: { 200: jsonAnswer('The KPI', kpiWithPathSchema), ...errorResponses(...SIGNED_IN, 'not_found') },
  },
};

const getNodes = {
  schema: {
    summary: 'The model: pillars, programs and KPIs in stored order',
    response: {
      200: jsonAnswer('Every node', z.object({ nodes: z.array(storedNodeSchema) })),
      ...errorResponses(...SIGNED_IN),
    },
  },
};

export function registerKpiRoutes(app: StoreApp, { db }: RouteDeps): void {
  app.get('/v1/kpis', getKpis, async () => ({ kpis: kpisWithPaths(await db.listNodes()) }));

  app.get('/v1/kpis/:id', getKpi, async (request) => {
    const kpi = kpisWithPaths(await db.listNodes()).find((k) => k.id === request.params.id);
    if (!kpi) throw new PlumblineError('not_found', `No KPI "${request.params.id}".`);
    return kpi;
  });

  app.get('/v1/nodes', getNodes, async () => ({ nodes: await db.listNodes() }));
}
