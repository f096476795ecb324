/**
 * The port's contract for the Sheets add-on: the built `Code.js` running in
 * the Apps Script fake, reached from the sidebar's port over
 * `google.script.run`. Open: the sample .xlsx as Sheets imports it. Reopen:
 * the add-on loaded again over the same spreadsheet (Sheets saves as it goes;
 * what persists is the spreadsheet, never the script's memory). A user's own
 * conditional formats and charts are made with SpreadsheetApp, as a user's
 * script would; charts are seen in the fake's sheet, described as a layout
 * would (the cells a chart covers from its anchor cell and its pixel size).
 */
import { rectA1 } from '../../../src/core/a1';
import type { LayoutChart } from '../../../src/core/sheet-layout';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { ConditionalFormatRuleBuilder } from '../../../src/sim/apps-script/conditional-format';
import type { FakeSheet } from '../../../src/sim/apps-script/sheet';
import type { UserFormats } from '../contract/flags';
import type { SheetCharts } from '../contract/replace-sheet';
import { runHostContract } from '../contract/host-contract';
import { addOnOn, openXlsxInSheets, type LoadedAddOn } from './load-addon';

const loaded = new WeakMap<SpreadsheetHost, LoadedAddOn>();

function remember(addOn: LoadedAddOn): SpreadsheetHost {
  loaded.set(addOn.host, addOn);
  return addOn.host;
}

function addOnOf(host: SpreadsheetHost): LoadedAddOn {
  const addOn = loaded.get(host);
  if (!addOn) throw new Error('not a host of this test');
  return addOn;
}

const open = async (bytes: Uint8Array) => remember(await openXlsxInSheets(bytes));
const reopen = async (host: SpreadsheetHost) => remember(addOnOn(addOnOf(host).project.spreadsheet));

const userFormats: UserFormats = {
  add: async (host, sheetName, format) => {
    const sheet = addOnOf(host).project.spreadsheet.getSheetByName(sheetName)!;
    const rule = new ConditionalFormatRuleBuilder()
      .whenFormulaSatisfied(format.formula)
      .setBackground(format.fill)
      .setRanges([sheet.getRange(format.address)])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
  },
  list: async (host, sheetName) =>
    addOnOf(host)
      .project.spreadsheet.getSheetByName(sheetName)!
      .getConditionalFormatRules()
      .map((rule) => ({
        address: rectA1(rule.getRanges()[0]!.rect),
        formula: rule.getBooleanCondition()!.getCriteriaValues()[0]!,
        fill: rule.getBooleanCondition()!.getBackground()?.toUpperCase() ?? null,
      })),
};

const sheetOf = (host: SpreadsheetHost, name: string): FakeSheet =>
  addOnOf(host).project.spreadsheet.getSheetByName(name)!;

/** The last of the cells from `first` on whose sizes add up to `pixels` (at least `first` itself). */
function lastCovered(first: number, pixels: number, size: (i: number) => number): number {
  let last = first;
  for (let covered = size(first); covered < pixels; covered += size(last)) last += 1;
  return last;
}

const charts: SheetCharts = {
  list: async (host, sheetName) => {
    const sheet = sheetOf(host, sheetName);
    return sheet.getCharts().map((chart): LayoutChart => {
      const info = chart.getContainerInfo();
      const options = chart.getOptions();
      const top = info.getAnchorRow() - 1;
      const left = info.getAnchorColumn() - 1;
      const right = lastCovered(left, Number(options.get('width') ?? 0), (c) => sheet.getColumnWidth(c + 1));
      const bottom = lastCovered(top, Number(options.get('height') ?? 0), (r) => sheet.getRowHeight(r + 1));
      const type = chart.modify().getChartType();
      if (type !== 'LINE') throw new Error(`a ${type} chart is not one a layout describes`);
      return {
        title: String(options.get('title') ?? ''),
        type: 'line',
        source: chart.getRanges()[0]!.getA1Notation(),
        seriesBy: chart.getTransposeRowsAndColumns() ? 'rows' : 'columns',
        position: rectA1({ top, left, bottom, right }),
      };
    });
  },
  addUserChart: async (host, sheetName, source) => {
    const sheet = sheetOf(host, sheetName);
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange(source))
      .setPosition(2, 8, 0, 0)
      .build();
    sheet.insertChart(chart);
  },
};

runHostContract('sheets (Code.js in the Apps Script fake)', open, { reopen, userFormats, charts });
