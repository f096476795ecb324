import demoModel from '../../src/store/demo/model.json';
import { parseA1, rectSize } from '../../src/core/a1';
import { modelSchema, type ModelNode } from '../../src/core/model';
import { buildSummary, type SummaryReading } from '../../src/core/summary';
import { STATUS_FILLS, summarySheet } from '../../src/core/summary-sheet';
import { MAX_CHARTED_KPIS, TREND_TITLE } from '../../src/core/summary-trends';
import type { SheetLayout } from '../../src/core/sheet-layout';

const nodes = modelSchema.parse({ nodes: demoModel.nodes }).nodes;

let revision = 0;
function reading(kpiId: string, period: string, value: number): SummaryReading {
  return {
    kpiId,
    period,
    value,
    revision: ++revision,
    submittedBy: 'someone',
    submittedAt: '2026-07-02T09:00:00.000Z',
    remediation: 'A plan',
  };
}

function layout(readings: SummaryReading[], asOf: string, model: readonly ModelNode[] = nodes): SheetLayout {
  return summarySheet(buildSummary({ nodes: model, readings, links: [], observations: [], asOf }), asOf);
}

/** The row index of the trend table's title, or -1. */
const titleRow = (sheet: SheetLayout) => sheet.values.findIndex((r) => r[0] === TREND_TITLE);

test('a KPI off track: its name and unit, its 12 periods with blanks, its status and periods; a line chart over it', () => {
  const sheet = layout(
    [reading('platform.uptime', '2026-05', 0.995), reading('platform.uptime', '2026-06', 0.978)],
    '2026-07-10',
  );
  const t = titleRow(sheet);
  expect(t).toBeGreaterThan(2);
  expect(sheet.values[t - 1]!.every((v) => v === '')).toBe(true);
  expect(sheet.bold![t]![0]).toBe(true);
  const header = sheet.values[t + 1]!;
  // Every KPI in the table has the same months: they head the columns.
  expect(header.slice(0, 3)).toEqual(['KPI', '2025-07', '2025-08']);
  expect(header.slice(12, 15)).toEqual(['2026-06', 'Status', 'Periods']);
  const row = sheet.values[t + 2]!;
  expect(row[0]).toBe('Claims platform uptime (%)');
  expect(row.slice(1, 11)).toEqual(new Array(10).fill(''));
  expect(row.slice(11, 13)).toEqual([0.995, 0.978]);
  expect(row.slice(13)).toEqual(['Off track', '2025-07 to 2026-06']);
  expect(sheet.numberFormats![t + 2]![12]).toBe('0.0%');
  expect(sheet.fills![t + 2]![13]).toBe(STATUS_FILLS['off-track']);
  expect(sheet.values).toHaveLength(t + 3);

  expect(sheet.charts).toEqual([
    {
      title: TREND_TITLE,
      type: 'line',
      source: `A${t + 2}:M${t + 3}`,
      seriesBy: 'rows',
      position: `A${t + 5}:E${t + 22}`,
    },
  ]);
});

test('nothing at risk or off track: no trend table and no chart', () => {
  const sheet = layout([reading('platform.uptime', '2026-06', 0.999)], '2026-07-10');
  expect(titleRow(sheet)).toBe(-1);
  expect(sheet.charts).toBeUndefined();
  const empty = layout([], '2026-07-10');
  expect(empty.charts).toBeUndefined();
  expect(empty.values).toHaveLength(2 + nodes.length);
});

test('the last known value decides: a due period not yet reported keeps an off-track KPI in the table', () => {
  // In August, July is due and missing; June's 0.978 is off track.
  const sheet = layout([reading('platform.uptime', '2026-06', 0.978)], '2026-08-05');
  const t = titleRow(sheet);
  expect(sheet.values[t + 2]!.slice(11, 14)).toEqual([0.978, '', 'Off track']);
});

test('off track before at risk; different cadences share positions, not dates', () => {
  const sheet = layout(
    [
      // At risk (amber 7.0 < 7.2 < red 7.6), monthly, first in tree order.
      reading('claims.turnaround_days', '2026-06', 7.2),
      // Off track (below red 25), quarterly.
      reading('service.nps', '2026-Q2', 20),
    ],
    '2026-07-10',
  );
  const t = titleRow(sheet);
  const header = sheet.values[t + 1]!;
  expect(header.slice(0, 2)).toEqual(['KPI', '−11']);
  expect(header.slice(11, 13)).toEqual(['−1', 'Period']);
  expect(sheet.values[t + 2]!.slice(0, 1)).toEqual(['Customer NPS (points)']);
  expect(sheet.values[t + 2]!.slice(12, 15)).toEqual([20, 'Off track', '2023-Q3 to 2026-Q2']);
  expect(sheet.values[t + 3]![0]).toBe('Claims turnaround time (days)');
  expect(sheet.values[t + 3]!.slice(13)).toEqual(['At risk', '2025-07 to 2026-06']);
  expect(sheet.charts?.[0]?.source).toBe(`A${t + 2}:M${t + 4}`);
});

test(`the chart shows the first ${MAX_CHARTED_KPIS} KPIs and says so; the table lists them all`, () => {
  const many: ModelNode[] = Array.from({ length: 12 }, (_, i) => ({
    ...nodes.find((n) => n.id === 'platform.uptime')!,
    id: `uptime.${i}`,
    name: `Uptime ${i}`,
  })) as ModelNode[];
  const sheet = layout(
    many.map((k) => reading(k.id, '2026-06', 0.9)),
    '2026-07-10',
    [...nodes, ...many],
  );
  const t = titleRow(sheet);
  expect(sheet.values.slice(t + 2).map((r) => r[0])).toEqual(many.map((k) => `${k.name} (%)`));
  const [chart] = sheet.charts!;
  expect(chart!.title).toBe(`${TREND_TITLE} (${MAX_CHARTED_KPIS} of 12, off track first)`);
  expect(rectSize(parseA1(chart!.source)!)).toEqual({ rows: MAX_CHARTED_KPIS + 1, columns: 13 });
});

test("every grid stays rectangular and the chart's source lies within the values", () => {
  const sheet = layout([reading('platform.uptime', '2026-06', 0.978)], '2026-07-10');
  const width = sheet.values[0]!.length;
  for (const grid of [sheet.values, sheet.numberFormats!, sheet.fills!, sheet.bold!, sheet.indents!]) {
    expect(grid).toHaveLength(sheet.values.length);
    expect(grid.every((row) => row.length === width)).toBe(true);
  }
  const source = parseA1(sheet.charts![0]!.source)!;
  expect(source.bottom).toBeLessThan(sheet.values.length);
  expect(source.right).toBeLessThan(width);
});
