import { z } from 'zod';
import { observationAnswerSchema, observationsRequestSchema, type ObservationInput } from '../../core/api';
import { observationProblems, observationRulesError } from '../../core/reading-rules';
import type { SummaryReading } from '../../core/summary';
import { verdictOf } from '../../core/verdict';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { currentUser } from '../current-user';
import type { ObservationRow } from '../db/repository';
import { kpisByIds } from '../kpi-lookup';
import { linkersOnly } from '../role-hooks';
import { errorResponses, jsonAnswer, plainJson, WITH_BODY } from '../route-schemas';

type ObservationAnswer = z.infer<typeof observationAnswerSchema>;

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
  app.post('/v1/observations', postObservations, async (request, reply) => {
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
    const answers: ObservationAnswer[] = [];
    const rows: ObservationRow[] = [];
    for (const o of observations) {
      const reading = canonical.get(o.kpiId)?.get(o.period);
      const verdict = verdictOf(o.value, reading?.value, kpis.get(o.kpiId)?.tolerance);
      const answer: ObservationAnswer = {
        linkId: o.linkId,
        kpiId: o.kpiId,
        period: o.period,
        value: o.value,
        canonical: reading?.value ?? null,
        revision: reading?.revision ?? null,
        verdict,
      };
      answers.push(answer);
      if (verdict === null) continue;
      rows.push({
        linkId: o.linkId,
        kpiId: o.kpiId,
        period: o.period,
        value: typeof o.value === 'number' ? o.value : null,
        unreadable: o.value !== null && typeof o.value === 'object' ? o.value.unreadable : null,
        canonical: answer.canonical,
        revision: answer.revision,
        verdict,
        observedBy: user.id,
        observedAt,
      });
    }
    await db.recordObservations(rows);
    // Built here from validated input and stored readings: see plainJson.
    return plainJson(reply).send({ observations: answers });
  });
}

/** The canonical reading of each KPI and period observed, by KPI then period. */
async function canonicalFor(
  db: RouteDeps['db'],
  observations: ObservationInput[],
): Promise<Map<string, Map<string, SummaryReading>>> {
  const kpiIds = [...new Set(observations.map((o) => o.kpiId))];
  const periods = [...new Set(observations.map((o) => o.period))];
  const byKpi = new Map<string, Map<string, SummaryReading>>();
  for (const r of await db.latestOfPeriods(kpiIds, periods)) {
    const byPeriod = byKpi.get(r.kpiId);
    if (byPeriod) byPeriod.set(r.period, r);
    else byKpi.set(r.kpiId, new Map([[r.period, r]]));
  }
  return byKpi;
}
