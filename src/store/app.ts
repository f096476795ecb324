/**
 * The store's HTTP API (DESIGN §3), built apart from `listen()` so tests can
 * drive it with `inject()` or over a real socket.
 */
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PlumblineError } from '../core/errors';
import type { User } from '../core/model';
import type { DemoPersona } from '../core/api';
import { bearerToken, hashToken, sameHash } from './auth';
import type { StoreDb } from './db/repository';
import fastifyCors from '@fastify/cors';
import { createAuthThrottle, DEFAULT_AUTH_THROTTLE, type AuthThrottleOptions } from './auth-throttle';
import { answerClientError, answerFrameworkError } from './client-errors';
import { toPlumblineError } from './fastify-errors';
import { registerOpenApiGenerator } from './openapi-document';
import { registerCanonicalRoutes } from './routes/canonical';
import { registerEventRoutes } from './routes/events';
import { registerDemoPersonasRoute } from './routes/demo-personas';
import { registerHealthRoute } from './routes/health';
import { registerKpiRoutes } from './routes/kpis';
import { registerLinkRoutes } from './routes/links';
import { registerModelRoutes } from './routes/model';
import { registerObservationRoutes } from './routes/observations';
import { registerOpenApiRoute } from './routes/openapi';
import { registerReadingRoutes } from './routes/readings';
import { registerSummaryRoutes } from './routes/summary';
import { registerUserRoutes } from './routes/users';
import { securityHeaders } from './security-headers';
import { registerDemoSamplesRoutes } from './routes/demo-samples';
import { BODY_LIMITS } from './body-limits';
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
  /** How often /v1/events sends a keep-alive comment. */
  heartbeatMs?: number;
  /**
   * Only `plumbline demo`: its users and tokens, published at `GET /v1/demo/personas`
   * so anyone can try the pane on the sample organisation. Never set for real data.
   */
  demoPersonas?: DemoPersona[];
  /** Only `plumbline demo`: the folder of its sample workbooks, offered by the workbench at `/samples/`. */
  demoSamples?: string;
  /**
   * A folder of built add-in pages and assets (task pane, commands, workbench) served at `/`,
   * so the pane talks to its own origin and needs no CORS.
   */
  webRoot?: string;
  /** The add-in's manifest, served at `/manifest.xml` beside the pages of `webRoot`. */
  addinManifest?: ServedManifest;
  /** A TLS key and certificate: the store then speaks https (`npm start`, for Excel to load the add-in). */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** Origins allowed to call the API from a browser (`PLUMBLINE_CORS_ORIGINS`); none by default. */
  corsOrigins?: string[];
  /** Failed sign-ins per client address before 429s (see auth-throttle.ts). */
  authThrottle?: AuthThrottleOptions;
  /** Trust X-Forwarded-For from a proxy (fastify's `trustProxy`), so limits count clients, not the proxy. */
  trustProxy?: boolean | string;
}

/** The app as route modules see it: requests and answers typed by the routes' zod schemas. */
export type StoreApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route module receives. */
export interface RouteDeps {
  db: StoreDb;
  now: () => Date;
  heartbeatMs: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Routes that read a body declare their own limit (body-limits.ts); this is for all others.
    bodyLimit: BODY_LIMITS.none,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    trustProxy: options.trustProxy ?? false,
    // Typed as Fastify's http flavour either way: the routes never touch the raw server.
    ...(options.https ? { https: options.https } : {}),
  });
  const deps: RouteDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    heartbeatMs: options.heartbeatMs ?? 25_000,
  };

  // Each route's zod schemas validate its request and serialize its answer.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerOpenApiGenerator(app);

  // JSON only: a text body would otherwise reach the schemas as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', securityHeaders);
  // Before authentication, so a browser's preflight (which carries no token) is answered.
  if (options.corsOrigins?.length)
    await app.register(fastifyCors, { origin: options.corsOrigins, strictPreflight: false });
  app.decorateRequest('user', null);
  const throttle = createAuthThrottle(options.authThrottle ?? DEFAULT_AUTH_THROTTLE);
  app.addHook('onRequest', async (request) => {
    if (isPublic(request)) return;
    throttle.check(request.ip);
    try {
      request.user = await authenticate(deps.db, request.headers.authorization);
    } catch (error) {
      if (error instanceof PlumblineError && error.code === 'unauthorized') throttle.fail(request.ip);
      throw error;
    }
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

  const routes: StoreApp = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoute(routes);
  if (options.webRoot) await registerWebPages(routes, options.webRoot, options.addinManifest);
  if (options.demoPersonas) registerDemoPersonasRoute(routes, options.demoPersonas);
  if (options.demoSamples) registerDemoSamplesRoutes(routes, options.demoSamples);
  registerOpenApiRoute(routes);
  registerUserRoutes(routes, deps);
  registerModelRoutes(routes, deps);
  registerKpiRoutes(routes, deps);
  registerReadingRoutes(routes, deps);
  registerCanonicalRoutes(routes, deps);
  registerLinkRoutes(routes, deps);
  registerObservationRoutes(routes, deps);
  registerSummaryRoutes(routes, deps);
  registerEventRoutes(routes, deps);
  await app.ready();
  return app;
}

/**
 * A route is public when its schema says it needs no security (`security: []`):
 * the same declaration the OpenAPI document shows. Unknown routes need a token.
 */
function isPublic(request: FastifyRequest): boolean {
  return request.routeOptions.schema?.security?.length === 0;
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
