/**
 * The pane's operations on the Excel host keep a constant number of
 * `context.sync()` calls from 10 to 1,000 links (issue 8; issue 10 takes the
 * same measurement to 10,000): link a range, reconcile, flag, write the
 * summary. Each runs through core, as the pane runs it, on Microsoft's real
 * Excel library talking to the simulated Excel, against a real store over
 * HTTP (SQLite). Every request stays under Excel on the web's 5 MB limit.
 *
 * The workbook: a header row of 12 months, then one linked row of 12 values
 * per link (the demo's monthly KPIs in turn, one row in seven drifted in
 * October), and one row more for the link being made. The summary is laid
 * out for as many KPIs as there are links, a third of them off track, so its
 * hierarchy, trend table and chart grow with the workbook too.
 */
import { refreshDivergenceFlags } from '../../../src/core/flag-workbook';
import { linkRange } from '../../../src/core/link-range';
import type { Kpi, ModelNode } from '../../../src/core/model';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { buildSummary, type SummaryReading } from '../../../src/core/summary';
import { createStoreClient, fetchTransport, type StoreClient } from '../../../src/client/store-client';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import type { CellValue } from '../../../src/hosts/host';
import { EXCEL_WEB_PAYLOAD_LIMIT, ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { SUMMARY_SHEET, writeSummarySheet } from '../../../src/taskpane/summary/summary-actions';
import { seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';
import { linkRowsInBulk } from '../../fixtures/linked-rows';
import { monthlyPackSimulator } from '../../fixtures/monthly-pack-sim';

jest.setTimeout(300_000);

const SIZES = [10, 100, 1000] as const;
const MONTHLY_KPIS = [
  'claims.turnaround_days',
  'claims.manual_rate',
  'ops.fte',
  'service.fcr',
  'platform.uptime',
];
const MONTHS = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
const SHEET = 'Pack';

interface Measure {
  syncs: number;
  largestRequestBytes: number;
  rejectedRequests: number;
  storeRequests: number;
}

let server: TestServer;
let storeRequests = 0;
let client: StoreClient;
let canonical: Map<string, number>;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  const transport = fetchTransport();
  client = createStoreClient({
    baseUrl: server.url,
    token: server.tokens.ana!,
    transport: (request) => {
      storeRequests++;
      return transport(request);
    },
  });
  const readings = await client.canonical(MONTHLY_KPIS, { from: MONTHS[0], to: MONTHS.at(-1) });
  canonical = new Map(readings.map((r) => [`${r.kpiId}|${r.period}`, r.value]));
});

afterAll(() => server.close());

const kpiOfRow = (i: number) => MONTHLY_KPIS[i % MONTHLY_KPIS.length]!;
const drifted = (i: number) => i % 7 === 3;

/** The header of months (real dates, as in the samples), `links` KPI rows and one unlinked row. */
function packWorkbook(links: number): ExcelSimulator {
  const rows: CellValue[][] = Array.from({ length: links + 1 }, (_, i) => [
    kpiOfRow(i),
    ...MONTHS.map((period) => {
      const value = canonical.get(`${kpiOfRow(i)}|${period}`);
      if (value === undefined) return '';
      return drifted(i) && period === '2026-10' ? value + 1 : value;
    }),
  ]);
  return monthlyPackSimulator(SHEET, rows, `pack-${links}.xlsx`);
}

/** A summary of `count` KPIs under one pillar, every third off track over the year. */
function summaryOf(count: number): { asOf: string; rows: ReturnType<typeof buildSummary> } {
  const kpi = (i: number): Kpi => ({
    id: `kpi.${i}`,
    kind: 'kpi',
    name: `KPI ${i}`,
    parentId: 'pillar',
    unit: '%',
    direction: 'up',
    cadence: 'month',
    ownerId: 'ian',
    target: 0.995,
    thresholds: { amber: 0.99, red: 0.98 },
    indicator: 'lag',
    dependsOn: [],
  });
  const nodes: ModelNode[] = [
    { id: 'pillar', kind: 'pillar', name: 'Operations' },
    ...Array.from({ length: count }, (_, i) => kpi(i)),
  ];
  const readings: SummaryReading[] = Array.from({ length: count }, (_, i) =>
    MONTHS.slice(0, 10).map((period, m) => ({
      kpiId: `kpi.${i}`,
      period,
      value: i % 3 === 0 ? 0.97 - m / 1000 : 0.998,
      revision: 1,
      submittedBy: 'ian',
      submittedAt: '2026-11-02T09:00:00.000Z',
      remediation: 'A plan',
    })),
  ).flat();
  const asOf = '2026-11-24';
  return { asOf, rows: buildSummary({ nodes, readings, links: [], observations: [], asOf }) };
}

