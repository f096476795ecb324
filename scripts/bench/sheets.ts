/**
 * Workload 6: reconcile in the Google Sheets sidebar, on the Apps Script fake
 * running the built add-on (`appsscript/dist/Code.js`, which `npm run bench`
 * builds), at 10 to 10,000 links × 12 months: `google.script.run` calls, sheet
 * reads (`getValues`, `getFormulas`…) and `UrlFetchApp` round trips, which must
 * not grow with the number of links, and the store requests they carry. The
 * setup is test/hosts/sheets/reconcile-cost.test.ts's, on the benchmark's
 * organisation. UrlFetchApp blocks, as in Apps Script, so the store runs in a
 * process of its own (`plumbline serve` over the benchmark's data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStoreClient, fetchTransport } from '../../src/client/store-client';
import { dayToExcelSerial } from '../../src/core/excel-date';
import { reconcileWorkbook } from '../../src/core/reconcile-workbook';
import { MAX_OBSERVATIONS_PER_REQUEST } from '../../src/core/request-limits';
import { createBridge, type ScriptRun } from '../../src/hosts/sheets/bridge';
import { createSheetsHost } from '../../src/hosts/sheets/sheets-host';
import { bridgeTransport } from '../../src/hosts/sheets/sheets-platform';
import { AppsScriptProject } from '../../src/sim/apps-script/apps-script';
import { ExecutionClock } from '../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../src/sim/apps-script/spreadsheet';
import { drifted, truth } from './big-workbook';
import { insertRows, kpiId, months, readingRow, startBenchStore } from './org';
import { check, row, type BenchRow } from './table';
import { linkRowsInBulk } from '../../test/fixtures/linked-rows';

const ROOT = join(__dirname, '../../../..');
const DIST = join(ROOT, 'appsscript/dist');
const MONTHS = months(12);
const SHEET = 'Pack';
const KPIS = 500;

interface Cost {
  runs: number;
  reads: number;
  fetches: number;
  requests: number;
}

export async function benchSheets(quick: boolean): Promise<BenchRow[]> {
  const sizes = quick ? [10, 100, 1000] : [10, 100, 1000, 10_000];
  const files = new Map(readdirSync(DIST).map((f) => [f, readFileSync(join(DIST, f), 'utf8')]));
  check(files.has('Code.js'), `${DIST}/Code.js is missing: npm run build:sheets`);
  const setup = await startBenchStore({ engine: 'sqlite' }, KPIS);
  await insertRows(
    setup.raw,
    'readings',
    Array.from({ length: KPIS * 12 }, (_, i) =>
      readingRow(kpiId(i % KPIS), MONTHS[Math.floor(i / KPIS)]!, truth(i % KPIS, Math.floor(i / KPIS))),
    ),
  );
  await setup.stop();
  const server = await serve(setup.location.dataDir!);
  try {
    const direct = createStoreClient({
      baseUrl: server.url,
      token: setup.tokens.analyst,
      transport: fetchTransport(),
    });
    const costs = new Map<number, Cost>();
    for (const links of sizes) {
      const project = new AppsScriptProject(spreadsheet(links), { files });
      const bridge = createBridge(project.scriptRun() as unknown as ScriptRun);
      const host = createSheetsHost(bridge);
      await linkRowsInBulk(
        host,
        direct,
        SHEET,
        Array.from({ length: links }, (_, i) => kpiId(i % KPIS)),
      );
      const client = createStoreClient({
        baseUrl: server.url,
        token: setup.tokens.analyst,
        transport: bridgeTransport(bridge),
      });
      const runs = project.scriptRunCounters.calls;
      const before = { ...project.clock.counters };
      const result = await reconcileWorkbook(host, client);
      check(result.cells.length === links * 12, `reconciled ${result.cells.length} cells of ${links * 12}`);
      const after = project.clock.counters;
      costs.set(links, {
        runs: project.scriptRunCounters.calls - runs,
        reads: after.cellReads - before.cellReads,
        fetches: after.urlFetchCalls - before.urlFetchCalls,
        requests: after.urlFetches - before.urlFetches,
      });
    }
    const all = sizes.map((n) => costs.get(n)!);
    const same = (pick: (c: Cost) => number) => all.every((c) => pick(c) === pick(all[0]!));
    const ok = same((c) => c.runs) && same((c) => c.reads) && same((c) => c.fetches);
    // Observations go in batches by volume (as in Excel): at 10,000 links each batch is one more call.
    const batches = (links: number) => Math.ceil((links * 12) / MAX_OBSERVATIONS_PER_REQUEST) - 1;
    const figure = all
      .map((c, i) => {
        const extra = batches(sizes[i]!);
        const note = extra > 0 ? ` (+${extra} each: observation batches by volume)` : '';
        return `${sizes[i]}: ${c.runs} runs, ${c.reads} reads, ${c.fetches} fetches, ${c.requests} req${note}`;
      })
      .join('; ');
    return [
      row(
        '6',
        `Sheets reconcile, ${sizes.join('/')} links × 12 months`,
        figure,
        'google.script.run, sheet reads, UrlFetch constant',
        ok,
      ),
    ];
  } finally {
    await server.stop();
    await setup.close();
  }
}

function spreadsheet(links: number): FakeSpreadsheet {
  const book = new FakeSpreadsheet(new ExecutionClock(), `pack-${links}`, `Pack ${links}`);
  const sheet = book.addLoadedSheet(SHEET, Math.max(1000, links + 2), 26);
  MONTHS.forEach((_, m) =>
    sheet.putCell(0, m + 1, { value: dayToExcelSerial(2026, m + 1, 1)!, formula: '', format: 'mmm-yy' }),
  );
  for (let i = 0; i < links; i++) {
    sheet.putCell(i + 1, 0, { value: kpiId(i % KPIS), formula: '' });
    MONTHS.forEach((_, m) =>
      sheet.putCell(i + 1, m + 1, { value: truth(i % KPIS, m) + (drifted(0, i, m) ? 1 : 0), formula: '' }),
    );
  }
  return book;
}

/** `plumbline serve` over `dataDir`, once it prints its URL. */
function serve(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'bin/plumbline.js'), 'serve', '--port', '0', '--data', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const timer = setTimeout(
      () => reject(new Error(`plumbline serve printed no URL in 20 s:\n${output}`)),
      20_000,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`plumbline serve exited with ${code}:\n${output}`)));
  });
}
