/** Jest globalTeardown: stops the PostgreSQL server of global-setup.ts and deletes its folder. */
import { PG_URL_ENV, stopPostgres } from './store/db/postgres-harness';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__plumblinePg;
  if (!server) return;
  globalThis.__plumblinePg = undefined;
  delete process.env[PG_URL_ENV];
  await stopPostgres(server);
}
