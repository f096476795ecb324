/**
 * The leaders' summary sheet: its columns, formats and colours, computed from
 * summary rows. The downloaded workbook and the sheet the add-ins write are
 * both rendered from this one layout.
 */
import type { SheetLayout, LayoutValue } from './sheet-layout';
import type { Status } from './status';
import type { SummaryRow, TrendPoint } from './summary';
import { HEADER_FILL, STATUS_FILLS, STATUS_LABELS, unitNumberFormat } from './summary-style';
import { trendSection } from './summary-trends';

export { STATUS_FILLS, STATUS_LABELS, unitNumberFormat } from './summary-style';

const COLUMNS = [
  { title: 'Pillar / program / KPI', width: 44 },
  { title: 'Owner', width: 12 },
  { title: 'Period', width: 10 },
  { title: 'Value', width: 14 },
  { title: 'Target', width: 14 },
  { title: 'Status', width: 30 },
  { title: 'Last reported', width: 14 },
  { title: 'Last period', width: 11 },
  { title: 'Trend (12 periods)', width: 18 },
  { title: 'Linked copies', width: 14 },
  { title: 'Diverging copies', width: 17 },
  { title: 'Last submitted', width: 18 },
  { title: 'Overdue', width: 11 },
  { title: 'Remediation', width: 50 },
  { title: 'Depends on', width: 40 },
] as const;

type ColumnTitle = (typeof COLUMNS)[number]['title'];

/** The index of a column, so cells are placed by name rather than by position. */
function col(title: ColumnTitle): number {
  return COLUMNS.findIndex((c) => c.title === title);
}

const TITLE_ROWS = 2;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A text sparkline of a trend, one block per period, `·` where no value was reported. */
export function sparkline(trend: readonly TrendPoint[]): string {
  const values = trend.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  return trend
    .map((p) => {
      if (p.value === null) return '·';
      const level = span === 0 ? 3 : Math.round(((p.value - min) / span) * (BLOCKS.length - 1));
      return BLOCKS[level] ?? '';
    })
    .join('');
}

/**
 * The summary sheet for `rows`: a title, a header row, then one row per node
 * indented by depth, status cells coloured, values with their units, the last
 * reported value and its period beside the due period's (so "due, not yet
 * reported" still shows the last known number), and for each KPI that is off
 * track the KPIs it depends on (where to look for a cause). Below the table,
 * the trends of the KPIs at risk or off track with a line chart over them
 * (`summary-trends.ts`).
 */
export function summarySheet(rows: readonly SummaryRow[], asOf: string): SheetLayout {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const width = COLUMNS.length;
  const blank = <T>(v: T): T[] => Array.from({ length: width }, () => v);

  const values: LayoutValue[][] = [
    [`Plumbline summary as of ${asOf}`, ...blank<LayoutValue>('').slice(1)],
    COLUMNS.map((c) => c.title),
  ];
  const numberFormats: string[][] = [blank('General'), blank('General')];
  const fills: string[][] = [blank(''), blank(HEADER_FILL)];
  const bold: boolean[][] = [blank(true), blank(true)];
  const indents: number[][] = [blank(0), blank(0)];

  for (const row of rows) {
    const isKpi = row.kind === 'kpi';
    const valueFormat = isKpi
      ? unitNumberFormat(row.unit, [
          row.value,
          row.target,
          row.latest?.value,
          ...row.trend.map((p) => p.value),
        ])
      : 'General';
    const dependsOn =
      isKpi && row.status === 'off-track' ? row.dependsOn.map((id) => names.get(id) ?? id).join(', ') : '';
    values.push([
      row.name,
      row.ownerId ?? '',
      row.period ?? '',
      row.value ?? '',
      row.target ?? '',
      isKpi ? STATUS_LABELS[row.status] : groupStatusText(row.status, row.statusCounts),
      row.latest?.value ?? '',
      row.latest?.period ?? '',
      isKpi ? sparkline(row.trend) : '',
      row.copies,
      row.divergentCopies,
      row.lastSubmittedAt ? row.lastSubmittedAt.slice(0, 16).replace('T', ' ') : '',
      isKpi ? (row.overdue ? 'Overdue' : '') : row.overdueCount > 0 ? `${row.overdueCount} overdue` : '',
      row.remediation ?? '',
      dependsOn,
    ]);
    numberFormats.push([
      'General',
      'General',
      '@',
      valueFormat,
      valueFormat,
      'General',
      valueFormat,
      '@',
      'General',
      '0',
      '0',
      '@',
      'General',
      '@',
      '@',
    ]);
    const rowFill = blank('');
    rowFill[col('Status')] = STATUS_FILLS[row.status];
    // The last known value keeps the colour of its own status, which may differ from the due period's.
    if (row.latest) rowFill[col('Last reported')] = STATUS_FILLS[row.latest.status];
    if (row.divergentCopies > 0) rowFill[col('Diverging copies')] = STATUS_FILLS['off-track'];
    if (row.overdue) rowFill[col('Overdue')] = STATUS_FILLS['at-risk'];
    fills.push(rowFill);
    bold.push(blank(!isKpi));
    const rowIndent = blank(0);
    rowIndent[col('Pillar / program / KPI')] = row.depth;
    indents.push(rowIndent);
  }

  const trends = trendSection(rows, values.length, width);
  values.push(...trends.values);
  numberFormats.push(...trends.numberFormats);
  fills.push(...trends.fills);
  bold.push(...trends.bold);
  indents.push(...trends.values.map(() => blank(0)));

  return {
    values,
    numberFormats,
    fills,
    bold,
    indents,
    columnWidths: COLUMNS.map((c) => c.width),
    frozenRows: TITLE_ROWS,
    ...(trends.chart ? { charts: [trends.chart] } : {}),
  };
}

function groupStatusText(status: Status, counts: Record<Status, number>): string {
  const parts = (['off-track', 'at-risk', 'on-track', 'no-data'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`);
  return parts.length > 0 ? `${STATUS_LABELS[status]} (${parts.join(', ')})` : STATUS_LABELS[status];
}
