import { linkCells, type HeaderCell } from '../../src/core/link-cells';

const month = (id: string) => ({ id, cadence: 'month' as const });
const week = (id: string) => ({ id, cadence: 'week' as const });
/** ops-monthly.xlsx's header row: real dates (Excel serials) formatted mmm-yy, Jan–Dec 2026. */
const monthsHeader: HeaderCell[][] = [
  [46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266, 46296, 46327, 46357].map((value) => ({
    value,
    numberFormat: 'mmm-yy',
  })),
];

test('a row of values under a row of dates is a series, one cell per month', () => {
  const result = linkCells(
    { values: 'C5:N5', periods: 'C4:N4', kpis: [month('claims.turnaround_days')] },
    monthsHeader,
  );
  if (!result.ok) throw new Error(result.problems.join());
  expect(result.layout).toBe('series');
  expect(result.orientation).toBe('rows');
  expect(result.cells).toHaveLength(12);
  expect(result.cells[9]).toEqual({
    kpiId: 'claims.turnaround_days',
    period: '2026-10',
    row: 0,
    column: 9,
    address: 'L5',
  });
});

test('a block of rows is a grid with one KPI per row, in order', () => {
  const result = linkCells(
    {
      values: 'C5:N7',
      periods: 'C4:N4',
      kpis: [month('claims.turnaround_days'), month('claims.manual_rate'), month('ops.fte')],
    },
    monthsHeader,
  );
  if (!result.ok) throw new Error(result.problems.join());
  expect(result.layout).toBe('grid');
  expect(result.cells.filter((c) => c.kpiId === 'ops.fte').map((c) => c.address)[0]).toBe('C7');
});

test('a column beside a header column (weekly-backlog.xlsx)', () => {
  const header = [
    [{ value: 46174, numberFormat: 'dd/mm/yyyy' }],
    [{ value: 46181, numberFormat: 'dd/mm/yyyy' }],
  ];
  const result = linkCells({ values: 'B2:B3', periods: 'A2:A3', kpis: [week('claims.backlog')] }, header);
  if (!result.ok) throw new Error(result.problems.join());
  expect(result.orientation).toBe('columns');
  expect(result.cells.map((c) => [c.address, c.period])).toEqual([
    ['B2', '2026-W23'],
    ['B3', '2026-W24'],
  ]);
});

test('a weekly KPI on month headers is refused with a message that says so', () => {
  const result = linkCells({ values: 'C5:N5', periods: 'C4:N4', kpis: [week('claims.backlog')] }, [
    monthsHeader[0]!.map(() => ({ value: 'Nov-26' })),
  ]);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]).toMatch(/claims\.backlog is reported every week.*C4.*month.*weekly/);
});

test('fiscal quarters read with the configured year start', () => {
  const header = [['Q1 FY26', 'Q2 FY26'].map((value) => ({ value }))];
  const result = linkCells(
    {
      values: 'B4:C4',
      periods: 'B3:C3',
      kpis: [{ id: 'claims.cost_per_claim', cadence: 'quarter' }],
      fiscalYearStartMonth: 4,
    },
    header,
  );
  expect(result.ok && result.cells.map((c) => c.period)).toEqual(['2025-Q2', '2025-Q3']);
});

test('shapes that do not fit are refused', () => {
  const kpis = [month('a'), month('b')];
  expect(linkCells({ values: 'C5:N5', periods: 'C4:N4', kpis }, monthsHeader)).toMatchObject({
    ok: false,
    problems: [expect.stringMatching(/1 row of values but 2 KPIs/)],
  });
  expect(linkCells({ values: 'C5:N5', periods: 'D4:N4', kpis: [month('a')] }, monthsHeader)).toMatchObject({
    ok: false,
  });
  expect(linkCells({ values: 'C5:N5', kpis: [month('a')] })).toMatchObject({ ok: false });
  expect(linkCells({ values: 'nonsense', period: '2026-10', kpis: [month('a')] })).toMatchObject({
    ok: false,
  });
});

test('a blank header cell and a repeated period are refused', () => {
  const header = [[{ value: 'Jan-26' }, { value: '' }, { value: 'Jan 2026' }]];
  const result = linkCells({ values: 'C5:E5', periods: 'C4:E4', kpis: [month('a')] }, header);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems.join('\n')).toMatch(/D4 is empty/);
  expect(result.problems.join('\n')).toMatch(/C4 and E4 are both 2026-01/);
});

test('one cell with a fixed period; the key must fit the cadence', () => {
  expect(linkCells({ values: 'B7', period: '2026-10', kpis: [month('ops.fte')] })).toEqual({
    ok: true,
    layout: 'cell',
    orientation: 'rows',
    cells: [{ kpiId: 'ops.fte', period: '2026-10', row: 0, column: 0, address: 'B7' }],
  });
  expect(linkCells({ values: 'B7', period: '2026-W40', kpis: [month('ops.fte')] })).toMatchObject({
    ok: false,
    problems: [expect.stringMatching(/not a month period key.*2026-11/)],
  });
});
