import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { linkInputSchema, linkSchema, linksQuerySchema } from '../../core/api';
import type { RouteDeps, StoreApp } from '../app';
import { currentUser } from '../current-user';
import { kpisByIds } from '../kpi-lookup';
import { linkersOnly } from '../role-hooks';
import { errorResponses, jsonAnswer, WITH_BODY, WITH_QUERY } from '../route-schemas';

/** `POST /v1/links`: the schemas that check its request and serialize its answers. */
const postLinks = {
  schema: {
    summary: 'Register or update a link (analyst, owner, admin)',
    body: linkInputSchema,
    response: {
      201: jsonAnswer('The stored link', linkSchema),
      ...errorResponses(...WITH_BODY, 'forbidden', 'unknown_kpi'),
    },
  },
  preValidation: linkersOnly,
};

const getLinks = {
  schema: {
    summary: 'List links, optionally of one workbook',
    querystring: linksQuerySchema,
    response: {
      200: jsonAnswer('The links', z.object({ links: z.array(linkSchema) })),
      ...errorResponses(...WITH_QUERY),
    },
  },
};

export function registerLinkRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  /** Registers a link, or updates it when its id is known (a link moves when rows are inserted). */
  app.post('/v1/links', postLinks, async (request, reply) => {
    const user = currentUser(request);
    const input = request.body;
    await kpisByIds(db, input.kpiIds, 'kpiIds');
    const link = await db.upsertLink({
      ...input,
      id: input.id ?? randomUUID(),
      createdBy: user.id,
      createdAt: now().toISOString(),
    });
    return reply.status(201).send(link);
  });

  app.get('/v1/links', getLinks, async (request) => {
    const query = request.query;
    return { links: await db.listLinks(query.workbookId ? { workbookId: query.workbookId } : undefined) };
  });
}
