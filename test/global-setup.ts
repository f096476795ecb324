/**
 * Jest globalSetup: a PostgreSQL server for the run, so the repository and API
 * suites run against both engines. Its URL reaches the test workers through
 * PLUMBLINE_TEST_PG_URL (set here, before jest starts them).
 */
import { PG_URL_ENV, startPostgres } from './store/db/postgres-harness';

export default async function globalSetup(): Promise<void> {
  if (process.env[PG_URL_ENV]) return;
  const server = await startPostgres();
  globalThis.__plumblinePg = server;
  process.env[PG_URL_ENV] = server.url;
}
