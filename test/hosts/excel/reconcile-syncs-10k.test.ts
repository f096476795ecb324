/**
 * Reconcile in Excel at 10,000 links × 12 months (issue 10, workload 5): the
 * same number of `context.sync()` calls as at 10 links, at most 4, every
 * request under Excel on the web's 5 MB limit and none refused, one store
 * request of each kind but observations, which take as few as the store's limits allow. Counted on the simulator under Microsoft's real Excel
 * library, against a real store over HTTP; nothing is timed.
 */
import type { ObservationInput } from '../../../src/core/api';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { REQUEST_BODY_BUDGET } from '../../../src/core/request-batches';
import { MAX_OBSERVATIONS_PER_REQUEST } from '../../../src/core/request-limits';
import { createStoreClient, fetchTransport, type StoreClient } from '../../../src/client/store-client';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import type { CellValue } from '../../../src/hosts/host';
import { EXCEL_WEB_PAYLOAD_LIMIT, ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';
import { linkRowsInBulk } from '../../fixtures/linked-rows';
import { monthlyPackSimulator } from '../../fixtures/monthly-pack-sim';

jest.setTimeout(300_000);

const SIZES = [10, 10_000] as const;
const MONTHLY_KPIS = [
  'claims.turnaround_days',
  'claims.manual_rate',
  'ops.fte',
  'service.fcr',
  'platform.uptime',
];
const MONTHS = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
const SHEET = 'Pack';

let server: TestServer;
let storeRequests: string[] = [];
let client: StoreClient;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  const transport = fetchTransport();
  client = createStoreClient({
    baseUrl: server.url,
    token: server.tokens.ana!,
    transport: (request) => {
      storeRequests.push(`${request.method} ${new URL(request.url).pathname}`);
      return transport(request);
    },
  });
});

afterAll(() => server.close());

const kpiOfRow = (i: number) => MONTHLY_KPIS[i % MONTHLY_KPIS.length]!;

/** A header of 12 months, then one row of 12 values per link (some drifted, some blank). */
function packWorkbook(links: number): ExcelSimulator {
  const rows: CellValue[][] = Array.from({ length: links }, (_, i) => [
    kpiOfRow(i),
    ...MONTHS.map((_, m) => 100 + ((i + m) % 13) / 4),
  ]);
  return monthlyPackSimulator(SHEET, rows, `pack-${links}.xlsx`);
}

interface Measure {
  syncs: number;
  requests: number[];
  rejectedRequests: number;
  /** Store requests by kind ("POST /v1/observations" → how many). */
  storeRequests: Record<string, number>;
  observations: ObservationInput[];
}

async function reconcileAt(links: number): Promise<Measure> {
  const sim = packWorkbook(links);
  const host = createExcelHost(loadExcelLibrary(sim).Excel.run);
  await linkRowsInBulk(
    host,
    client,
    SHEET,
    Array.from({ length: links }, (_, i) => kpiOfRow(i)),
  );
  const requests: number[] = [];
  sim.onRequest = (text) => requests.push(Buffer.byteLength(text));
  sim.resetCounters();
  storeRequests = [];
  const { cells, observations } = await reconcileWorkbook(host, client);
  expect(cells).toHaveLength(links * 12);
  const { syncs, rejectedRequests } = sim.counters;
  const byKind: Record<string, number> = {};
  for (const kind of storeRequests) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return { syncs, requests, rejectedRequests, storeRequests: byKind, observations };
}

describe('reconcile in Excel, 10 and 10,000 links × 12 months', () => {
  const results = new Map<number, Measure>();
  beforeAll(async () => {
    for (const links of SIZES) results.set(links, await reconcileAt(links));
    for (const [links, m] of results)
      process.stdout.write(
        `${links} links: ${m.syncs} syncs, largest request ${(Math.max(...m.requests) / 1e6).toFixed(2)} MB, store ${JSON.stringify(m.storeRequests)}\n`,
      );
  });

  test('the same syncs at 10 and 10,000 links, at most 4', () => {
    const syncs = SIZES.map((n) => results.get(n)!.syncs);
    expect(syncs).toEqual(SIZES.map(() => syncs[0]));
    expect(syncs[0]).toBeLessThanOrEqual(4);
  });

  test('every request under 5 MB, none refused', () => {
    for (const links of SIZES) {
      const m = results.get(links)!;
      expect([links, m.rejectedRequests]).toEqual([links, 0]);
      expect(Math.max(...m.requests)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    }
  });

  test('store requests: one of each kind, observations in as few as the store’s limits allow', () => {
    for (const links of SIZES) {
      const { storeRequests: kinds, observations } = results.get(links)!;
      const bytes = observations.reduce((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)) + 1, 0);
      const fewest = Math.max(
        Math.ceil(observations.length / MAX_OBSERVATIONS_PER_REQUEST),
        Math.ceil(bytes / REQUEST_BODY_BUDGET),
      );
      expect([links, kinds]).toEqual([
        links,
        {
          'GET /v1/kpis': 1,
          'POST /v1/canonical': 1,
          'POST /v1/links/bulk': 1,
          'POST /v1/observations': fewest,
        },
      ]);
    }
  });
});
