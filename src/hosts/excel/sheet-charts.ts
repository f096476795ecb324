/**
 * The charts of a sheet `replaceSheet` writes whole. Each is named by its
 * place in the layout (`Plumbline chart 1`, …), so a refresh deletes the ones
 * drawn before by name — `getItemOrNullObject(name).delete()` does nothing
 * when there is none — in the same request as the rest of the write, without
 * first asking the sheet which charts it holds: no sync of its own. Charts of
 * other names (a user's) are left where they are.
 *
 * Everything here is ExcelApi 1.1 but `getItemOrNullObject` (1.4), within the
 * manifest's 1.9.
 */
import { cellA1, requireA1 } from '../../core/a1';
import type { LayoutChart } from '../../core/sheet-layout';
import { MAX_CHARTS } from '../port-checks';
import type { ExcelWorksheet } from './excel-types';
import { jsonBytes } from './payload';

export const CHART_NAME_PREFIX = 'Plumbline chart ';

/** The name of the layout's `index`-th chart (from 0). */
export function chartName(index: number): string {
  return `${CHART_NAME_PREFIX}${index + 1}`;
}

/**
 * What removing and adding charts add to a request, measured on the library's
 * requests (about 310 bytes per null-object delete; 1,100 per chart with its
 * source range, name and position, plus its title) and rounded up.
 */
const REMOVE_BYTES = MAX_CHARTS * 400;
const CHART_BYTES = 1_500;

export function chartsBytes(charts: readonly LayoutChart[]): number {
  return REMOVE_BYTES + charts.reduce((sum, c) => sum + CHART_BYTES + jsonBytes(c.title), 0);
}

/** Queues the deletion of every chart an earlier `replaceSheet` drew on `sheet`. */
export function removeOwnCharts(sheet: ExcelWorksheet): void {
  for (let i = 0; i < MAX_CHARTS; i++) sheet.charts.getItemOrNullObject(chartName(i)).delete();
}

/**
 * Queues the layout's charts: a line chart over its source (first row and
 * column as labels, as Excel reads a block with text along its top and left),
 * named, titled and placed over its cells. Queue it after the source's values,
 * so Excel sees its labels.
 */
export function addCharts(sheet: ExcelWorksheet, charts: readonly LayoutChart[]): void {
  charts.forEach((layout, i) => {
    const chart = sheet.charts.add(
      'Line',
      sheet.getRange(layout.source),
      layout.seriesBy === 'rows' ? 'Rows' : 'Columns',
    );
    chart.name = chartName(i);
    chart.title.text = layout.title;
    const { top, left, bottom, right } = requireA1(layout.position);
    chart.setPosition(cellA1(top, left), cellA1(bottom, right));
  });
}
