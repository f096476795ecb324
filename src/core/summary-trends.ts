/**
 * The summary's trend table and chart: the KPIs whose last known value is at
 * risk or off track, each with its last periods, and one line chart over
 * them, so a leader sees where the trouble is heading, not only where it is.
 */
import { rectA1 } from './a1';
import type { LayoutChart, LayoutValue } from './sheet-layout';
import { TREND_LENGTH, type KpiSummaryRow, type SummaryRow } from './summary';
import { HEADER_FILL, STATUS_FILLS, STATUS_LABELS, unitNumberFormat } from './summary-style';

/** Lines one chart can show and stay readable; the table lists every KPI at risk or off track. */
export const MAX_CHARTED_KPIS = 10;

/** The trend table's title, and its chart's when every KPI in the table is charted. */
export const TREND_TITLE = `KPIs at risk or off track — last ${TREND_LENGTH} periods`;

/** The chart's size in cells: about 680 × 270 pixels under the summary's column widths. */
const CHART_COLUMNS = 5;
const CHART_ROWS = 18;

/** Rows of a layout, each array one entry per row. */
export interface LayoutRows {
  values: LayoutValue[][];
  numberFormats: string[][];
  fills: string[][];
  bold: boolean[][];
}

/** The trend table's rows, to append below the hierarchy, and its chart. */
export interface TrendSection extends LayoutRows {
  /** Absent when no KPI is at risk or off track. */
  chart?: LayoutChart;
}

/**
 * At risk or off track by the last known value (`latest`), not the due
 * period's: a KPI whose due period is not reported yet is still in trouble
 * if its last number was.
 */
function inTrouble(row: SummaryRow): row is KpiSummaryRow {
  return row.kind === 'kpi' && (row.latest?.status === 'off-track' || row.latest?.status === 'at-risk');
}

/**
 * The column headers: the period keys when every KPI in the table has the same
 * periods, else positions counted back from each KPI's own period (KPIs of
 * different cadences share the columns, not the dates).
 */
function periodHeaders(kpis: readonly KpiSummaryRow[]): string[] {
  const first = kpis[0]?.trend.map((p) => p.period) ?? [];
  const shared =
    first.length === TREND_LENGTH &&
    kpis.every((k) => k.trend.length === first.length && k.trend.every((p, i) => p.period === first[i]));
  if (shared) return first;
  return Array.from({ length: TREND_LENGTH }, (_, i) =>
    i === TREND_LENGTH - 1 ? 'Period' : `−${TREND_LENGTH - 1 - i}`,
  );
}

/**
 * The trend table for the KPIs of `rows` at risk or off track (off track
 * first, tree order within), starting at row `top` of a sheet `width` columns
 * wide (at least `TREND_LENGTH + 3`): a blank row, a title, a header, one row
 * per KPI — its name and unit, its last `TREND_LENGTH` canonical values (blank
 * where none), its status and the periods covered — and a line chart of the
 * first {@link MAX_CHARTED_KPIS} of them below the table. Empty when no KPI is
 * in trouble.
 */
export function trendSection(rows: readonly SummaryRow[], top: number, width: number): TrendSection {
  const troubled = rows.filter(inTrouble);
  const kpis = [
    ...troubled.filter((k) => k.latest?.status === 'off-track'),
    ...troubled.filter((k) => k.latest?.status === 'at-risk'),
  ];
  const section: TrendSection = { values: [], numberFormats: [], fills: [], bold: [] };
  if (kpis.length === 0) return section;

  const repeat = <T>(n: number, value: T): T[] => Array.from({ length: Math.max(0, n) }, () => value);
  const push = (values: LayoutValue[], formats: string[], fills: string[], bold: boolean) => {
    const pad = <T>(row: T[], fill: T): T[] => [...row, ...repeat(width - row.length, fill)];
    section.values.push(pad(values, ''));
    section.numberFormats.push(pad(formats, 'General'));
    section.fills.push(pad(fills, ''));
    section.bold.push(pad([], bold));
  };

  push([], [], [], false);
  push([TREND_TITLE], [], [], true);
  const headerRow = top + section.values.length;
  const header = ['KPI', ...periodHeaders(kpis), 'Status', 'Periods'];
  push(header, repeat(header.length, 'General'), repeat(header.length, HEADER_FILL), true);
  for (const kpi of kpis) {
    const status = kpi.latest?.status ?? 'no-data';
    const trend = kpi.trend.slice(-TREND_LENGTH);
    // A shorter trend (never, from buildSummary) still ends in the last column.
    const gap = repeat<LayoutValue>(TREND_LENGTH - trend.length, '');
    const unit = kpi.unit.trim();
    const first = trend[0]?.period ?? '';
    const last = trend.at(-1)?.period ?? '';
    push(
      [
        unit === '' ? kpi.name : `${kpi.name} (${unit})`,
        ...gap,
        ...trend.map((p) => p.value ?? ''),
        STATUS_LABELS[status],
        first === last ? first : `${first} to ${last}`,
      ],
      [
        'General',
        ...repeat(
          TREND_LENGTH,
          unitNumberFormat(
            kpi.unit,
            trend.map((p) => p.value),
          ),
        ),
        'General',
        '@',
      ],
      [STATUS_FILLS[status], ...repeat(TREND_LENGTH, ''), STATUS_FILLS[status]],
      false,
    );
  }

  const charted = Math.min(kpis.length, MAX_CHARTED_KPIS);
  const chartTop = top + section.values.length + 1;
  section.chart = {
    title:
      charted < kpis.length ? `${TREND_TITLE} (${charted} of ${kpis.length}, off track first)` : TREND_TITLE,
    type: 'line',
    source: rectA1({ top: headerRow, left: 0, bottom: headerRow + charted, right: TREND_LENGTH }),
    seriesBy: 'rows',
    position: rectA1({
      top: chartTop,
      left: 0,
      bottom: chartTop + CHART_ROWS - 1,
      right: CHART_COLUMNS - 1,
    }),
  };
  return section;
}
