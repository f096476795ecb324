import demoModel from '../../src/store/demo/model.json';
import { modelSchema } from '../../src/core/model';
import { buildSummary } from '../../src/core/summary';
import { sparkline, STATUS_FILLS, summarySheet, unitNumberFormat } from '../../src/core/summary-sheet';

const nodes = modelSchema.parse({ nodes: demoModel.nodes }).nodes;
const at = (period: string, value: number, kpiId = 'platform.uptime') => ({
  kpiId,
  period,
  value,
  revision: 1,
  submittedBy: 'ian',
  submittedAt: '2026-07-02T09:00:00.000Z',
  remediation: 'Second region live in July',
});

const rows = buildSummary({
  nodes: [...nodes, { id: 'odd', kind: 'pillar', name: '=HYPERLINK("http://x","y")' }],
  readings: [at('2026-05', 0.995), at('2026-06', 0.978)],
  links: [{ id: 'L1', kpiIds: ['platform.uptime'] }],
  observations: [{ linkId: 'L1', kpiId: 'platform.uptime', period: '2026-06', verdict: 'diverged' }],
  asOf: '2026-07-10',
});
const sheet = summarySheet(rows, '2026-07-10');
const rowOf = (name: string) => sheet.values.findIndex((r) => r[0] === name);
/** A column by its header, so the tests do not depend on where it sits. */
const col = (title: string) => {
  const index = sheet.values[1]!.indexOf(title);
  if (index < 0) throw new Error(`no column ${title}`);
  return index;
};

test('a title, a header, then one row per node; every array is rectangular', () => {
  expect(sheet.values[0]![0]).toBe('Plumbline summary as of 2026-07-10');
  expect(sheet.values.slice(2, 2 + rows.length).map((r) => r[0])).toEqual(rows.map((r) => r.name));
  // Then the trend table of the one KPI off track (summary-trends.test.ts): blank, title, header, its row.
  expect(sheet.values).toHaveLength(2 + rows.length + 4);
  const width = sheet.values[1]!.length;
  for (const grid of [sheet.values, sheet.numberFormats!, sheet.fills!, sheet.bold!, sheet.indents!]) {
    expect(grid.every((row) => row.length === width)).toBe(true);
  }
  expect(sheet.columnWidths).toHaveLength(width);
});

test('an off-track KPI: coloured status, its value with its unit, the remediation, diverging copies flagged', () => {
  const r = rowOf('Claims platform uptime');
  expect(sheet.values[r]!.slice(1, 6)).toEqual(['ian', '2026-06', 0.978, 0.995, 'Off track']);
  expect(sheet.fills![r]![5]).toBe(STATUS_FILLS['off-track']);
  expect(sheet.numberFormats![r]![3]).toBe('0.0%');
  expect(sheet.values[r]![col('Remediation')]).toBe('Second region live in July');
  expect(sheet.values[r]![col('Diverging copies')]).toBe(1);
  expect(sheet.fills![r]![col('Diverging copies')]).toBe(STATUS_FILLS['off-track']);
  expect(sheet.indents![r]![0]).toBe(2);
});

test('the KPIs an off-track KPI depends on are named, so a leader knows where to look', () => {
  const summary = buildSummary({
    nodes,
    readings: [{ ...at('2026-10', 7.9, 'claims.turnaround_days'), submittedBy: 'olivia' }],
    links: [],
    observations: [],
    asOf: '2026-11-24',
  });
  const layout = summarySheet(summary, '2026-11-24');
  const r = layout.values.findIndex((row) => row[0] === 'Claims turnaround time');
  expect(layout.values[r]![col('Depends on')]).toBe('Manual intervention rate, Claims platform uptime');
});

test('the last reported value and its period stand beside a period that is due, in their own status colour', () => {
  // In August, July's uptime is due and missing: June's dip is the last known number.
  const august = summarySheet(
    buildSummary({
      nodes,
      readings: [at('2026-05', 0.995), at('2026-06', 0.978)],
      links: [],
      observations: [],
      asOf: '2026-08-05',
    }),
    '2026-08-05',
  );
  const r = august.values.findIndex((row) => row[0] === 'Claims platform uptime');
  expect(august.values[r]!.slice(2, 8)).toEqual(['2026-07', '', 0.995, 'No data', 0.978, '2026-06']);
  expect(august.fills![r]![col('Status')]).toBe(STATUS_FILLS['no-data']);
  expect(august.fills![r]![col('Last reported')]).toBe(STATUS_FILLS['off-track']);
  expect(august.numberFormats![r]![col('Last reported')]).toBe('0.0%');
  expect(august.values[r]![col('Overdue')]).toBe('Overdue');
  // Nothing ever reported, and group rows: blank.
  const fcr = august.values.findIndex((row) => row[0] === 'First-contact resolution');
  expect(august.values[fcr]!.slice(col('Last reported'), col('Last period') + 1)).toEqual(['', '']);
  const pillar = august.values.findIndex((row) => row[0] === 'Digital platform');
  expect(august.values[pillar]![col('Last reported')]).toBe('');
});

test('pillars and programs are bold and count their KPIs by status', () => {
  const r = rowOf('Cloud claims migration');
  expect(sheet.bold![r]![0]).toBe(true);
  expect(sheet.values[r]![5]).toBe('Off track (1 off track, 1 no data)');
});

test('text that looks like a formula stays a string value', () => {
  expect(sheet.values[rowOf('=HYPERLINK("http://x","y")')]![0]).toBe('=HYPERLINK("http://x","y")');
});

test('units become number formats that show them', () => {
  expect(unitNumberFormat('%')).toBe('0.0%');
  expect(unitNumberFormat('%', [0.7385])).toBe('0.00%');
  // Integers show without a trailing point (`#,##0.##` showed 419 FTE as "419. FTE").
  expect(unitNumberFormat('FTE', [419, 410])).toBe('#,##0 "FTE"');
  expect(unitNumberFormat('days', [6.7, 6.4, 7])).toBe('#,##0.0 "days"');
  expect(unitNumberFormat('EUR', [126.4, 0.1 + 0.2])).toBe('#,##0.0 "EUR"');
  expect(unitNumberFormat('', [1.23456])).toBe('#,##0.000');
  expect(unitNumberFormat('"in"')).toBe('#,##0 "in"');
});

test('a trend as a sparkline: higher values, taller blocks; gaps as dots', () => {
  expect(
    sparkline([
      { period: 'a', value: 1 },
      { period: 'b', value: null },
      { period: 'c', value: 3 },
    ]),
  ).toBe('▁·█');
  expect(sparkline([{ period: 'a', value: null }])).toBe('');
  expect(
    sparkline([
      { period: 'a', value: 5 },
      { period: 'b', value: 5 },
    ]),
  ).toBe('▄▄');
});
