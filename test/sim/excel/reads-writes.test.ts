import { openKpiWorkbook } from './fixtures';

describe('the simulated Excel through the real library: reads and writes', () => {
  it('reads values, formulas, number formats and the address of a range', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1:C3');
      range.load([
        'values',
        'formulas',
        'numberFormat',
        'address',
        'rowCount',
        'columnCount',
        'rowIndex',
        'columnIndex',
      ]);
      await ctx.sync();
      return {
        values: range.values,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
        address: range.address,
        size: [range.rowCount, range.columnCount, range.rowIndex, range.columnIndex],
      };
    });
    expect(got.values).toEqual([
      ['KPI', 'Nov-26', 'Dec-26'],
      ['On-time delivery', 0.91, 0.93],
      ['Backlog', 120, 114],
    ]);
    expect(got.formulas[2]).toEqual(['Backlog', 120, '=B3-6']);
    expect(got.numberFormat[1]).toEqual(['General', '0.0%', '0.0%']);
    expect(got.address).toBe("'Ops KPIs'!A1:C3");
    expect(got.size).toEqual([3, 3, 0, 0]);
  });

  it('reads what it wrote in the same batch, after a sync', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const values = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1:F2');
      range.values = [
        [1, 'two'],
        [true, ''],
      ];
      range.load('values');
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([
      [1, 'two'],
      [true, ''],
    ]);
    expect(sim.workbook.findSheet('Ops KPIs')!.get(0, 4)).toEqual({ value: 1 });
  });

  it('turns a string starting with = into a formula, as Excel does', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1:E3');
      range.values = [['=1+1'], ['=B2*2'], ["'=1+1"]];
      range.load('values, formulas, valueTypes');
      await ctx.sync();
      return { values: range.values, formulas: range.formulas };
    });
    // No calculation engine: constant arithmetic is evaluated, references read as empty.
    expect(got.values).toEqual([[2], [''], ['=1+1']]);
    expect(got.formulas).toEqual([['=1+1'], ['=B2*2'], ['=1+1']]);
  });

  it('keeps a string as text in a cell formatted as text (@), and after a leading apostrophe', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1:E2');
      range.numberFormat = [['@'], ['General']];
      range.values = [['=x'], ["'007"]];
      await ctx.sync();
    });
    const sheet = sim.workbook.findSheet('Ops KPIs')!;
    expect(sheet.get(0, 4)).toMatchObject({ value: '=x', numberFormat: '@' });
    expect(sheet.get(0, 4)?.formula).toBeUndefined();
    expect(sheet.get(1, 4)).toMatchObject({ value: '007', quotePrefix: true });
  });

  it('reads typed strings as Excel does: numbers, percentages, booleans, errors', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1:E5');
      range.values = [['007'], ['12.5%'], ['true'], ['#N/A'], ['Nov 26']];
      range.load('values, valueTypes, numberFormat');
      await ctx.sync();
      return { values: range.values, types: range.valueTypes, formats: range.numberFormat };
    });
    expect(got.values).toEqual([[7], [0.125], [true], ['#N/A'], ['Nov 26']]);
    expect(got.types).toEqual([['Double'], ['Double'], ['Boolean'], ['Error'], ['String']]);
    expect(got.formats[1]).toEqual(['0%']);
  });

  it('stores a typed ISO date as its 1900-system serial, the fictitious 1900-02-29 included', async () => {
    const { Excel } = openKpiWorkbook();
    const values = await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1:E5');
      range.values = [['1900-01-01'], ['1900-02-28'], ['1900-02-29'], ['1900-03-01'], ['2026-11-30']];
      range.load('values');
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([[1], [59], [60], [61], [46356]]);
  });

  it('takes a defined name for worksheet.getRange, any case, as Excel does', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const named = sheet.getRange('PL_1').load('address, values');
      const lower = sheet.getRange('pl_1').load('address');
      await ctx.sync();
      return [named.address, named.values, lower.address];
    });
    expect(got).toEqual([
      "'Ops KPIs'!B2:C3",
      [
        [0.91, 0.93],
        [120, 114],
      ],
      "'Ops KPIs'!B2:C3",
    ]);
  });

  it('leaves a cell as it is for null, and applies one value to every cell', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const row = sheet.getRange('A2:C2');
      // null means "unchanged" in Office.js; the typed surface only admits cell values.
      row.values = [[null, 1, 2]] as unknown as (string | number)[][];
      const block = sheet.getRange('E1:F2');
      block.numberFormat = '0.00' as unknown as string[][];
      row.load('values');
      block.load('numberFormat');
      await ctx.sync();
      return { row: row.values, formats: block.numberFormat };
    });
    expect(got.row).toEqual([['On-time delivery', 1, 2]]);
    expect(got.formats).toEqual([
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
  });

  it('writes arrays larger than the library splits into chunks (over 1,500 cells)', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const rows = 400;
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Notes').getRange(`B2:K${rows + 1}`).values = values;
      await ctx.sync();
    });
    expect(sim.counters.syncs).toBe(1);
    const sheet = sim.workbook.findSheet('Notes')!;
    expect(sheet.get(1, 1)?.value).toBe(0);
    expect(sheet.get(rows, 10)?.value).toBe(rows * 10 - 1);
  });

  it('navigates ranges: used range, by indexes, cell, offset, resize', async () => {
    const { Excel } = openKpiWorkbook();
    const addresses = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const ranges = [
        sheet.getUsedRange(),
        sheet.getRangeByIndexes(4, 2, 2, 12),
        sheet.getRange('C5:N9').getCell(1, 2),
        sheet.getRange('C5').getOffsetRange(2, 1).getResizedRange(0, 3),
        sheet.getRange('B:C'),
        sheet.getRange('3:4'),
      ];
      ranges.forEach((r) => r.load('address'));
      await ctx.sync();
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual([
      "'Ops KPIs'!A1:C3",
      "'Ops KPIs'!C5:N6",
      "'Ops KPIs'!E6",
      "'Ops KPIs'!D7:G7",
      "'Ops KPIs'!B:C",
      "'Ops KPIs'!3:4",
    ]);
  });

  it('sets and reads fills, font colors and bold through format', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const range = sheet.getRange('B2:C2');
      range.format.fill.color = 'yellow';
      range.format.font.color = '#c00000';
      range.format.font.bold = true;
      const mixed = sheet.getRange('B2:B3');
      range.load('format/fill/color, format/font/color, format/font/bold');
      mixed.load('format/fill/color');
      await ctx.sync();
      return {
        fill: range.format.fill.color,
        font: range.format.font.color,
        bold: range.format.font.bold,
        mixed: mixed.format.fill.color,
      };
    });
    expect(got).toEqual({ fill: '#FFFF00', font: '#C00000', bold: true, mixed: null });
  });

  it('lists, adds, hides and deletes worksheets', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add('_plumbline');
      added.visibility = 'VeryHidden';
      const missing = sheets.getItemOrNullObject('Nope');
      const present = sheets.getItemOrNullObject('notes');
      present.load('name');
      sheets.load('items/name, items/visibility');
      await ctx.sync();
      const listed = sheets.items.map((s) => [s.name, s.visibility]);
      sheets.getItem('Notes').delete();
      await ctx.sync();
      return { listed, missing: missing.isNullObject, present: [present.isNullObject, present.name] };
    });
    expect(got.listed).toEqual([
      ['Ops KPIs', 'Visible'],
      ['Notes', 'Hidden'],
      ['_plumbline', 'VeryHidden'],
    ]);
    expect(got.missing).toBe(true);
    expect(got.present).toEqual([false, 'Notes']);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(['Ops KPIs', '_plumbline']);
  });

  it('activates a sheet and selects a range', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.add('Summary').activate();
      const active = sheets.getActiveWorksheet();
      active.load('name');
      ctx.workbook.worksheets.getItem('Ops KPIs').getRange('B2:C3').select();
      const selected = ctx.workbook.getSelectedRange();
      selected.load('address');
      await ctx.sync();
      return [active.name, selected.address];
    });
    expect(got).toEqual(['Summary', "'Ops KPIs'!B2:C3"]);
  });

  it('adds, lists, reads and deletes workbook-level names', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const names = ctx.workbook.names;
      names.add('PL_2', "='Ops KPIs'!$B$1:$C$1");
      names.add('PL_WORKBOOK_ID', '="abc"');
      names.load('items/name, items/type, items/formula');
      const range = names.getItem('pl_1').getRange();
      range.load('address');
      const missing = names.getItemOrNullObject('PL_9');
      await ctx.sync();
      const listed = names.items.map((n) => [n.name, n.type, n.formula]);
      names.getItem('PL_2').delete();
      await ctx.sync();
      return { listed, address: range.address, missing: missing.isNullObject };
    });
    expect(got.listed).toEqual([
      ['PL_1', 'Range', "='Ops KPIs'!$B$2:$C$3"],
      ['PL_2', 'Range', "='Ops KPIs'!$B$1:$C$1"],
      ['PL_WORKBOOK_ID', 'String', '="abc"'],
    ]);
    expect(got.address).toBe("'Ops KPIs'!B2:C3");
    expect(got.missing).toBe(true);
    expect(sim.workbook.names.map((n) => n.name)).toEqual(['PL_1', 'PL_WORKBOOK_ID']);
  });

  it('adds custom conditional formats, lists them per sheet, and deletes them', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const listed = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const cf = sheet.getRange('B2:C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B2<>_plumbline!B2';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      await ctx.sync();
      const all = sheet.getRange().conditionalFormats;
      all.load(
        'items/id, items/type, items/custom/rule/formula, items/custom/format/fill/color, items/custom/format/font/color',
      );
      await ctx.sync();
      const ranges = all.items.map((item) => item.getRange().load('address'));
      await ctx.sync();
      return all.items.map((item, i) => ({
        type: item.type,
        formula: item.custom.rule.formula,
        fill: item.custom.format.fill.color,
        font: item.custom.format.font.color,
        address: ranges[i]!.address,
      }));
    });
    expect(listed).toEqual([
      {
        type: 'Custom',
        formula: '=B2<>_plumbline!B2',
        fill: '#FFC7CE',
        font: '#9C0006',
        address: "'Ops KPIs'!B2:C3",
      },
    ]);
    await Excel.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getItem('Ops KPIs').getRange().conditionalFormats;
      all.load('items/id');
      await ctx.sync();
      all.items[0]!.delete();
      await ctx.sync();
    });
    expect(sim.workbook.findSheet('Ops KPIs')!.conditionalFormats).toEqual([]);
  });

  it('records charts', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows');
      await ctx.sync();
    });
    expect(sim.workbook.findSheet('Ops KPIs')!.charts).toEqual([
      expect.objectContaining({
        chartType: 'Line',
        seriesBy: 'Rows',
        source: { top: 0, left: 0, bottom: 2, right: 2 },
      }),
    ]);
  });
});
