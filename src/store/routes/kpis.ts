import type { FastifyInstance } from 'fastify';
import { PlumblineError } from '../../core/errors';
import { kpisWithPaths } from '../../core/model-tree';
import type { RouteDeps } from '../app';

export function registerKpiRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  app.get('/v1/kpis', async () => ({ kpis: kpisWithPaths(await db.listNodes()) }));

  app.get<{ Params: { id: string } }>('/v1/kpis/:id', async (request) => {
    const kpi = kpisWithPaths(await db.listNodes()).find((k) => k.id === request.params.id);
    if (!kpi) throw new PlumblineError('not_found', `No KPI "${request.params.id}".`);
    return kpi;
  });

  app.get('/v1/nodes', async () => ({ nodes: await db.listNodes() }));
}
