/**
 * Golden cases for `Range.text`: number-formats/en-us.json holds one row per
 * case (value, number format, the text Excel in en-US shows, and why where it
 * is not obvious), one test each, run as an ordinary Office.js snippet through
 * Microsoft's Excel library against the simulator. A value `{ "error": … }` is
 * an error typed into the cell, `null` an empty cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary, type LoadedExcel } from '../../../src/sim/excel/load-library';

interface TextCase {
  format: string;
  value: number | string | boolean | { error: string } | null;
  text: string;
  note?: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, 'number-formats', 'en-us.json'), 'utf8')) as TextCase[];

/** What to assign to `Range.values` so the cell holds the case's value. */
function typed(value: TextCase['value']): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  // A leading apostrophe keeps text as text, as Excel would otherwise read `Nov-26` as a date.
  return typeof value === 'string' ? `'${value}` : value;
}

let excel: LoadedExcel;
beforeAll(() => {
  excel = loadExcelLibrary(new ExcelSimulator());
});

test('the golden table holds the cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
});

test.each(cases.map((c) => [c.format, JSON.stringify(c.value), c.text, c] as const))(
  '%s shows %s as %j',
  async (_format, _value, _text, c) => {
    const text = await excel.Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      cell.clear();
      cell.numberFormat = [[c.format]];
      cell.values = [[typed(c.value)]];
      cell.load('text');
      await ctx.sync();
      return cell.text;
    });
    expect(text).toEqual([[c.text]]);
  },
);

/** Choices where Excel's text depends on what the simulator does not model (see its README). */
describe('text the simulator settles without a grid to draw on', () => {
  async function textOf(format: string, value: number): Promise<string> {
    return excel.Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1');
      cell.numberFormat = [[format]];
      cell.values = [[value]];
      cell.load('text');
      await ctx.sync();
      return cell.text[0]![0]!;
    });
  }

  test('no #### for a column too narrow: Office.js text does not depend on the width', async () => {
    const text = await excel.Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Sheet1').getRange('C1');
      cell.format.columnWidth = 3;
      cell.numberFormat = [['#,##0.00']];
      cell.values = [[123456789]];
      cell.load('text');
      await ctx.sync();
      return cell.text;
    });
    expect(text).toEqual([['123,456,789.00']]);
  });

  test('_x leaves one space and *x repeats nothing, as the TEXT function renders them', async () => {
    expect(await textOf('_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', 1234.5)).toBe(' 1,234.50 ');
  });

  test('a date format on a number outside Excel’s dates shows ######', async () => {
    expect(await textOf('yyyy-mm-dd', -1)).toBe('######');
    expect(await textOf('yyyy-mm-dd', 2958466)).toBe('######');
  });

  test('a format code that cannot be read shows the value as General', async () => {
    expect(await textOf('0.0.0"', 5)).toBe('5');
  });
});
