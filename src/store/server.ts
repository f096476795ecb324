import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DemoPersona } from '../core/api';
import { readSourceManifest } from './addin-manifest';
import { buildApp } from './app';
import { hashToken } from './auth';
import { openStoreDb } from './db/open';
import type { StoreDb } from './db/repository';
import type { ServedManifest } from './web-pages';

export interface ServerOptions {
  port: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Sets the first admin's token when the store has no users yet. */
  adminToken?: string;
  logger?: boolean;
  /** The demo's users, published for the pane's "try it on sample data" (`plumbline demo` only). */
  demoPersonas?: DemoPersona[];
  /** The demo's sample workbooks, offered by the workbench in place of the build's (`plumbline demo` only). */
  demoSamples?: string;
  /** The folder of the built add-in pages to serve (default: the package's `dist/web`). */
  webRoot?: string;
  /** The server's clock (the demo pins its day with it); the real one by default. */
  now?: () => Date;
  /** The store's public URL, for the add-in manifest at `/manifest.xml` (default: the URL a request came to). */
  publicUrl?: string;
  /** A TLS key and certificate to speak https with (`--https`). */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** Browser origins allowed to call the API (`PLUMBLINE_CORS_ORIGINS`). */
  corsOrigins?: string[];
  /** Trust a proxy's X-Forwarded-For (`PLUMBLINE_TRUST_PROXY`). */
  trustProxy?: boolean | string;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: StoreDb;
  close(): Promise<void>;
}

/** Opens the store, makes sure it has an admin when a token is given, and listens. */
export async function startServer(options: ServerOptions, db?: StoreDb): Promise<RunningServer> {
  const store = db ?? (await openStoreDb({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }));
  if (options.adminToken) await ensureFirstAdmin(store, options.adminToken);
  const app = await buildApp({
    db: store,
    logger: options.logger ?? false,
    now: options.now,
    demoPersonas: options.demoPersonas,
    demoSamples: options.demoSamples,
    webRoot: options.webRoot ?? defaultWebRoot(),
    addinManifest: servedManifest(options.publicUrl),
    https: options.https,
    corsOrigins: options.corsOrigins,
    trustProxy: options.trustProxy,
  });
  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    app,
    db: store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** On an empty store, creates the admin user `admin` with the given token. */
export async function ensureFirstAdmin(db: StoreDb, token: string): Promise<boolean> {
  if ((await db.countUsers()) > 0) return false;
  await db.createUser(
    { id: 'admin', name: 'Administrator', role: 'admin', tokenHash: hashToken(token) },
    new Date().toISOString(),
  );
  return true;
}

function servedManifest(publicUrl: string | undefined): ServedManifest | undefined {
  const source = readSourceManifest();
  return source === undefined ? undefined : { source, publicUrl };
}

/** The built pages beside the built server (`dist/web`), when they were built. */
function defaultWebRoot(): string | undefined {
  const root = join(__dirname, '..', 'web');
  return existsSync(root) ? root : undefined;
}
