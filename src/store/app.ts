/**
 * The store's HTTP API (DESIGN §3), built apart from `listen()` so tests can
 * drive it with `inject()` or over a real socket.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ERRORS, PlumblineError } from '../core/errors';
import type { User } from '../core/model';
import type { DemoPersona } from '../core/api';
import { bearerToken, hashToken, sameHash } from './auth';
import type { StoreDb } from './db/repository';
import { registerCanonicalRoutes } from './routes/canonical';
import { registerEventRoutes } from './routes/events';
import { registerKpiRoutes } from './routes/kpis';
import { registerLinkRoutes } from './routes/links';
import { registerModelRoutes } from './routes/model';
import { registerObservationRoutes } from './routes/observations';
import { registerOpenApiRoute } from './routes/openapi';
import { registerReadingRoutes } from './routes/readings';
import { registerSummaryRoutes } from './routes/summary';
import { registerUserRoutes } from './routes/users';
import { registerWebPages, type ServedManifest } from './web-pages';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

export interface AppOptions {
  db: StoreDb;
  /** The server's clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: boolean;
  /** Largest accepted request body in bytes (413 above it). */
  bodyLimit?: number;
  /** How often /v1/events sends a keep-alive comment. */
  heartbeatMs?: number;
  /**
   * Only `plumbline demo`: its users and tokens, published at `GET /v1/demo/personas`
   * so anyone can try the pane on the sample organisation. Never set for real data.
   */
  demoPersonas?: DemoPersona[];
  /**
   * A folder of built add-in pages and assets (task pane, commands, workbench) served at `/`,
   * so the pane talks to its own origin and needs no CORS.
   */
  webRoot?: string;
  /** The add-in's manifest, served at `/manifest.xml` beside the pages of `webRoot`. */
  addinManifest?: ServedManifest;
  /** A TLS key and certificate: the store then speaks https (`npm start`, for Excel to load the add-in). */
  https?: { key: string | Buffer; cert: string | Buffer };
}

/** What every route module receives. */
export interface RouteDeps {
  db: StoreDb;
  now: () => Date;
  heartbeatMs: number;
}

const PUBLIC_ROUTES = new Set(['/healthz', '/v1/demo/personas']);

/** The add-in's pages and assets need no token: they hold no data. */
function isPublic(path: string): boolean {
  return PUBLIC_ROUTES.has(path) || !(path.startsWith('/v1/') || path === '/openapi.json');
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Typed as Fastify's http flavour either way: the routes never touch the raw server.
    ...(options.https ? { https: options.https } : {}),
  });
  const deps: RouteDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    heartbeatMs: options.heartbeatMs ?? 25_000,
  };

  // JSON only: a text body would otherwise reach the schemas as a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (isPublic(path)) return;
    request.user = await authenticate(deps.db, request.headers.authorization);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toPlumblineError(error);
    if (known.code === 'internal') request.log.error(error);
    return reply.status(known.status).send(known.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new PlumblineError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    return reply.status(404).send(error.toBody());
  });

  app.get('/healthz', async () => ({ ok: true }));
  if (options.webRoot) await registerWebPages(app, options.webRoot, options.addinManifest);
  if (options.demoPersonas) {
    const personas = options.demoPersonas;
    app.get('/v1/demo/personas', async () => ({ personas }));
  }
  registerOpenApiRoute(app);
  registerUserRoutes(app, deps);
  registerModelRoutes(app, deps);
  registerKpiRoutes(app, deps);
  registerReadingRoutes(app, deps);
  registerCanonicalRoutes(app, deps);
  registerLinkRoutes(app, deps);
  registerObservationRoutes(app, deps);
  registerSummaryRoutes(app, deps);
  registerEventRoutes(app, deps);
  await app.ready();
  return app;
}

async function authenticate(db: StoreDb, header: string | undefined): Promise<User> {
  const token = bearerToken(header);
  if (!token) throw new PlumblineError('unauthorized', 'Send Authorization: Bearer <token>.');
  const hash = hashToken(token);
  const user = await db.findUserByTokenHash(hash);
  if (!user || !sameHash(hash, user.tokenHash))
    throw new PlumblineError('unauthorized', 'The token is not valid.');
  return { id: user.id, name: user.name, role: user.role };
}

/** Maps fastify's own errors (body parsing, limits) onto the catalog. */
function toPlumblineError(error: FastifyError): PlumblineError {
  if (error instanceof PlumblineError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PlumblineError('payload_too_large', ERRORS.payload_too_large.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new PlumblineError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new PlumblineError('bad_request', 'The request body is empty; send JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new PlumblineError('bad_request', `The request body is not valid JSON: ${error.message}`);
  }
  if (error instanceof SyntaxError)
    return new PlumblineError('bad_request', `The request body is not valid JSON: ${error.message}`);
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new PlumblineError('bad_request', error.message);
  }
  return new PlumblineError('internal');
}
