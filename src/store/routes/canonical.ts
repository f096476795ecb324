import type { FastifyInstance } from 'fastify';
import { canonicalRequestSchema } from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { periodBounds } from '../../core/period-key';
import type { RouteDeps } from '../app';
import { kpisByIds } from '../kpi-lookup';
import { parseOrThrow } from '../validate';

export function registerCanonicalRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  /**
   * The latest revision per KPI and period, in one answer. `from`/`to` may be
   * keys of any cadence: a period is included when its days overlap theirs.
   */
  app.post('/v1/canonical', async (request) => {
    const { kpiIds, from, to } = parseOrThrow(canonicalRequestSchema, request.body);
    await kpisByIds(db, kpiIds, 'kpiIds');
    const fromDay = from ? periodBounds(from).start : undefined;
    const toDay = to ? periodBounds(to).end : undefined;
    if (fromDay && toDay && fromDay > toDay) {
      throw new PlumblineError('validation_failed', `"from" (${from}) is after "to" (${to}).`, [
        { path: 'from', message: 'must not be after "to"' },
      ]);
    }
    return { readings: await db.latestReadings(kpiIds, { fromDay, toDay }) };
  });
}
