/**
 * Charts in the simulated Excel: added over a range, named, titled, placed
 * over cells and deleted through Microsoft's library; recorded (not drawn),
 * counted like any request, and kept in the saved state.
 */
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { openKpiWorkbook } from './fixtures';

const chartsOf = (sim: ExcelSimulator, sheet = 'Ops KPIs') => sim.workbook.findSheet(sheet)!.charts;

describe('charts', () => {
  it('adds a line chart over a range, with its name, title and place', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const id = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const chart = sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows');
      chart.name = 'Plumbline chart 1';
      chart.title.text = 'Trends';
      chart.setPosition('A5', 'E22');
      chart.load('id');
      await ctx.sync();
      return chart.id;
    });
    expect(chartsOf(sim)).toEqual([
      {
        id,
        name: 'Plumbline chart 1',
        chartType: 'Line',
        source: { top: 0, left: 0, bottom: 2, right: 2 },
        seriesBy: 'Rows',
        title: 'Trends',
        position: { from: { row: 4, column: 0 }, to: { row: 21, column: 4 } },
      },
    ]);
    // A range works for both corners; the end range's bottom-right is covered.
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.charts
        .getItemOrNullObject('Plumbline chart 1')
        .setPosition(sheet.getRange('B2:C3'), sheet.getRange('F9:G12'));
      await ctx.sync();
    });
    expect(chartsOf(sim)[0]!.position).toEqual({ from: { row: 1, column: 1 }, to: { row: 11, column: 6 } });
    // Without an end cell Excel keeps the size, which the simulator cannot know in cells.
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets
        .getItem('Ops KPIs')
        .charts.getItemOrNullObject('Plumbline chart 1')
        .setPosition('H1');
      await ctx.sync();
    });
    expect(chartsOf(sim)[0]!.position).toEqual({ from: { row: 0, column: 7 }, to: null });
  });

  it('reads back the title; names charts Chart 1, Chart 2 by default', async () => {
    const { Excel } = openKpiWorkbook();
    const got = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows').title.text = 'First';
      sheet.charts.add('Line', sheet.getRange('A1:C2'), 'Columns');
      const charts = sheet.charts.load('items/name,items/title/text');
      await ctx.sync();
      return charts.items.map((c) => [c.name, c.title.text]);
    });
    expect(got).toEqual([
      ['Chart 1', 'First'],
      ['Chart 2', ''],
    ]);
  });

  it('deletes a chart by name; deleting one that is not there does nothing, in the same request', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows').name = 'Old';
      sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows').name = 'Kept';
      await ctx.sync();
    });
    sim.resetCounters();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.charts.getItemOrNullObject('Old').delete();
      sheet.charts.getItemOrNullObject('Never there').delete();
      await ctx.sync();
    });
    expect(chartsOf(sim).map((c) => c.name)).toEqual(['Kept']);
    expect(sim.counters.syncs).toBe(1);
    const found = await Excel.run(async (ctx) => {
      const old = ctx.workbook.worksheets.getItem('Ops KPIs').charts.getItemOrNullObject('Old').load('name');
      await ctx.sync();
      return old.isNullObject;
    });
    expect(found).toBe(true);
  });

  it('refuses a start cell that is not a range', async () => {
    const { Excel } = openKpiWorkbook();
    await expect(
      Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
        sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows').setPosition('not a cell');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('keeps charts, titles and places in the saved state', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      const chart = sheet.charts.add('Line', sheet.getRange('A1:C3'), 'Rows');
      chart.title.text = 'Trends';
      chart.setPosition('A5', 'E22');
      await ctx.sync();
    });
    const again = ExcelSimulator.fromState(JSON.parse(JSON.stringify(sim.saveState())));
    expect(chartsOf(again)).toEqual(chartsOf(sim));
    const title = await loadExcelLibrary(again).Excel.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem('Ops KPIs').charts.load('items/title/text');
      await ctx.sync();
      return charts.items[0]?.title.text;
    });
    expect(title).toBe('Trends');
  });

  it('reads a state saved before charts had titles and places', () => {
    const state = openKpiWorkbook().sim.saveState();
    const old = {
      ...state,
      sheets: state.sheets.map((s, i) =>
        i === 0
          ? {
              ...s,
              charts: [
                {
                  id: '{c}',
                  name: 'Chart 1',
                  chartType: 'Line',
                  source: { top: 0, left: 0, bottom: 2, right: 2 },
                  seriesBy: 'Rows',
                },
              ],
            }
          : s,
      ),
    } as unknown as ReturnType<ExcelSimulator['saveState']>;
    expect(chartsOf(ExcelSimulator.fromState(old))[0]).toMatchObject({ title: '', position: null });
  });
});
