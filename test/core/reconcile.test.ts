import { applyScale, reconcile } from '../../src/core/reconcile';
import { coveringRange } from '../../src/core/reconcile-workbook';

const truth = (kpiId: string, period: string, value: number, revision = 1) => ({
  kpiId,
  period,
  value,
  revision,
  submittedBy: 'olivia',
  submittedAt: '2026-11-02T09:00:00.000Z',
});

test('scaling keeps the number a person typed: 75.8 points are 0.758', () => {
  expect(applyScale(75.8, 0.01)).toBe(0.758);
  expect(applyScale(24.31, 1000)).toBe(24310);
});

test('one verdict per linked cell, the latest revision as truth, blanks on both sides left out', () => {
  const cells = ['C5', 'D5', 'E5', 'F5', 'G5'].map((address, column) => ({
    kpiId: 'claims.turnaround_days',
    period: `2026-0${column + 1}`,
    row: 0,
    column,
    address,
  }));
  const result = reconcile(
    [
      {
        linkId: 'L1',
        sheet: 'Ops KPIs',
        scale: 1,
        cells,
        values: [[8.1, '7.9', '#DIV/0!', 'n/a', '']],
        formulas: [['', '', '=1/0', '', '']],
      },
    ],
    [
      truth('claims.turnaround_days', '2026-01', 8.0),
      truth('claims.turnaround_days', '2026-01', 8.1, 2),
      truth('claims.turnaround_days', '2026-02', 7.93),
      truth('claims.turnaround_days', '2026-04', 7.4),
    ],
    new Map(),
  );
  expect(result.cells.map((c) => [c.address, c.verdict])).toEqual([
    ['C5', 'match'],
    ['D5', 'match'],
    ['E5', 'unreadable'],
    ['F5', 'canonical-only'],
  ]);
  expect(result.cells[0]).toMatchObject({ canonical: 8.1, revision: 2, submittedBy: 'olivia' });
  expect(result.cells[2]).toMatchObject({
    isFormula: true,
    local: null,
    unreadable: expect.stringContaining('#DIV/0!'),
  });
  expect(result.observations[2]).toEqual({
    linkId: 'L1',
    kpiId: 'claims.turnaround_days',
    period: '2026-03',
    value: { unreadable: '#DIV/0!' },
  });
});

test('the KPI tolerance decides: uptime within 0.0005 matches, beyond it diverges', () => {
  const cells = [0, 1].map((column) => ({
    kpiId: 'platform.uptime',
    period: `2026-0${column + 1}`,
    row: 0,
    column,
    address: `C${column}`,
  }));
  const result = reconcile(
    [{ linkId: 'L', sheet: 'S', scale: 1, cells, values: [[0.9914, 0.9876]] }],
    [truth('platform.uptime', '2026-01', 0.991), truth('platform.uptime', '2026-02', 0.987)],
    new Map([['platform.uptime', { abs: 0.0005 }]]),
  );
  expect(result.cells.map((c) => c.verdict)).toEqual(['match', 'diverged']);
});

test('the canonical request covers periods of several cadences by their days', () => {
  expect(coveringRange(['2026-W02', '2026-03', '2025-Q4'])).toEqual({ from: '2025-Q4', to: '2026-03' });
  expect(coveringRange([])).toEqual({ from: undefined, to: undefined });
});
