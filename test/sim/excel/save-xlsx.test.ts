/**
 * The simulated Excel saves to a real .xlsx file that the saved-workbook host
 * reads back as the simulator held it: a workbook linked in Excel reconciles
 * the same from the saved file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createStoreClient } from '../../../src/client/store-client';
import { linkRange } from '../../../src/core/link-range';
import { reconcileWorkbook } from '../../../src/core/reconcile-workbook';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import { saveXlsx } from '../../../src/sim/excel/save-xlsx';
import { PACK_LINKS, seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';

jest.setTimeout(60_000);

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../../fixtures/workbooks', name)));

test.each(['ops-monthly.xlsx', 'finance-quarterly.xlsx', 'weekly-backlog.xlsx'])(
  '%s: loaded, saved and read back, the workbook is what the simulator held',
  async (name) => {
    const sim = await loadXlsx(fixture(name), { name });
    const saved = await readWorkbook(await saveXlsx(sim));
    expect(saved).toEqual(sim.snapshot());
  },
);

test('text that looks like a formula is saved as text, formulas as formulas', async () => {
  const sim = await loadXlsx(fixture('ops-monthly.xlsx'), { name: 'ops.xlsx' });
  const host = createExcelHost(loadExcelLibrary(sim).Excel.run);
  await host.writeMetadataRows([['=SUM(A1)', '+1', '-x', '@y']]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await saveXlsx(sim)) as unknown as ExcelJS.Buffer);
  const meta = workbook.getWorksheet('_plumbline')!;
  expect(meta.state).toBe('veryHidden');
  expect(meta.getRow(1).values).toEqual([undefined, '=SUM(A1)', '+1', '-x', '@y']);
  expect(meta.getCell('A1').type).toBe(ExcelJS.ValueType.String);
  expect(workbook.getWorksheet('Ops KPIs')!.getCell('C11').formula).toBe('C5-6.4');
});

describe('linked in Excel, saved, reconciled from the file', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await seedPackTruth(server);
  });
  afterAll(() => server.close());

  test('gives the verdicts Excel gave, and keeps Plumbline’s flags as conditional formats', async () => {
    const store = createStoreClient({ baseUrl: server.url, token: server.tokens.ana! });
    const sim = await loadXlsx(fixture('ops-monthly-north.xlsx'), { name: 'north.xlsx' });
    const excel = createExcelHost(loadExcelLibrary(sim).Excel.run);
    for (const request of PACK_LINKS['ops-monthly-north.xlsx']!) await linkRange(excel, store, request);
    await excel.setFlagFormats([
      {
        id: 'turnaround',
        sheet: 'Ops KPIs',
        address: 'C5:N5',
        formula: 'C5<>_plumbline!C5',
        fill: '#FFC7CE',
      },
    ]);
    const inExcel = await reconcileWorkbook(excel, store);

    const file = await saveXlsx(sim);
    const fromFile = await reconcileWorkbook(await openXlsxHost(file, { fileName: 'north.xlsx' }), store);
    const strip = (cells: typeof inExcel.cells) => cells.map(({ linkId: _linkId, ...rest }) => rest);
    expect(strip(fromFile.cells)).toEqual(strip(inExcel.cells));
    expect(fromFile.cells.filter((c) => c.verdict !== 'match').map((c) => c.address)).toEqual([
      'L5',
      'K7',
      'H8',
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
    // exceljs reads conditional formats into `conditionalFormattings`, which its typings leave out.
    const sheet = workbook.getWorksheet('Ops KPIs') as unknown as {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const formats = sheet.conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0]).toMatchObject({ ref: 'C5:N5', rules: [{ type: 'expression' }] });
    expect(String((formats[0]!.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0])).toContain(
      'plumbline:flag:turnaround',
    );
  });
});
