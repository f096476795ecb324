import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  linkInputSchema,
  linkSchema,
  linksQuerySchema,
  linksRequestSchema,
  type LinkInput,
} from '../../core/api';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
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
  bodyLimit: BODY_LIMITS.link,
  preValidation: linkersOnly,
};

/** `POST /v1/links/bulk`: many links in one request, all-or-nothing (a reconcile's every link). */
const postLinksBulk = {
  schema: {
    summary: 'Register or update many links at once, all-or-nothing (analyst, owner, admin)',
    body: linksRequestSchema,
    response: {
      201: jsonAnswer('The stored links, in the order given', z.object({ links: z.array(linkSchema) })),
      ...errorResponses(...WITH_BODY, 'forbidden', 'unknown_kpi'),
    },
  },
  bodyLimit: BODY_LIMITS.linksBulk,
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
    const link = await db.upsertLink(toLink(input, user.id, now()));
    return reply.status(201).send(link);
  });

  /**
   * Registers or updates every link of a request in one transaction, so a
   * reconcile refreshes a workbook's links with one request, not one per link.
   */
  app.post('/v1/links/bulk', postLinksBulk, async (request, reply) => {
    const user = currentUser(request);
    const { links } = request.body;
    await kpisByIds(
      db,
      links.flatMap((l) => l.kpiIds),
      'links',
    );
    const at = now();
    return reply.status(201).send({ links: await db.upsertLinks(links.map((l) => toLink(l, user.id, at))) });
  });

  app.get('/v1/links', getLinks, async (request) => {
    const query = request.query;
    return { links: await db.listLinks(query.workbookId ? { workbookId: query.workbookId } : undefined) };
  });
}

function toLink(input: LinkInput, createdBy: string, at: Date) {
  return { ...input, id: input.id ?? randomUUID(), createdBy, createdAt: at.toISOString() };
}
