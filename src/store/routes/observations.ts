import { z } from 'zod';
import {
  observationAnswerSchema,
  observationsRequestSchema,
  type ObservationInput,
  type Reading,
} from '../../core/api';
import { periodBounds } from '../../core/period-key';
import { observationProblems, observationRulesError } from '../../core/reading-rules';
import { verdictOf } from '../../core/verdict';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { currentUser } from '../current-user';
import type { ObservationRow } from '../db/repository';
import { kpisByIds } from '../kpi-lookup';
import { linkersOnly } from '../role-hooks';
import { errorResponses, jsonAnswer, WITH_BODY } from '../route-schemas';

/** `POST /v1/observations`: the schemas that check its request and serialize its answers. */
const postObservations = {
  schema: {
    summary: 'Record local values seen in linked cells; answers their verdicts',
    body: observationsRequestSchema,
    response: {
      200: jsonAnswer(
        'Each observation with its verdict',
        z.object({ observations: z.array(observationAnswerSchema) }),
      ),
      ...errorResponses(
        ...WITH_BODY,
        'forbidden',
        'unknown_kpi',
        'unknown_link',
        'link_invalid',
        'period_mismatch',
      ),
    },
  },
  bodyLimit: BODY_LIMITS.observations,
  preValidation: linkersOnly,
};

export function registerObservationRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  /**
   * Local values seen in linked cells: each is compared with the canonical value
   * of that moment, answered with its verdict, and kept as the latest
   * observation of its link and period.
   */
  app.post('/v1/observations', postObservations, async (request) => {
    const user = currentUser(request);
    const { observations } = request.body;
    const kpis = await kpisByIds(
      db,
      observations.map((o) => o.kpiId),
      'observations',
    );
    const links = await db.listLinks({ ids: [...new Set(observations.map((o) => o.linkId))] });
    const broken = observationRulesError(
      observationProblems({ kpis: [...kpis.values()], links, observations }),
    );
    if (broken) throw broken;

    const canonical = await canonicalFor(db, observations);
    const observedAt = now().toISOString();
    const answers = observations.map((o) => {
      const reading = canonical.get(key(o.kpiId, o.period));
      return {
        ...o,
        canonical: reading?.value ?? null,
        revision: reading?.revision ?? null,
        verdict: verdictOf(o.value, reading?.value, kpis.get(o.kpiId)?.tolerance),
      };
    });
    const rows: ObservationRow[] = answers.flatMap((a) =>
      a.verdict === null
        ? []
        : [
            {
              linkId: a.linkId,
              kpiId: a.kpiId,
              period: a.period,
              value: typeof a.value === 'number' ? a.value : null,
              unreadable: a.value !== null && typeof a.value === 'object' ? a.value.unreadable : null,
              canonical: a.canonical,
              revision: a.revision,
              verdict: a.verdict,
              observedBy: user.id,
              observedAt,
            },
          ],
    );
    await db.recordObservations(rows);
    return { observations: answers };
  });
}

async function canonicalFor(
  db: RouteDeps['db'],
  observations: ObservationInput[],
): Promise<Map<string, Reading>> {
  const bounds = observations.map((o) => periodBounds(o.period));
  const fromDay = bounds.map((b) => b.start).reduce((a, b) => (a < b ? a : b));
  const toDay = bounds.map((b) => b.end).reduce((a, b) => (a > b ? a : b));
  const kpiIds = [...new Set(observations.map((o) => o.kpiId))];
  const readings = await db.latestReadings(kpiIds, { fromDay, toDay });
  return new Map(readings.map((r) => [key(r.kpiId, r.period), r]));
}

function key(kpiId: string, period: string): string {
  return `${kpiId}\u0000${period}`;
}
