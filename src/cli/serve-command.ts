import { checkPublicUrl } from '../store/addin-manifest';
import { newToken } from '../store/auth';
import { openStoreDb } from '../store/db/open';
import { ensureFirstAdmin, startServer } from '../store/server';
import { CliError } from './cli-error';
import { httpsIfAsked } from './dev-https';
import { serverOptions } from './server-options';

export async function runServe(args: string[]): Promise<number> {
  const { port, host, data, https } = await serverOptions(args, '.plumbline/data');
  const publicUrl = publicUrlFromEnv();
  const tls = await httpsIfAsked(https);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : data;
  const db = await openStoreDb({ dataDir, databaseUrl });
  const givenToken = process.env.PLUMBLINE_ADMIN_TOKEN || undefined;
  const token = givenToken ?? newToken();
  const created = await ensureFirstAdmin(db, token);
  // A server an operator runs logs its requests (JSON lines; no headers, so no tokens).
  const server = await startServer(
    {
      port,
      host,
      logger: true,
      publicUrl,
      https: tls,
      corsOrigins: corsOriginsFromEnv(),
      trustProxy: trustProxyFromEnv(),
    },
    db,
  );
  console.log(`Plumbline store listening on ${server.url}`);
  console.log(`Excel add-in manifest: ${publicUrl ?? server.url}/manifest.xml`);
  console.log(databaseUrl ? 'Storage: PostgreSQL (DATABASE_URL)' : `Storage: SQLite in ${dataDir}`);
  if (created && !givenToken) console.log(`First admin "admin" created; token (shown once): ${token}`);
  stopOnSignal(server.close);
  return 0;
}

/** `PLUMBLINE_PUBLIC_URL`: the https address people reach the store at, for its add-in manifest. */
function publicUrlFromEnv(): string | undefined {
  const url = process.env.PLUMBLINE_PUBLIC_URL || undefined;
  if (url === undefined) return undefined;
  const checked = checkPublicUrl(url);
  if ('problem' in checked) throw new CliError(`PLUMBLINE_PUBLIC_URL: ${checked.problem}`);
  return checked.origin;
}

/** `PLUMBLINE_CORS_ORIGINS`: comma-separated origins (`https://host[:port]`) allowed to call the API from a browser. */
function corsOriginsFromEnv(): string[] | undefined {
  const list = (process.env.PLUMBLINE_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin)
      throw new CliError(
        `PLUMBLINE_CORS_ORIGINS: "${origin}" is not an origin such as https://app.example.com.`,
      );
  }
  return list.length > 0 ? list : undefined;
}

/** `PLUMBLINE_TRUST_PROXY`: `true`, or the proxies' addresses (fastify's trustProxy), so limits count clients. */
function trustProxyFromEnv(): boolean | string | undefined {
  const value = process.env.PLUMBLINE_TRUST_PROXY?.trim();
  if (!value) return undefined;
  return value === 'true' ? true : value;
}

export function stopOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
