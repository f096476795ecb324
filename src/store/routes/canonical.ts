import { canonicalRequestSchema, readingsAnswerSchema } from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { periodBounds } from '../../core/period-key';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { kpisByIds } from '../kpi-lookup';
import { errorResponses, jsonAnswer, plainJson, WITH_BODY } from '../route-schemas';

/** `POST /v1/canonical`: the schemas that check its request and serialize its answers. */
const postCanonical = {
  schema: {
    summary: 'Latest revision per KPI and period',
    body: canonicalRequestSchema,
    response: {
      200: jsonAnswer('The latest revision of each KPI and period', readingsAnswerSchema),
      ...errorResponses(...WITH_BODY, 'unknown_kpi'),
    },
  },
  bodyLimit: BODY_LIMITS.canonical,
};

export function registerCanonicalRoutes(app: StoreApp, { db }: RouteDeps): void {
  /**
   * The latest revision per KPI and period, in one answer. `from`/`to` may be
   * keys of any cadence: a period is included when its days overlap theirs.
   */
  app.post('/v1/canonical', postCanonical, async (request, reply) => {
    const { kpiIds, from, to } = request.body;
    await kpisByIds(db, kpiIds, 'kpiIds');
    const fromDay = from ? periodBounds(from).start : undefined;
    const toDay = to ? periodBounds(to).end : undefined;
    if (fromDay && toDay && fromDay > toDay) {
      throw new PlumblineError('validation_failed', `"from" (${from}) is after "to" (${to}).`, [
        { path: 'from', message: 'must not be after "to"' },
      ]);
    }
    // Stored readings as toReading shapes them (see plainJson): a reconcile asks for tens of thousands.
    return plainJson(reply).send({ readings: await db.latestReadings(kpiIds, { fromDay, toDay }) });
  });
}
