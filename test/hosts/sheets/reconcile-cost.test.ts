/**
 * Reconciling in the Sheets sidebar costs the same number of
 * `google.script.run` calls, of Apps Script sheet reads and of UrlFetch round
 * trips at 10, 100 and 1,000 links: core reconciles through the Sheets port
 * and a store client whose requests go out through the built add-on
 * (`Code.js` in the Apps Script fake) to a real store (`plumbline demo`, in
 * its own process: UrlFetchApp blocks, as in Apps Script).
 *
 * The store requests are constant too: core registers a workbook's links in
 * bulk (`POST /v1/links/bulk`), so a reconcile spends a handful of the daily
 * UrlFetch quota (20,000 calls for a consumer account) whatever its size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStoreClient, fetchTransport } from '../../../src/client/store-client';
import { encodeMetadata, linkNames, type StoredLink } from '../../../src/core/link-format';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { MAX_OBSERVATIONS_PER_REQUEST } from '../../../src/core/request-limits';
import { createBridge, type ScriptRun } from '../../../src/hosts/sheets/bridge';
import { createSheetsHost } from '../../../src/hosts/sheets/sheets-host';
import { bridgeTransport } from '../../../src/hosts/sheets/sheets-platform';
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';
import { startCli, type RunningCli } from '../../cli/run-cli';
import { addOnOn } from './load-addon';

jest.setTimeout(300_000);

const SIZES = [10, 100, 1000] as const;
const KPIS = ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte', 'platform.uptime', 'service.fcr'];
const MONTHS = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
/** 2026-01-01 as a serial, then the first of each month. */
const monthSerial = (m: number) => (Date.UTC(2026, m, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
const SHEET = 'Pack';
/** `OBSERVATION_BATCH` of src/core/reconcile-workbook.ts. */

let demo: RunningCli;
let token: string;
const data = mkdtempSync(join(tmpdir(), 'plumbline-sheets-cost-'));

beforeAll(async () => {
  demo = await startCli(
    ['demo', '--port', '0', '--data', data],
    { PLUMBLINE_DEMO_TODAY: '2026-11-24' },
    /Try:/,
  );
  token = /^\s+ana\s+analyst\s+(pl_\S+)/m.exec(demo.output)![1]!;
});

afterAll(async () => {
  await demo?.stop();
  rmSync(data, { recursive: true, force: true });
});

/** A spreadsheet with a header of months and `links` rows of 12 values, each row linked. */
async function linkedPack(links: number) {
  const book = new FakeSpreadsheet(new ExecutionClock(), `pack-${links}`, `Pack ${links}`);
  const sheet = book.addLoadedSheet(SHEET, Math.max(1000, links + 2), 26);
  MONTHS.forEach((_, m) => sheet.putCell(0, m + 1, { value: monthSerial(m), formula: '', format: 'mmm-yy' }));
  for (let i = 0; i < links; i++) {
    sheet.putCell(i + 1, 0, { value: KPIS[i % KPIS.length]!, formula: '' });
    MONTHS.forEach((_, m) => sheet.putCell(i + 1, m + 1, { value: 5 + ((i + m) % 7) / 10, formula: '' }));
  }
  const addOn = addOnOn(book);
  const info = await addOn.host.workbookInfo();
  // Registered from Node, outside what is measured (linking 1,000 ranges one by one would take minutes).
  const direct = createStoreClient({ baseUrl: demo.url, token, transport: fetchTransport() });
  const stored: StoredLink[] = [];
  for (let start = 0; start < links; start += 100) {
    const batch = Array.from({ length: Math.min(100, links - start) }, (_, k) => start + k);
    const registered = await Promise.all(
      batch.map((i) =>
        direct.registerLink({
          workbookId: info.id,
          workbookName: info.name,
          sheet: SHEET,
          address: `B${i + 2}:M${i + 2}`,
          layout: 'series',
          kpiIds: [KPIS[i % KPIS.length]!],
          scale: 1,
        }),
      ),
    );
    registered.forEach((link, k) =>
      stored.push({
        name: linkNames(batch[k]! + 1).values,
        id: link.id,
        layout: 'series',
        orientation: 'rows',
        kpiIds: [KPIS[batch[k]! % KPIS.length]!],
        periodsName: linkNames(batch[k]! + 1).periods,
        period: null,
        scale: 1,
        fiscalYearStartMonth: 1,
      }),
    );
  }
  await addOn.host.setNames(
    stored.flatMap((link, i) => [
      { name: link.name, sheet: SHEET, address: `B${i + 2}:M${i + 2}` },
      { name: link.periodsName!, sheet: SHEET, address: 'B1:M1' },
    ]),
  );
  await addOn.host.writeMetadataRows(encodeMetadata(stored));
  return addOn;
}

interface Cost {
  scriptRuns: number;
  sheetReads: number;
  fetchRoundTrips: number;
  storeRequests: number;
  cells: number;
}

async function reconcileCost(links: number): Promise<Cost> {
  const { project } = await linkedPack(links);
  // The sidebar's side: the port and the store client over google.script.run.
  const bridge = createBridge(project.scriptRun() as unknown as ScriptRun);
  const host = createSheetsHost(bridge);
  const client = createStoreClient({ baseUrl: demo.url, token, transport: bridgeTransport(bridge) });
  const before = { runs: project.scriptRunCounters.calls, ...project.clock.counters };
  const result = await reconcileWorkbook(host, client);
  expect(result.links).toBe(links);
  const after = project.clock.counters;
  return {
    scriptRuns: project.scriptRunCounters.calls - before.runs,
    sheetReads: after.cellReads - before.cellReads,
    fetchRoundTrips: after.urlFetchCalls - before.urlFetchCalls,
    storeRequests: after.urlFetches - before.urlFetches,
    cells: result.cells.length,
  };
}

test('reconcile: the same google.script.run calls, sheet reads and UrlFetch round trips at 10, 100 and 1,000 links', async () => {
  const costs = new Map<number, Cost>();
  for (const links of SIZES) costs.set(links, await reconcileCost(links));
  process.stdout.write(
    `\nSheets reconcile cost by links:\n${[...costs].map(([n, c]) => `  ${String(n).padStart(4)}: ${JSON.stringify(c)}`).join('\n')}\n`,
  );
  // Core records observations in batches of at most MAX_OBSERVATIONS_PER_REQUEST (and 4 MB): as in
  // Excel, only the volume of data may add a round trip, never the number of links.
  const extra = (c: Cost) => Math.ceil(c.cells / MAX_OBSERVATIONS_PER_REQUEST) - 1;
  const [first, ...rest] = [...costs.values()];
  for (const cost of rest) {
    expect(cost.scriptRuns - extra(cost)).toBe(first!.scriptRuns);
    expect(cost.sheetReads).toBe(first!.sheetReads);
    expect(cost.fetchRoundTrips - extra(cost)).toBe(first!.fetchRoundTrips);
  }
  expect(first!.sheetReads).toBe(4);
  // The store requests: the same few whatever the number of links (links are registered in bulk).
  const fixed = [...costs].map(([, c]) => c.storeRequests - extra(c));
  expect(new Set(fixed).size).toBe(1);
  expect(costs.get(1000)!.cells).toBe(12_000);
});
