import { coveringRange } from '../../src/core/reconcile-workbook';

test('coveringRange: the first and last period by their days, across cadences and repeats', () => {
  const periods = ['2026-03', '2026-W01', '2026-03', '2026-Q4', '2025', '2026-12', '2026-Q4'];
  // 2025 starts first; 2026-Q4 and 2026-12 end the same day: the first seen is kept.
  expect(coveringRange(periods)).toEqual({ from: '2025', to: '2026-Q4' });
  expect(coveringRange(['2026-11'])).toEqual({ from: '2026-11', to: '2026-11' });
  expect(coveringRange([])).toEqual({ from: undefined, to: undefined });
});
