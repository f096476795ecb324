import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readingsQuerySchema, readingsRequestSchema } from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { indexNodes, isKpi } from '../../core/model-tree';
import { readingProblems, readingRulesError } from '../../core/reading-rules';
import type { RouteDeps } from '../app';
import { currentUser } from '../current-user';
import { requestHash } from '../request-hash';
import { parseOrThrow } from '../validate';

const MAX_KEY_LENGTH = 200;

export function registerReadingRoutes(app: FastifyInstance, { db, now }: RouteDeps): void {
  app.post('/v1/readings', async (request, reply) => {
    const user = currentUser(request);
    const key = idempotencyKey(request);
    const { readings } = parseOrThrow(readingsRequestSchema, request.body);
    const hash = requestHash(readings);
    // A retry gets its first answer even if the model or the clock moved on since.
    const previous = await db.storedAnswer({ userId: user.id, idempotencyKey: key, requestHash: hash });
    if (previous) return reply.status(201).header('Idempotent-Replayed', 'true').send({ readings: previous });

    const clock = now();
    const broken = readingRulesError(
      readingProblems({
        kpis: (await db.listNodes()).filter(isKpi),
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
    return reply
      .status(201)
      .header('Idempotent-Replayed', String(result.replayed))
      .send({ readings: result.readings });
  });

  app.get('/v1/readings', async (request) => {
    const query = parseOrThrow(readingsQuerySchema, request.query, 'query');
    const kpi = indexNodes(await db.listNodes()).get(query.kpiId);
    if (!isKpi(kpi)) throw new PlumblineError('not_found', `No KPI "${query.kpiId}".`);
    return { readings: await db.listReadings(query.kpiId, query.period) };
  });
}

function idempotencyKey(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.trim() === '') throw new PlumblineError('idempotency_key_required');
  if (key.length > MAX_KEY_LENGTH) {
    throw new PlumblineError(
      'validation_failed',
      `The Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters.`,
    );
  }
  return key;
}
