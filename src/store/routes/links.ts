import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { linkInputSchema } from '../../core/api';
import type { RouteDeps } from '../app';
import { requireLinker } from '../auth';
import { currentUser } from '../current-user';
import { kpisByIds } from '../kpi-lookup';
import { parseOrThrow } from '../validate';

const linksQuerySchema = z.strictObject({ workbookId: z.string().min(1).max(200).optional() });

export function registerLinkRoutes(app: FastifyInstance, { db, now }: RouteDeps): void {
  /** Registers a link, or updates it when its id is known (a link moves when rows are inserted). */
  app.post('/v1/links', async (request, reply) => {
    const user = currentUser(request);
    requireLinker(user);
    const input = parseOrThrow(linkInputSchema, request.body);
    await kpisByIds(db, input.kpiIds, 'kpiIds');
    const link = await db.upsertLink({
      ...input,
      id: input.id ?? randomUUID(),
      createdBy: user.id,
      createdAt: now().toISOString(),
    });
    return reply.status(201).send(link);
  });

  app.get('/v1/links', async (request) => {
    const query = parseOrThrow(linksQuerySchema, request.query, 'query');
    return { links: await db.listLinks(query.workbookId ? { workbookId: query.workbookId } : undefined) };
  });
}
