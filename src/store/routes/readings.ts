import type { FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  idempotencyHeadersSchema,
  readingsAnswerSchema,
  readingsQuerySchema,
  readingsRequestSchema,
  type ReadingInput,
} from '../../core/api';
import { PlumblineError, type ErrorCode, type ErrorDetail } from '../../core/errors';
import type { User } from '../../core/model';
import { indexNodes, isKpi } from '../../core/model-tree';
import { cadenceOfPeriod, isPeriodKey, periodBounds } from '../../core/period-key';
import { needsRemediation, statusOf } from '../../core/status';
import type { ModelNode } from '../../core/model';
import type { RouteDeps, StoreApp } from '../app';
import { currentUser } from '../current-user';
import { requestHash } from '../request-hash';
import { errorResponses, jsonAnswer, WITH_BODY, WITH_QUERY } from '../route-schemas';

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
    // A retry gets its first answer even if the model or the clock moved on since.
    const previous = await db.storedAnswer({ userId: user.id, idempotencyKey: key, requestHash: hash });
    if (previous) return reply.status(201).header('Idempotent-Replayed', 'true').send({ readings: previous });

    const clock = now();
    rejectBrokenRules(readings, indexNodes(await db.listNodes()), user, clock.toISOString().slice(0, 10));
    const submittedAt = clock.toISOString();
    const result = await db.submitReadings({
      userId: user.id,
      idempotencyKey: key,
      requestHash: hash,
      readings: readings.map((r) => ({ ...r, submittedBy: user.id, submittedAt })),
    });
    return reply
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

interface Problem extends ErrorDetail {
  code: ErrorCode;
}

/**
 * Checks every reading of the batch against the model and reports all problems
 * at once; one bad reading rejects the whole batch. An ownership problem wins
 * (403), otherwise the first rule broken names the 422.
 */
function rejectBrokenRules(
  readings: ReadingInput[],
  byId: Map<string, ModelNode>,
  user: User,
  today: string,
): void {
  const problems = readings.flatMap((reading, i) => {
    const problem = ruleBroken(reading, byId, user, today);
    return problem ? [{ ...problem, path: `readings.${i}.${problem.path}` }] : [];
  });
  if (problems.length === 0) return;
  const lead = problems.find((p) => p.code === 'not_kpi_owner') ?? problems[0]!;
  const details = problems.map(({ path, message }) => ({ path, message }));
  const summary =
    problems.length === 1 ? lead.message : `${problems.length} readings break a rule; nothing was stored.`;
  throw new PlumblineError(lead.code, summary, details);
}

function ruleBroken(
  reading: ReadingInput,
  byId: Map<string, ModelNode>,
  user: User,
  today: string,
): Problem | undefined {
  const kpi = byId.get(reading.kpiId);
  if (!isKpi(kpi)) {
    return { code: 'unknown_kpi', path: 'kpiId', message: `No KPI "${reading.kpiId}".` };
  }
  if (kpi.ownerId !== user.id) {
    return {
      code: 'not_kpi_owner',
      path: 'kpiId',
      message: `${kpi.name} (${kpi.id}) is owned by ${kpi.ownerId}; only its owner may submit readings.`,
    };
  }
  if (!isPeriodKey(reading.period, kpi.cadence)) {
    const given = cadenceOfPeriod(reading.period) ?? 'not a valid period';
    return {
      code: 'period_mismatch',
      path: 'period',
      message: `${reading.period} is ${given === 'not a valid period' ? given : `a ${given} key`}, but ${kpi.id} is reported every ${kpi.cadence}.`,
    };
  }
  if (periodBounds(reading.period).start > today) {
    return { code: 'period_in_future', path: 'period', message: `${reading.period} has not started yet.` };
  }
  const status = statusOf(kpi, reading.value, reading.period);
  if (needsRemediation(status) && !reading.remediation) {
    return {
      code: 'remediation_required',
      path: 'remediation',
      message: `${reading.value} for ${kpi.name} in ${reading.period} is ${status}: add a remediation note.`,
    };
  }
  return undefined;
}
