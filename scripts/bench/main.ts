/**
 * `npm run bench [-- --quick] [-- --only=1,3]`: measures issue 10's workloads
 * on this machine and prints one table (figure, budget, pass/miss); a full run
 * of every workload also writes it to bench/results.md. Exit 1 only for a broken benchmark
 * (an exception, a wrong answer), never for a slow figure: timings are noisy
 * on a shared machine, so misses are reported, not failed.
 */
import './numfmt-require';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres, stopPostgres, type PgServer } from '../../test/store/db/postgres-harness';
import { benchExcel } from './excel';
import { benchIngest } from './ingest';
import { benchMemory } from './memory';
import type { Where } from './org';
import { benchPane } from './pane';
import { benchCoreReconcile, benchHeadless } from './reconcile';
import { benchSummary } from './summary';
import { benchSheets } from './sheets';
import { renderTable, row, type BenchRow } from './table';

const ROOT = join(__dirname, '../../../..');

interface Workload {
  id: string;
  name: string;
  run(ctx: { quick: boolean; pg: () => Promise<Where> }): Promise<BenchRow[]>;
}

const WORKLOADS: Workload[] = [
  { id: '1', name: 'ingest, sqlite', run: ({ quick }) => benchIngest({ engine: 'sqlite' }, quick) },
  { id: '1', name: 'ingest, postgres', run: async ({ quick, pg }) => benchIngest(await pg(), quick) },
  { id: '2', name: 'summary, sqlite', run: ({ quick }) => benchSummary({ engine: 'sqlite' }, quick) },
  { id: '2', name: 'summary, postgres', run: async ({ quick, pg }) => benchSummary(await pg(), quick) },
  { id: '3', name: 'reconcile, core', run: ({ quick }) => benchCoreReconcile(quick) },
  { id: '3', name: 'reconcile + link, CLI', run: ({ quick }) => benchHeadless({ engine: 'sqlite' }, quick) },
  { id: '5', name: 'Excel', run: ({ quick }) => benchExcel(quick) },
  { id: '6', name: 'Sheets', run: ({ quick }) => benchSheets(quick) },
  { id: '7', name: 'pane', run: ({ quick }) => benchPane(quick) },
  { id: '8', name: 'memory', run: ({ quick }) => benchMemory(quick) },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  let pgServer: PgServer | undefined;
  const pg = async (): Promise<Where> => {
    pgServer ??= await startPostgres();
    return { engine: 'postgres', pgUrl: pgServer.url };
  };
  const rows: BenchRow[] = [];
  let broken = 0;
  const started = performance.now();
  try {
    for (const w of WORKLOADS.filter((w) => !only || only.includes(w.id))) {
      const t = performance.now();
      try {
        rows.push(...(await w.run({ quick, pg })));
      } catch (error) {
        broken++;
        rows.push({
          ...row(
            w.id,
            w.name,
            `BROKEN: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200),
            '',
          ),
          mark: 'miss',
        });
        console.error(error);
      }
      console.error(`bench: ${w.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (pgServer) await stopPostgres(pgServer);
  }
  const seconds = (performance.now() - started) / 1000;
  const table = renderTable(rows);
  const about =
    `${quick ? 'Quick run (reduced sizes)' : 'Full run'} of \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ` +
    `${seconds.toFixed(0)} s in all. PostgreSQL is the tests' throw-away server (fsync off for both sides of a comparison).`;
  console.log(`\n${table}\n\n${about}`);
  // Only a full run of every workload replaces the table the README quotes.
  const out =
    quick || only
      ? join(ROOT, `dist/bench/results-${quick ? 'quick' : 'only'}.md`)
      : join(ROOT, 'bench/results.md');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `# Benchmark results\n\n${about}\n\n${table}\n`);
  return broken > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
