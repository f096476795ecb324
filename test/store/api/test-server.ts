/**
 * A real store for API tests: the app listening on a loopback port, over a
 * fresh database of the given engine, with a fixed clock.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoPersona } from '../../../src/core/api';
import demoModel from '../../../src/store/demo/model.json';
import { buildApp, type AppOptions } from '../../../src/store/app';
import { ensureFirstAdmin } from '../../../src/store/server';
import { openTestDb, type Engine, type TestStoreDb } from '../db/engines';

export const NOW = new Date('2026-11-24T10:00:00.000Z');
export const ADMIN_TOKEN = 'pl_test_admin_token_0123456789';

export interface TestServer {
  url: string;
  /** The app itself, for what only it can tell (its routes). */
  app: FastifyInstance;
  db: TestStoreDb;
  tokens: Record<string, string>;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string | null;
  as?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // The API answers JSON of many shapes; tests assert on them field by field.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience, see above
}

export interface TestServerOptions {
  withModel?: boolean;
  /** Serve the built add-in pages from this folder (browser tests). */
  webRoot?: string;
  /** Publish the demo model's users as demo personas (`GET /v1/demo/personas`). */
  personas?: boolean;
  /** Options of the app itself (the throttle's own tests set its limit). */
  app?: Partial<Omit<AppOptions, 'db'>>;
}

export async function startTestServer(engine: Engine, options: TestServerOptions = {}): Promise<TestServer> {
  const db = await openTestDb(engine);
  await ensureFirstAdmin(db, ADMIN_TOKEN);
  // Filled once the users exist below; the route answers with this same array.
  const demoPersonas: DemoPersona[] = [];
  const app = await buildApp({
    db,
    now: () => NOW,
    heartbeatMs: 60_000,
    webRoot: options.webRoot,
    demoPersonas: options.personas ? demoPersonas : undefined,
    // Tests send many refused tokens from one address; the throttle's own tests set their limit.
    authThrottle: { maxFailures: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
    ...options.app,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const tokens: Record<string, string> = { admin: ADMIN_TOKEN };

  const request = async (method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> => {
    const token = opts.token === undefined ? tokens[opts.as ?? 'admin'] : opts.token;
    const headers: Record<string, string> = { ...opts.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) {
      body = opts.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      headers: res.headers,
      body: type.includes('json') && text ? JSON.parse(text) : text,
    };
  };

  const server: TestServer = {
    url,
    app,
    db,
    tokens,
    request,
    close: async () => {
      await app.close();
      await db.close();
    },
  };

  if (options.withModel !== false) {
    for (const user of demoModel.users.filter((u) => u.role !== 'admin')) {
      const res = await request('POST', '/v1/users', { body: user });
      if (res.status !== 201) throw new Error(`setup: user ${user.id}: ${JSON.stringify(res.body)}`);
      tokens[user.id] = res.body.token;
      demoPersonas.push({ id: res.body.id, name: res.body.name, role: res.body.role, token: res.body.token });
    }
    const res = await request('PUT', '/v1/model', { body: { nodes: demoModel.nodes } });
    if (res.status !== 200) throw new Error(`setup: model: ${JSON.stringify(res.body)}`);
  }
  return server;
}

let keyCounter = 0;
/** A fresh idempotency key. */
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

/** POST /v1/readings as `as`, with a fresh idempotency key unless one is given. */
export function submit(
  server: TestServer,
  as: string,
  readings: unknown[],
  key: string = newKey(),
): Promise<ApiResponse> {
  return server.request('POST', '/v1/readings', {
    as,
    body: { readings },
    headers: { 'idempotency-key': key },
  });
}
