import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { kpiWorkbook, openKpiWorkbook } from './fixtures';

describe('the simulated workbook as data', () => {
  it('gives back the snapshot it was made from', () => {
    expect(ExcelSimulator.fromSnapshot(kpiWorkbook()).snapshot()).toEqual(kpiWorkbook());
  });

  it('snapshots what was written, dense from A1, with very hidden sheets and range names only', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const meta = ctx.workbook.worksheets.add('_plumbline');
      meta.visibility = 'VeryHidden';
      meta.getRange('B2').values = [["'=x"]];
      ctx.workbook.names.add('PL_WORKBOOK', '="abc"');
      ctx.workbook.names.add('PL_2', '=_plumbline!$B$2');
      await ctx.sync();
    });
    const snapshot = sim.snapshot();
    expect(snapshot.sheets[2]).toEqual({
      name: '_plumbline',
      visibility: 'veryHidden',
      values: [
        ['', ''],
        ['', '=x'],
      ],
      formulas: [
        ['', ''],
        ['', ''],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', 'General'],
      ],
    });
    expect(snapshot.names).toEqual([
      { name: 'PL_1', sheet: 'Ops KPIs', address: 'B2:C3' },
      { name: 'PL_2', sheet: '_plumbline', address: 'B2' },
    ]);
  });

  it('saves and restores everything: formats, conditional formats, charts, constant names, selection', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.getRange('B2').format.fill.color = '#FFC7CE';
      const cf = sheet.getRange('B2:C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B2>1';
      cf.custom.format.fill.color = '#FFEB9C';
      sheet.charts.add('Line', sheet.getRange('A1:C3'));
      ctx.workbook.names.add('PL_ID', '="abc"');
      sheet.getRange('C3').select();
      await ctx.sync();
    });
    const again = ExcelSimulator.fromState(JSON.parse(JSON.stringify(sim.saveState())));
    expect(again.saveState()).toEqual(sim.saveState());
    const { Excel: Excel2 } = await import('../../../src/sim/excel/load-library').then((m) =>
      m.loadExcelLibrary(again),
    );
    const got = await Excel2.run(async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem('Ops KPIs').getRange().conditionalFormats;
      formats.load('items/custom/rule/formula');
      const selected = ctx.workbook.getSelectedRange().load('address');
      const name = ctx.workbook.names.getItem('PL_ID').load('formula');
      await ctx.sync();
      return [formats.items.map((f) => f.custom.rule.formula), selected.address, name.formula];
    });
    expect(got).toEqual([['=B2>1'], "'Ops KPIs'!C3", '="abc"']);
  });
});
