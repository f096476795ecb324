/**
 * Many small ranges that cannot be merged (one cell every other row): each
 * costs ~500 bytes of request whatever its size, so a read of 12,000 of them
 * is spread over syncs by their number, every request under Excel on the web's
 * 5 MB limit, rather than sent as one 6 MB request that Excel refuses.
 */
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import type { CellValue } from '../../../src/hosts/host';
import { EXCEL_WEB_PAYLOAD_LIMIT, ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';

jest.setTimeout(120_000);

test('12,000 one-cell ranges apart: every request under 5 MB, none refused, every value read', async () => {
  const ranges = 12_000;
  const values: CellValue[][] = Array.from({ length: ranges * 2 }, (_, r) => [r % 2 === 0 ? r / 2 : '']);
  const sim = ExcelSimulator.fromSnapshot(
    {
      sheets: [
        {
          name: 'S',
          visibility: 'visible',
          values,
          formulas: values.map((row) => row.map(() => '')),
          numberFormats: values.map((row) => row.map(() => 'General')),
        },
      ],
      names: [],
    },
    { name: 'many.xlsx' },
  );
  const host = createExcelHost(loadExcelLibrary(sim).Excel.run);
  const sizes: number[] = [];
  sim.onRequest = (text) => sizes.push(Buffer.byteLength(text));
  const blocks = await host.readBlocks(
    Array.from({ length: ranges }, (_, i) => ({ sheet: 'S', address: `A${2 * i + 1}` })),
  );
  expect(blocks.map((b) => b.values[0]![0])).toEqual(Array.from({ length: ranges }, (_, i) => i));
  expect(sim.counters.rejectedRequests).toBe(0);
  expect(Math.max(...sizes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  // Spread by number, not one sync per range.
  expect(sim.counters.syncs).toBeLessThanOrEqual(3);
});
