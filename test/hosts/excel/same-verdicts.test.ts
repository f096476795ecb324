/**
 * Linking and reconciling every sample workbook through the Excel host (the
 * real Excel JS library on the simulated Excel) gives exactly the verdicts of
 * the saved-workbook host, and a workbook linked in one host reconciles the
 * same in the other: the link lives in the file, not in the host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStoreClient, type StoreClient } from '../../../src/client/store-client';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import type { CellVerdict } from '../../../src/core/reconcile';
import { linkRange } from '../../../src/core/link-range';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import { PACK_LINKS, seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, '../../fixtures/workbooks');
const WORKBOOKS = Object.keys(PACK_LINKS);

let server: TestServer;
let store: StoreClient;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  store = createStoreClient({ baseUrl: server.url, token: server.tokens.ana! });
});
afterAll(() => server.close());

/** What a person compares: where, what, and the verdict (not the store's link ids). */
function comparable(cells: CellVerdict[]) {
  return cells.map(({ kpiId, period, sheet, address, local, canonical, revision, verdict, isFormula }) => ({
    kpiId,
    period,
    sheet,
    address,
    local,
    canonical,
    revision,
    verdict,
    isFormula,
  }));
}

async function linkEverything(host: SpreadsheetHost, workbook: string): Promise<void> {
  for (const request of PACK_LINKS[workbook]!) await linkRange(host, store, request);
}

function excelHost(sim: ExcelSimulator): SpreadsheetHost {
  return createExcelHost(loadExcelLibrary(sim).Excel.run);
}

describe.each(WORKBOOKS)('%s', (workbook) => {
  const bytes = () => new Uint8Array(readFileSync(join(FIXTURES, workbook)));

  test('the Excel host gives exactly the verdicts of the saved-workbook host', async () => {
    const xlsx = await openXlsxHost(bytes(), { fileName: workbook });
    await linkEverything(xlsx, workbook);
    const expected = await reconcileWorkbook(xlsx, store);

    const sim = await loadXlsx(bytes(), { name: workbook });
    const excel = excelHost(sim);
    await linkEverything(excel, workbook);
    const actual = await reconcileWorkbook(excel, store);

    expect(expected.cells.length).toBeGreaterThan(0);
    expect(comparable(actual.cells)).toEqual(comparable(expected.cells));
  });

  test('linked in a saved file, reconciled in Excel; linked in Excel, reconciled from the saved file', async () => {
    const xlsx = await openXlsxHost(bytes(), { fileName: workbook });
    await linkEverything(xlsx, workbook);
    const inFile = await reconcileWorkbook(xlsx, store);

    const opened = excelHost(await loadXlsx(await xlsx.save(), { name: workbook }));
    const inExcel = await reconcileWorkbook(opened, store);
    expect(comparable(inExcel.cells)).toEqual(comparable(inFile.cells));
    expect(inExcel.workbook.id).toBe(inFile.workbook.id);

    const sim = await loadXlsx(bytes(), { name: workbook });
    await linkEverything(excelHost(sim), workbook);
    const reopened = ExcelSimulator.fromSnapshot(sim.snapshot(), { name: workbook });
    const again = await reconcileWorkbook(excelHost(reopened), store);
    expect(comparable(again.cells)).toEqual(comparable(inFile.cells));
  });
});

test('reconciling a workbook in Excel costs the same syncs for 3 links as for 30', async () => {
  const kpis = ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'];
  const syncsFor = async (links: number) => {
    const sim = await loadXlsx(new Uint8Array(readFileSync(join(FIXTURES, 'ops-monthly.xlsx'))), {
      name: 'ops.xlsx',
    });
    const host = excelHost(sim);
    for (let i = 0; i < links; i++) {
      // One cell per link: row 5 + KPI, column C + month.
      const kpi = i % 3;
      const month = Math.floor(i / 3);
      await linkRange(host, store, {
        sheet: 'Ops KPIs',
        values: `${String.fromCharCode(67 + month)}${5 + kpi}`,
        period: `2026-${String(month + 1).padStart(2, '0')}`,
        kpiIds: [kpis[kpi]!],
      });
    }
    sim.resetCounters();
    const result = await reconcileWorkbook(host, store);
    expect(result.links).toBe(links);
    expect(result.cells.every((c) => c.verdict === 'match')).toBe(true);
    return sim.counters.syncs;
  };
  const few = await syncsFor(3);
  expect(few).toBeLessThanOrEqual(5);
  expect(await syncsFor(30)).toBe(few);
});
