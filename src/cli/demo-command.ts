import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreDb } from '../store/db/open';
import { seedDemo } from '../store/demo/seed-demo';
import { startServer } from '../store/server';
import { CliError } from './cli-error';
import { serverOptions } from './server-options';
import { stopOnSignal } from './serve-command';

const MARKER = '.plumbline-demo';

export async function runDemo(args: string[]): Promise<number> {
  const { port, host, data: dataDir } = await serverOptions(args, '.plumbline/demo');
  freshDemoFolder(dataDir);
  const db = await openStoreDb({ dataDir });
  const users = await seedDemo(db);
  // The pane's "Try it on sample data" signs in as one of these (GET /v1/demo/personas).
  const demoPersonas = users.map(({ id, name, role, token }) => ({ id, name, role, token }));
  const server = await startServer({ port, host, demoPersonas }, db);
  console.log(`Plumbline demo store: ${server.url}   (SQLite in ${dataDir})`);
  console.log('');
  console.log('Tokens (new at every start of the demo):');
  for (const user of users)
    console.log(`  ${user.id.padEnd(7)} ${user.role.padEnd(8)} ${user.token}   ${user.name}`);
  console.log('');
  const leo = users.find((u) => u.role === 'leader') ?? users[0]!;
  console.log('Try:');
  console.log(`  curl -H "Authorization: Bearer ${leo.token}" ${server.url}/v1/summary`);
  stopOnSignal(server.close);
  return 0;
}

/** The demo starts from scratch each time; it only ever deletes a folder it made itself. */
function freshDemoFolder(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) {
      throw new CliError(`${dir} is not empty and is not a demo folder; choose another --data.`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Made by `plumbline demo`; deleted and rebuilt at each start.\n');
}
