import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreDb } from '../store/db/open';
import { monthName, storyEnd, storyMonths } from '../store/demo/demo-story';
import { writeDemoWorkbooks } from '../store/demo/demo-workbooks';
import { seedDemo } from '../store/demo/seed-demo';
import { startServer } from '../store/server';
import { CliError } from './cli-error';
import { httpsIfAsked } from './dev-https';
import { serverOptions } from './server-options';
import { sideloadHelp } from './sideload-help';
import { stopOnSignal } from './serve-command';

const MARKER = '.plumbline-demo';

export async function runDemo(args: string[]): Promise<number> {
  const { port, host, data: dataDir, https } = await serverOptions(args, '.plumbline/demo');
  const tls = await httpsIfAsked(https);
  const now = demoClock(process.env.PLUMBLINE_DEMO_TODAY || undefined);
  const today = now().toISOString().slice(0, 10);
  freshDemoFolder(dataDir);
  const db = await openStoreDb({ dataDir });
  const users = await seedDemo(db, now());
  const workbooksDir = join(dataDir, 'workbooks');
  const workbooks = await writeDemoWorkbooks(workbooksDir, today);
  // The demo's data is sample data: its users are published so the pane can offer "try it on sample data".
  const demoPersonas = users.map(({ id, name, role, token }) => ({ id, name, role, token }));
  const server = await startServer(
    { port, host, now, demoPersonas, demoSamples: workbooksDir, https: tls },
    db,
  );
  const months = storyMonths(storyEnd(today)).map((m) => `${monthName(m)} ${m.slice(0, 4)}`);
  console.log(`Plumbline demo store: ${server.url}   (SQLite in ${dataDir})`);
  console.log(`Story: ${months[0]} to ${months.at(-1)}, the last complete month (today is ${today}).`);
  console.log('');
  console.log('Tokens (new at every start of the demo):');
  for (const user of users)
    console.log(`  ${user.id.padEnd(7)} ${user.role.padEnd(8)} ${user.token}   ${user.name}`);
  console.log('');
  console.log('Sample workbooks (the monthly pack and its regional copy, to link and reconcile):');
  for (const path of workbooks) console.log(`  ${path}`);
  console.log('');
  const leo = users.find((u) => u.role === 'leader') ?? users[0]!;
  console.log('Try:');
  console.log(`  curl -H "Authorization: Bearer ${leo.token}" ${server.url}/v1/summary`);
  console.log('');
  for (const line of sideloadHelp(server.url)) console.log(line);
  stopOnSignal(server.close);
  return 0;
}

/**
 * The demo's clock: the real one, or with `PLUMBLINE_DEMO_TODAY=YYYY-MM-DD` that
 * day at the real time of day, so a test (or a rehearsal) can pin the day the
 * story is told on. The server answers on the same clock.
 */
function demoClock(pinnedDay: string | undefined): () => Date {
  if (pinnedDay === undefined) return () => new Date();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(pinnedDay) ? new Date(`${pinnedDay}T00:00:00.000Z`) : undefined;
  // A day past the month's end (2026-02-30) parses as a later day: compare back.
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== pinnedDay) {
    throw new CliError(`PLUMBLINE_DEMO_TODAY must be a day written YYYY-MM-DD, not "${pinnedDay}".`);
  }
  return () => new Date(`${pinnedDay}T${new Date().toISOString().slice(11)}`);
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
