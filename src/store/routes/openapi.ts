import { z } from 'zod';
import { openObject } from '../../core/open-object';
import type { StoreApp } from '../app';
import { errorResponses, jsonAnswer, SIGNED_IN } from '../route-schemas';

/** What the document promises of itself; the rest is OpenAPI 3.1, generated from the routes. */
const openApiDocumentSchema = openObject({
  openapi: z.string(),
  info: openObject({ title: z.string(), version: z.string() }),
  // Optional in OpenAPI 3.1 (a document may describe only webhooks); this one always has paths.
  paths: z.record(z.string(), z.unknown()).optional(),
});

const getOpenApi = {
  schema: {
    summary: 'This document',
    response: { 200: jsonAnswer('This document', openApiDocumentSchema), ...errorResponses(...SIGNED_IN) },
  },
};

/** `GET /openapi.json`: the document @fastify/swagger generates from every route's schemas. */
export function registerOpenApiRoute(app: StoreApp): void {
  app.get('/openapi.json', getOpenApi, async () => {
    const document = app.swagger();
    // Registered with `openapi` options, @fastify/swagger never makes a Swagger 2 document.
    if (!('openapi' in document)) throw new Error('Expected an OpenAPI 3 document.');
    return document;
  });
}
