/**
 * The port's argument checks on their own: what each call refuses, always as
 * a HostError with code InvalidArgument. That every host applies them before
 * writing anything is the contract suite's business (contract/host-contract.ts).
 */
import { MAX_CELL_TEXT } from '../../src/core/excel-limits';
import type { LayoutChart } from '../../src/core/sheet-layout';
import type { SheetContent } from '../../src/hosts/host';
import { HostError } from '../../src/hosts/host-error';
import {
  checkFlags,
  checkKeys,
  checkMetadataRows,
  checkNames,
  checkReads,
  checkSheetContent,
  checkWrites,
  isColor,
  MAX_CHART_SERIES,
  MAX_CHARTS,
  MAX_FLAG_FORMULA,
  MAX_FLAG_ID,
} from '../../src/hosts/port-checks';
import { workbookIdName } from '../../src/hosts/workbook-id';

function refusal(check: () => unknown): HostError {
  try {
    check();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function expectRefused(check: () => unknown, message?: RegExp): void {
  const error = refusal(check);
  expect(error.code).toBe('InvalidArgument');
  if (message) expect(error.message).toMatch(message);
}

const flag = { id: 'f1', sheet: 'Ops KPIs', address: 'C5:N5', formula: 'C5<>1', fill: '#FFC7CE' };

describe('port checks', () => {
  test('ranges are A1 cell ranges on a named sheet; their rectangles come back in order', () => {
    expect(
      checkReads([
        { sheet: 'Ops KPIs', address: 'B7' },
        { sheet: 'Ops KPIs', address: '$c$5:$N$9' },
      ]),
    ).toEqual([
      { top: 6, left: 1, bottom: 6, right: 1 },
      { top: 4, left: 2, bottom: 8, right: 13 },
    ]);
    for (const address of ['A:A', '3:3', 'nonsense', 'A0', 'XFE1', '', 'Sheet1!A1']) {
      expectRefused(() => checkReads([{ sheet: 'Ops KPIs', address }]), /not an A1 cell range/);
    }
    expectRefused(() => checkReads([{ sheet: '', address: 'A1' }]), /sheet/);
  });

  test('a written block fits its range and holds only finite numbers, text within the limit and booleans', () => {
    const write = { sheet: 'Data', address: 'A1:B1' };
    expect(checkWrites([{ ...write, values: [[1.5, 'x'.repeat(MAX_CELL_TEXT)]] }])).toHaveLength(1);
    expect(checkWrites([{ ...write, values: [[true, '']], numberFormats: [['0.0%', '@']] }])).toHaveLength(1);
    expectRefused(() => checkWrites([{ ...write, values: [[1]] }]), /1 × 2/);
    expectRefused(
      () =>
        checkWrites([
          {
            ...write,
            values: [
              [1, 2],
              [3, 4],
            ],
          },
        ]),
      /1 × 2/,
    );
    expectRefused(
      () => checkWrites([{ ...write, values: [[1, Number.NaN]] }]),
      /Data!B1: NaN is not a finite number/,
    );
    expectRefused(() => checkWrites([{ ...write, values: [[Infinity, 1]] }]), /finite/);
    expectRefused(() => checkWrites([{ ...write, values: [[-Infinity, 1]] }]), /finite/);
    expectRefused(() => checkWrites([{ ...write, values: [['x'.repeat(MAX_CELL_TEXT + 1), 1]] }]), /32767/);
    const notCells = [null, undefined, {}, [1], new Date(0)];
    for (const bad of notCells) {
      expectRefused(
        () => checkWrites([{ ...write, values: [[bad as unknown as string, 1]] }]),
        /not a string/,
      );
    }
    expectRefused(
      () => checkWrites([{ ...write, values: [[1, 2]], numberFormats: [['0']] }]),
      /number formats/,
    );
    expectRefused(
      () => checkWrites([{ ...write, values: [[1, 2]], numberFormats: [['0', '']] }]),
      /number format/,
    );
    expectRefused(() =>
      checkWrites([{ ...write, values: [[1, 2]], numberFormats: [['0', '0'.repeat(256)]] }]),
    );
  });

  test('the whole batch is checked: a bad block after good ones is refused', () => {
    expectRefused(() =>
      checkWrites([
        { sheet: 'Data', address: 'A1', values: [[1]] },
        { sheet: 'Data', address: 'A2', values: [[Number.NaN]] },
      ]),
    );
  });

  test('defined names are valid Excel names, not cell references nor the workbook id', () => {
    expect(checkNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }])).toEqual([
      { top: 4, left: 2, bottom: 4, right: 13 },
    ]);
    for (const name of ['1PL', 'A1', 'xfd1048576', 'PL 1', 'R1C1', 'R', 'C', 'TRUE', '', 'a'.repeat(256)]) {
      expectRefused(
        () => checkNames([{ name, sheet: 'Ops KPIs', address: 'A1' }]),
        /not a valid defined name/,
      );
    }
    const idName = workbookIdName('0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6').name;
    expectRefused(() => checkNames([{ name: idName, sheet: 'Ops KPIs', address: 'A1' }]), /reserved/);
    expectRefused(() => checkNames([{ name: 'PL_2', sheet: 'Ops KPIs', address: 'A:A' }]), /A1/);
  });

  test('metadata cells are text within Excel limits', () => {
    expect(() => checkMetadataRows([['a', 'x'.repeat(MAX_CELL_TEXT)], []])).not.toThrow();
    expectRefused(
      () => checkMetadataRows([['a', 1 as unknown as string]]),
      /metadata cell 1:2 is not a string/,
    );
    expectRefused(() => checkMetadataRows([['x'.repeat(MAX_CELL_TEXT + 1)]]), /32767/);
    expectRefused(() => checkMetadataRows(['row' as unknown as string[]]), /list of rows/);
  });

  test('flags have an id, an A1 range, a formula and #RRGGBB colours', () => {
    expect(checkFlags([flag, { ...flag, id: 'f2', fontColor: '#9c0006', formula: '=C5>1' }])).toHaveLength(2);
    expectRefused(() => checkFlags([{ ...flag, fill: 'red' }]), /#FFC7CE/);
    expectRefused(() => checkFlags([{ ...flag, fill: '#FFC7C' }]), /#FFC7CE/);
    expectRefused(() => checkFlags([{ ...flag, fontColor: 'FFC7CE' }]), /#FFC7CE/);
    expectRefused(() => checkFlags([{ ...flag, formula: ' ' }]), /no formula/);
    expectRefused(() => checkFlags([{ ...flag, formula: '=' }]), /no formula/);
    expectRefused(() => checkFlags([{ ...flag, formula: `C5<>${'1'.repeat(MAX_FLAG_FORMULA)}` }]), /over/);
    expectRefused(() => checkFlags([{ ...flag, id: '' }]), /flag id/);
    expectRefused(() => checkFlags([{ ...flag, id: 'x'.repeat(MAX_FLAG_ID + 1) }]), /flag id/);
    expectRefused(() => checkFlags([{ ...flag, address: 'C:C' }]), /A1/);
  });

  test('lists of names or ids are strings', () => {
    expect(() => checkKeys('name', ['PL_1'])).not.toThrow();
    expectRefused(() => checkKeys('name', ['PL_1', 7 as unknown as string]), /name 2 is not a string/);
  });

  test('colours are #RRGGBB', () => {
    expect(['#FFC7CE', '#1f4e79'].map(isColor)).toEqual([true, true]);
    expect(['FFC7CE', '#FFF', 'red', '', '#FFC7CEAA', 7].map(isColor)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  describe('replaceSheet', () => {
    const content: SheetContent = {
      values: [
        ['KPI', 'Value'],
        ['Claims', 0.91],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', '0.0%'],
      ],
      fills: [['#1F4E79', '#1F4E79']],
      bold: [[true, true]],
      indents: [[0], [1]],
      columnWidths: [30, 12],
    };

    test('a laid-out sheet passes', () => {
      expect(() => checkSheetContent('Summary', content)).not.toThrow();
      expect(() => checkSheetContent('Summary (2026)', { values: [] })).not.toThrow();
    });

    test('sheet names follow Excel rules', () => {
      expect(() => checkSheetContent('x'.repeat(31), { values: [] })).not.toThrow();
      expect(() => checkSheetContent("Bob's", { values: [] })).not.toThrow();
      for (const name of ['a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b']) {
        expectRefused(() => checkSheetContent(name, { values: [] }), /cannot contain/);
      }
      expectRefused(() => checkSheetContent('', { values: [] }), /1 to 31/);
      expectRefused(() => checkSheetContent('x'.repeat(32), { values: [] }), /1 to 31/);
      expectRefused(() => checkSheetContent("'quoted", { values: [] }), /apostrophe/);
      expectRefused(() => checkSheetContent("quoted'", { values: [] }), /apostrophe/);
    });

    test('every cell and format is one a host can write', () => {
      const bad: [Partial<SheetContent>, RegExp][] = [
        [{ values: [['KPI', Number.NaN]] }, /finite/],
        [{ values: [['x'.repeat(MAX_CELL_TEXT + 1)]] }, /32767/],
        [{ numberFormats: [['', 'General']] }, /number format/],
        [{ fills: [['blue']] }, /colour/],
        [{ bold: [['yes' as unknown as boolean]] }, /boolean/],
        [{ indents: [[-1]] }, /indent/],
        [{ indents: [[1.5]] }, /indent/],
        [{ indents: [[251]] }, /indent/],
        [{ columnWidths: [-1] }, /column width/],
        [{ columnWidths: [256] }, /column width/],
        [{ columnWidths: [Number.NaN] }, /column width/],
      ];
      for (const [change, message] of bad) {
        expectRefused(() => checkSheetContent('Summary', { ...content, ...change }), message);
      }
    });

    const chart: LayoutChart = {
      title: 'Trends',
      type: 'line',
      source: 'A1:B2',
      seriesBy: 'rows',
      position: 'D1:H15',
    };

    test('a chart plots labels and values from inside the values, anywhere on the sheet', () => {
      expect(() => checkSheetContent('Summary', { ...content, charts: [chart] })).not.toThrow();
      expect(() =>
        checkSheetContent('Summary', { ...content, charts: [{ ...chart, seriesBy: 'columns' }] }),
      ).not.toThrow();
      expect(() => checkSheetContent('Summary', { ...content, charts: [] })).not.toThrow();
    });

    test('charts need a title, a line type, a source inside the values and a place', () => {
      const bad: [Partial<LayoutChart>, RegExp][] = [
        [{ title: '' }, /title/],
        [{ title: '  ' }, /title/],
        [{ title: 'x'.repeat(256) }, /title of 1 to 255/],
        [{ title: 7 as unknown as string }, /title/],
        [{ type: 'pie' as 'line' }, /chart type/],
        [{ seriesBy: 'diagonal' as 'rows' }, /'rows' or 'columns'/],
        [{ source: 'A1:C2' }, /past the sheet's values/],
        [{ source: 'A2:B3' }, /past the sheet's values/],
        [{ source: 'A1:A2' }, /at least one value/],
        [{ source: 'A:B' }, /A1 cell range/],
        [{ source: 'Summary!A1:B2' }, /A1 cell range/],
        [{ position: '' }, /position/],
        [{ position: undefined as unknown as string }, /position/],
      ];
      for (const [change, message] of bad) {
        expectRefused(
          () => checkSheetContent('Summary', { ...content, charts: [{ ...chart, ...change }] }),
          message,
        );
      }
      expectRefused(() => checkSheetContent('Summary', { ...content, charts: {} as LayoutChart[] }), /list/);
      expectRefused(
        () => checkSheetContent('Summary', { ...content, charts: new Array(MAX_CHARTS + 1).fill(chart) }),
        /a sheet takes 8/,
      );
    });

    test(`a chart holds at most Excel's ${MAX_CHART_SERIES} series`, () => {
      const tall: SheetContent = {
        values: Array.from({ length: MAX_CHART_SERIES + 2 }, (_, r) => [`KPI ${r}`, r]),
      };
      const series = (n: number): LayoutChart => ({ ...chart, source: `A1:B${n + 1}` });
      expect(() =>
        checkSheetContent('Summary', { ...tall, charts: [series(MAX_CHART_SERIES)] }),
      ).not.toThrow();
      expectRefused(
        () => checkSheetContent('Summary', { ...tall, charts: [series(MAX_CHART_SERIES + 1)] }),
        /256 series/,
      );
      // By columns, the same rows are one series each column: 1 here.
      expect(() =>
        checkSheetContent('Summary', {
          ...tall,
          charts: [{ ...series(MAX_CHART_SERIES + 1), seriesBy: 'columns' }],
        }),
      ).not.toThrow();
    });

    test('formats for cells past the values are refused rather than dropped', () => {
      expectRefused(
        () => checkSheetContent('Summary', { ...content, fills: [[], [], ['#FFFFFF']] }),
        /reach past/,
      );
      expectRefused(
        () => checkSheetContent('Summary', { ...content, bold: [[true, true, true]] }),
        /reach past/,
      );
    });
  });
});
