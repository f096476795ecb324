import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../openapi';

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = buildOpenApi();
  app.get('/openapi.json', async () => document);
}
