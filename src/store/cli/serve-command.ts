import { resolve } from 'node:path';
import { newToken } from '../auth';
import { openStoreDb } from '../db/open';
import { ensureFirstAdmin, startServer } from '../server';
import { parseOptions, parsePort } from './options';
import { requireFreePort } from './port-check';

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
  });
  const port = parsePort(values.port, 8080);
  await requireFreePort(port, values.host);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : resolve(values.data ?? '.plumbline/data');
  const db = await openStoreDb({ dataDir, databaseUrl });
  const givenToken = process.env.PLUMBLINE_ADMIN_TOKEN || undefined;
  const token = givenToken ?? newToken();
  const created = await ensureFirstAdmin(db, token);
  // A server an operator runs logs its requests (JSON lines; no headers, so no tokens).
  const server = await startServer(
    { port: parsePort(values.port, 8080), host: values.host, logger: true },
    db,
  );
  console.log(`Plumbline store listening on ${server.url}`);
  console.log(databaseUrl ? 'Storage: PostgreSQL (DATABASE_URL)' : `Storage: SQLite in ${dataDir}`);
  if (created && !givenToken) console.log(`First admin "admin" created; token (shown once): ${token}`);
  stopOnSignal(server.close);
  return 0;
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
