/**
 * A workbook moves between Excel and Google Sheets with its links: linked by
 * the Excel host (Microsoft's Excel library on the simulated Excel) and saved
 * as .xlsx, it opens in the Sheets fake (as Sheets imports an .xlsx) and the
 * built add-on reconciles it to exactly Excel's verdicts; linked in Sheets and
 * downloaded as .xlsx, the Excel host and the saved-workbook host reconcile it
 * to exactly the add-on's. The store client is Node's here: what travels is
 * the workbook, not the requests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStoreClient, type StoreClient } from '../../../src/client/store-client';
import { linkRange } from '../../../src/core/link-range';
import type { CellVerdict } from '../../../src/core/reconcile';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { snapshotFromSpreadsheet } from '../../../src/sim/apps-script/save-workbook';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import { saveXlsx } from '../../../src/sim/excel/save-xlsx';
import { PACK_LINKS, seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';
import { openXlsxInSheets } from './load-addon';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '../../fixtures/workbooks');

let server: TestServer;
let store: StoreClient;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  store = createStoreClient({ baseUrl: server.url, token: server.tokens.ana! });
});
afterAll(() => server.close());

/** What a person compares: where, what, and the verdict. */
function comparable(cells: CellVerdict[]) {
  return cells.map(
    ({ linkId, kpiId, period, sheet, address, local, canonical, revision, verdict, isFormula }) => ({
      linkId,
      kpiId,
      period,
      sheet,
      address,
      local,
      canonical,
      revision,
      verdict,
      isFormula,
    }),
  );
}

async function linkEverything(host: SpreadsheetHost, workbook: string): Promise<void> {
  for (const request of PACK_LINKS[workbook]!) await linkRange(host, store, request);
}

const excelHost = (sim: ExcelSimulator) => createExcelHost(loadExcelLibrary(sim).Excel.run);

describe.each(Object.keys(PACK_LINKS))('%s', (workbook) => {
  const bytes = () => new Uint8Array(readFileSync(join(FIXTURES, workbook)));

  test('linked in Excel and saved as .xlsx, it reconciles in Sheets to the same verdicts', async () => {
    const sim = await loadXlsx(bytes(), { name: workbook });
    const excel = excelHost(sim);
    await linkEverything(excel, workbook);
    const inExcel = await reconcileWorkbook(excel, store);

    const { host: sheets, project } = await openXlsxInSheets(await saveXlsx(sim));
    const inSheets = await reconcileWorkbook(sheets, store);

    expect(inExcel.cells.length).toBeGreaterThan(0);
    expect(inSheets.workbook.id).toBe(inExcel.workbook.id);
    expect(comparable(inSheets.cells)).toEqual(comparable(inExcel.cells));
    // The links are Sheets named ranges over the same cells, and the hidden sheet came along.
    const names = project.spreadsheet.getNamedRanges().map((n) => n.getName());
    expect(names.filter((n) => n.startsWith('PL_')).length).toBeGreaterThanOrEqual(
      PACK_LINKS[workbook]!.length,
    );
    expect(project.spreadsheet.getSheetByName('_plumbline')?.isSheetHidden()).toBe(true);
  });

  test('linked in Sheets and downloaded as .xlsx, Excel and the saved-workbook host reconcile it the same', async () => {
    const { host: sheets, project } = await openXlsxInSheets(bytes());
    await linkEverything(sheets, workbook);
    const inSheets = await reconcileWorkbook(sheets, store);

    const downloaded = await saveXlsx(
      ExcelSimulator.fromSnapshot(snapshotFromSpreadsheet(project.spreadsheet)),
    );
    const inExcel = await reconcileWorkbook(excelHost(await loadXlsx(downloaded, { name: workbook })), store);
    const inFile = await reconcileWorkbook(await openXlsxHost(downloaded, { fileName: workbook }), store);

    expect(inSheets.cells.length).toBeGreaterThan(0);
    expect(inExcel.workbook.id).toBe(inSheets.workbook.id);
    expect(comparable(inExcel.cells)).toEqual(comparable(inSheets.cells));
    expect(comparable(inFile.cells)).toEqual(comparable(inSheets.cells));
  });
});
