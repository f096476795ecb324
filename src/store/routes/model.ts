import { z } from 'zod';
import { PlumblineError } from '../../core/errors';
import { modelSchema, storedNodeSchema, type ModelNode } from '../../core/model';
import { validateModel, validateModelChange } from '../../core/model-rules';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { adminOnly } from '../role-hooks';
import { errorResponses, jsonAnswer, WITH_BODY } from '../route-schemas';

/** `PUT /v1/model`: the schemas that check its request and serialize its answers. */
const putModel = {
  schema: {
    summary: 'Bulk upsert of pillars, programs and KPIs (admin); all-or-nothing',
    body: modelSchema,
    response: {
      200: jsonAnswer('The whole model after the upsert', z.object({ nodes: z.array(storedNodeSchema) })),
      ...errorResponses(...WITH_BODY, 'forbidden', 'model_invalid'),
    },
  },
  bodyLimit: BODY_LIMITS.model,
  preValidation: adminOnly,
};

export function registerModelRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  /** Bulk upsert of pillars, programs and KPIs: all or nothing. */
  app.put('/v1/model', putModel, async (request) => {
    const { nodes } = request.body;
    const existing = await db.listNodes();
    const problems = [
      ...validateModel(overlay(existing, nodes), await db.listUsers(), nodes),
      ...validateModelChange(existing, nodes, await db.kpisWithReadings(nodes.map((n) => n.id))),
    ];
    if (problems.length > 0) {
      throw new PlumblineError('model_invalid', `The model breaks ${problems.length} rule(s).`, problems);
    }
    await db.upsertNodes(nodes, now().toISOString());
    return { nodes: await db.listNodes() };
  });
}

/** The model as it would be after the upsert: existing nodes replaced by incoming ones of the same id. */
function overlay(existing: ModelNode[], incoming: ModelNode[]): ModelNode[] {
  const incomingById = new Map(incoming.map((n) => [n.id, n]));
  const kept = existing.map((n) => incomingById.get(n.id) ?? n);
  const existingIds = new Set(existing.map((n) => n.id));
  return [...kept, ...incoming.filter((n) => !existingIds.has(n.id))];
}