/** Runs one operation and measures what crossed into Excel and what went to the store. */
async function measure(sim: ExcelSimulator, op: () => Promise<unknown>): Promise<Measure> {
  sim.resetCounters();
  const before = storeRequests;
  await op();
  const { syncs, largestRequestBytes, rejectedRequests } = sim.counters;
  return { syncs, largestRequestBytes, rejectedRequests, storeRequests: storeRequests - before };
}

const OPERATIONS = [
  'link a range',
  'reconcile',
  'flag',
  'flag again, some fixed',
  'summary, new sheet',
  'summary, refreshed',
] as const;
type Operation = (typeof OPERATIONS)[number];

/** Every operation at `links` links, on a fresh workbook. */
async function runAll(links: number): Promise<Record<Operation, Measure>> {
  const sim = packWorkbook(links);
  const host = createExcelHost(loadExcelLibrary(sim).Excel.run);
  await linkRowsInBulk(
    host,
    client,
    SHEET,
    Array.from({ length: links }, (_, i) => kpiOfRow(i)),
  );
  const tolerances = new Map((await client.kpis()).map((k) => [k.id, k.tolerance]));
  const summary = summaryOf(links);
  let cells: Awaited<ReturnType<typeof reconcileWorkbook>>['cells'] = [];

  const link = await measure(sim, () =>
    linkRange(host, client, {
      sheet: SHEET,
      values: `B${links + 2}:M${links + 2}`,
      periods: 'B1:M1',
      kpiIds: [kpiOfRow(links)],
    }),
  );
  const reconcile = await measure(sim, async () => {
    cells = (await reconcileWorkbook(host, client)).cells;
  });
  const diverged = cells.filter((c) => c.verdict === 'diverged');
  expect(diverged.length).toBeGreaterThan(0);
  const flag = await measure(sim, () => refreshDivergenceFlags(host, cells, tolerances));
  // Half the drifted cells put right: their flags go, the others are set again.
  const fixed = new Set(diverged.filter((_, i) => i % 2 === 0));
  const again = await measure(sim, () =>
    refreshDivergenceFlags(
      host,
      cells.map((c) => (fixed.has(c) ? { ...c, verdict: 'match' as const } : c)),
      tolerances,
    ),
  );
  const created = await measure(sim, () => writeSummarySheet(host, summary));
  const refreshed = await measure(sim, () => writeSummarySheet(host, summary));

  // The work was done: flags on the cells still drifted, one chart on the summary.
  expect((await host.listFlagFormats()).length).toBe(diverged.length - fixed.size);
  expect(sim.workbook.findSheet(SUMMARY_SHEET)!.charts).toHaveLength(1);
  return {
    'link a range': link,
    reconcile,
    flag,
    'flag again, some fixed': again,
    'summary, new sheet': created,
    'summary, refreshed': refreshed,
  };
}

describe('the pane on the Excel host: syncs per operation from 10 to 1,000 links', () => {
  const results = new Map<number, Record<Operation, Measure>>();

  beforeAll(async () => {
    for (const links of SIZES) results.set(links, await runAll(links));
    const table = OPERATIONS.map((op) =>
      [
        op.padEnd(24),
        ...SIZES.map((n) => {
          const m = results.get(n)![op];
          return `${String(m.syncs).padStart(2)} syncs ${(m.largestRequestBytes / 1e6).toFixed(2)} MB ${String(m.storeRequests).padStart(4)} req`;
        }),
      ].join(' | '),
    );
    // The figures the issue asks to report, printed with the run.
    process.stdout.write(`\nlinks: ${SIZES.join(' | ')}\n${table.join('\n')}\n`);
  });

  test.each(OPERATIONS)('%s: the same number of syncs at 10, 100 and 1,000 links', (op) => {
    const syncs = SIZES.map((n) => results.get(n)![op].syncs);
    expect(syncs.every((s) => s === syncs[0])).toBe(true);
    expect(syncs[0]).toBeGreaterThan(0);
  });

  test('reconcile: the same store requests at 10, 100 and 1,000 links, one of each kind', () => {
    // kpis, canonical, links registered in bulk, observations (12,000 cells fit one request).
    expect(SIZES.map((n) => results.get(n)!.reconcile.storeRequests)).toEqual(SIZES.map(() => 4));
  });

  test.each(OPERATIONS)('%s: every request under the 5 MB limit, none refused', (op) => {
    for (const n of SIZES) {
      const m = results.get(n)![op];
      expect(m.rejectedRequests).toBe(0);
      expect(m.largestRequestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    }
  });
});
