/** Numbers and periods as a finance team reads them in the pane. */
import { formatPeriod, formatValue } from '../../../src/taskpane/shell/format';

test.each([
  ['2026-10', 'Oct 2026'],
  ['2026-01', 'Jan 2026'],
  ['2026-Q3', 'Q3 2026'],
  ['2026-W47', 'W47 2026'],
  ['2026', '2026'],
  [null, '—'],
])('the period %s reads %s', (key, text) => {
  expect(formatPeriod(key)).toBe(text);
});

test.each([
  [0.738, '%', '73.8%'],
  [6.7, 'days', '6.7 days'],
  [22100000, 'EUR', '22,100,000 EUR'],
  [null, 'days', '—'],
])('%s %s reads %s', (value, unit, text) => {
  expect(formatValue(value, unit)).toBe(text);
});
