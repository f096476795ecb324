import type { FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  idempotencyHeadersSchema,
  readingsAnswerSchema,
  readingsQuerySchema,
  readingsRequestSchema,
} from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { indexNodes, isKpi } from '../../core/model-tree';
import { readingProblems, readingRulesError } from '../../core/reading-rules';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { currentUser } from '../current-user';
import { requestHash } from '../request-hash';
import { errorResponses, jsonAnswer, plainJson, WITH_BODY, WITH_QUERY } from '../route-schemas';

/** `POST /v1/readings`: the schemas that check its request and serialize its answers. */
const postReadings = {
  schema: {
    summary: 'Submit readings (owner of each KPI); all-or-nothing, idempotent by key',
    description:
      'The answer carries `Idempotent-Replayed: true` when it repeats the first answer to the same key and body.',
    headers: idempotencyHeadersSchema,
    body: readingsRequestSchema,
    response: {
      201: jsonAnswer('The stored readings with their revisions', readingsAnswerSchema),
      ...errorResponses(
        ...WITH_BODY,
        'idempotency_key_required',
        'not_kpi_owner',
        'idempotency_conflict',
        'idempotency_in_progress',
        'unknown_kpi',
        'period_mismatch',
        'period_in_future',
        'remediation_required',
      ),
    },
  },
  bodyLimit: BODY_LIMITS.readings,
  // The key is checked before the body's schema, so a request without one learns that first.
  preValidation: async (request: FastifyRequest) => checkIdempotencyKey(request),
};

/** `GET /v1/readings`. */
const getReadings = {
  schema: {
    summary: 'Revisions of a KPI, oldest first',
    querystring: readingsQuerySchema,
    response: {
      200: jsonAnswer('Every revision, oldest first', readingsAnswerSchema),
      ...errorResponses(...WITH_QUERY, 'not_found'),
    },
  },
};

export function registerReadingRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  app.post('/v1/readings', postReadings, async (request, reply) => {
    const user = currentUser(request);
    const key = request.headers['idempotency-key'];
    const { readings } = request.body;
    const hash = requestHash(readings);
    // A retry gets its first answer even if the model or the clock moved on since. The KPIs are
    // read meanwhile (on PostgreSQL another connection) and only looked at for a new key.
    const kpisRead = db.listNodesByIds(readings.map((r) => r.kpiId));
    // Awaited below only for a new key: a replay or a conflict must not leave its failure unhandled.
    kpisRead.catch(() => undefined);
    const previous = await db.storedAnswer({ userId: user.id, idempotencyKey: key, requestHash: hash });
    // Answers are built by the repository from validated rows (see plainJson): up to 1,000 readings each.
    if (previous)
      return plainJson(reply).status(201).header('Idempotent-Replayed', 'true').send({ readings: previous });

    const clock = now();
    const broken = readingRulesError(
      readingProblems({
        kpis: (await kpisRead).filter(isKpi),
        user,
        today: clock.toISOString().slice(0, 10),
        readings,
      }),
    );
    if (broken) throw broken;
    const submittedAt = clock.toISOString();
    const result = await db.submitReadings({
      userId: user.id,
      idempotencyKey: key,
      requestHash: hash,
      readings: readings.map((r) => ({ ...r, submittedBy: user.id, submittedAt })),
    });
    return plainJson(reply)
      .status(201)
      .header('Idempotent-Replayed', String(result.replayed))
      .send({ readings: result.readings });
  });

  app.get('/v1/readings', getReadings, async (request) => {
    const query = request.query;
    const kpi = indexNodes(await db.listNodes()).get(query.kpiId);
    if (!isKpi(kpi)) throw new PlumblineError('not_found', `No KPI "${query.kpiId}".`);
    return { readings: await db.listReadings(query.kpiId, query.period) };
  });
}

/** A missing or blank key and one too long, each with its own code; the headers schema documents the same limits. */
function checkIdempotencyKey(request: FastifyRequest): void {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.trim() === '') throw new PlumblineError('idempotency_key_required');
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new PlumblineError(
      'validation_failed',
      `The Idempotency-Key is longer than ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`,
    );
  }
}
