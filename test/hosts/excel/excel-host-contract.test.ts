/**
 * The port's contract for the Excel host, over Microsoft's real Excel library
 * talking to the simulated Excel. Open: the sample .xlsx as the xlsx reader
 * sees it, loaded into a simulator. Reopen: the simulator's snapshot (what a
 * saved file keeps: cells, sheets, names) loaded into a new one. A user's own
 * conditional formats are made through the library, as another add-in or
 * Excel's own UI would, and seen in the simulator's workbook; so are charts.
 */
import { rectA1 } from '../../../src/core/a1';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary, type LoadedExcel } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import type { LayoutChart } from '../../../src/core/sheet-layout';
import type { UserFormats } from '../contract/flags';
import { runHostContract } from '../contract/host-contract';
import type { SheetCharts } from '../contract/replace-sheet';

const loaded = new WeakMap<SpreadsheetHost, LoadedExcel>();

function hostOn(sim: ExcelSimulator): SpreadsheetHost {
  const excel = loadExcelLibrary(sim);
  const host = createExcelHost(excel.Excel.run);
  loaded.set(host, excel);
  return host;
}

function excelOf(host: SpreadsheetHost): LoadedExcel {
  const excel = loaded.get(host);
  if (!excel) throw new Error('not a host of this test');
  return excel;
}

async function open(bytes: Uint8Array): Promise<SpreadsheetHost> {
  return hostOn(await loadXlsx(bytes, { name: 'sample.xlsx' }));
}

async function reopen(host: SpreadsheetHost): Promise<SpreadsheetHost> {
  const { sim } = excelOf(host);
  return hostOn(ExcelSimulator.fromSnapshot(sim.snapshot(), { name: sim.workbook.name }));
}

const userFormats: UserFormats = {
  add: (host, sheet, format) =>
    excelOf(host).Excel.run(async (ctx) => {
      const added = ctx.workbook.worksheets
        .getItem(sheet)
        .getRange(format.address)
        .conditionalFormats.add('Custom');
      added.custom.rule.formula = format.formula;
      if (format.fill) added.custom.format.fill.color = format.fill;
      await ctx.sync();
    }),
  list: async (host, sheet) =>
    (excelOf(host).sim.workbook.findSheet(sheet)?.conditionalFormats ?? []).map((cf) => ({
      address: rectA1(cf.rect),
      formula: cf.formula,
      fill: cf.fill,
    })),
};

/** The simulator's record of a chart, described as a layout would. */
const charts: SheetCharts = {
  list: async (host, sheet) =>
    (excelOf(host).sim.workbook.findSheet(sheet)?.charts ?? []).map((c): LayoutChart => {
      if (c.chartType !== 'Line') throw new Error(`a ${c.chartType} chart`);
      const { from, to } = c.position ?? { from: { row: 0, column: 0 }, to: null };
      return {
        title: c.title,
        type: 'line',
        source: rectA1(c.source),
        seriesBy: c.seriesBy === 'Rows' ? 'rows' : 'columns',
        position: to ? rectA1({ top: from.row, left: from.column, bottom: to.row, right: to.column }) : '',
      };
    }),
  addUserChart: (host, sheet, source) =>
    excelOf(host).Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.charts.add('Line', ws.getRange(source), 'Columns');
      await ctx.sync();
    }),
};

runHostContract('excel (simulated)', open, { reopen, userFormats, charts });
