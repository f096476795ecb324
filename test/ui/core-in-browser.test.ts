/**
 * The pane validates with the same schemas and parsers as the store, in a
 * browser environment: nothing in core may need Node.
 */
import { readingsRequestSchema } from '../../src/core/api';
import { readCellValue } from '../../src/core/cell-value';
import { parsePeriodLabel } from '../../src/core/period-labels';

test('the environment is a browser, not Node', () => {
  expect(typeof window).toBe('object');
  expect(typeof document.createElement).toBe('function');
});

test('a reading the pane would send is checked before sending', () => {
  const ok = readingsRequestSchema.safeParse({
    readings: [{ kpiId: 'ops.fte', period: '2026-10', value: 419 }],
  });
  expect(ok.success).toBe(true);
  const bad = readingsRequestSchema.safeParse({
    readings: [{ kpiId: 'ops.fte', period: 'Oct-26', value: 419 }],
  });
  expect(bad.success).toBe(false);
});

test('sheet text is read the same way as on the server', () => {
  expect(readCellValue('(1,250)')).toEqual({ kind: 'value', value: -1250 });
  expect(parsePeriodLabel('Q1 FY26', 'quarter', { fiscalYearStartMonth: 4 })).toEqual({
    ok: true,
    period: '2025-Q2',
  });
});
