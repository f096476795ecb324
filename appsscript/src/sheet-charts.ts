/**
 * The charts of a sheet `replaceSheet` writes whole, as Sheets' embedded
 * charts. Sheets gives a chart no name, so the ids of the charts drawn are
 * kept in the sheet's own developer metadata (a sheet may hold some; a chart
 * may not): a refresh removes exactly those, and a user's charts stay.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertchartchart
 */
import { requireA1 } from '../../src/core/a1';
import type { LayoutChart } from '../../src/core/sheet-layout';
import { ensureSize } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const CHART_IDS_KEY = 'plumbline.charts';

function idsOf(value: string | null): number[] {
  try {
    const parsed = JSON.parse(value ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((id): id is number => typeof id === 'number') : [];
  } catch {
    // Metadata someone else edited: no ids we can trust, so no chart of theirs is removed.
    return [];
  }
}

/** Removes the charts an earlier `replaceSheet` drew on `sheet`, and forgets their ids. */
export function removeOwnCharts(sheet: Sheet): void {
  const marks = sheet.getDeveloperMetadata().filter((m) => m.getKey() === CHART_IDS_KEY);
  if (marks.length === 0) return;
  const ids = new Set(marks.flatMap((m) => idsOf(m.getValue())));
  for (const chart of sheet.getCharts()) if (ids.has(chart.getChartId() ?? -1)) sheet.removeChart(chart);
  marks.forEach((m) => m.remove());
}

/**
 * Draws the layout's charts: a line chart over its source (first row and
 * column as labels; transposed when each row is a series), titled, anchored
 * on its position's top-left cell and as wide and high as the cells it covers.
 * Call it after the source's values are written.
 */
export function addCharts(sheet: Sheet, charts: readonly LayoutChart[]): void {
  if (charts.length === 0) return;
  const before = new Set(sheet.getCharts().map((c) => c.getChartId()));
  for (const layout of charts) {
    const { top, left, bottom, right } = requireA1(layout.position);
    ensureSize(sheet, bottom + 1, right + 1);
    let width = 0;
    for (let c = left; c <= right; c++) width += sheet.getColumnWidth(c + 1);
    let height = 0;
    for (let r = top; r <= bottom; r++) height += sheet.getRowHeight(r + 1);
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange(layout.source))
      .setTransposeRowsAndColumns(layout.seriesBy === 'rows')
      .setNumHeaders(1)
      .setOption('title', layout.title)
      .setOption('width', width)
      .setOption('height', height)
      .setPosition(top + 1, left + 1, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  const drawn = sheet
    .getCharts()
    .map((c) => c.getChartId())
    .filter((id): id is number => id !== null && !before.has(id));
  sheet.addDeveloperMetadata(CHART_IDS_KEY, JSON.stringify(drawn));
}
