/**
 * Golden cases for period-label parsing: one JSON file per case in
 * fixtures/period-labels, one test each. A Date input is written `{ "date": "YYYY-MM-DD" }`
 * and given as UTC midnight, the way exceljs reads a date cell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CADENCES, type Cadence } from '../../src/core/period-key';
import { parsePeriodLabel, type PeriodLabelOptions } from '../../src/core/period-labels';

interface PeriodLabelCase {
  input: string | number | boolean | { date: string };
  cadence: Cadence;
  options?: PeriodLabelOptions;
  expected: { ok: true; period: string } | { ok: false; reasonIncludes: string };
}

const dir = join(__dirname, 'fixtures', 'period-labels');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as PeriodLabelCase] as const);

function toInput(input: PeriodLabelCase['input']): string | number | boolean | Date {
  return typeof input === 'object' ? new Date(`${input.date}T00:00:00.000Z`) : input;
}

test('the fixture folder holds the cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(35);
});

test.each(cases)('%s', (_file, c) => {
  expect(CADENCES).toContain(c.cadence);
  const result = parsePeriodLabel(toInput(c.input), c.cadence, c.options);
  if (c.expected.ok) {
    expect(result).toEqual({ ok: true, period: c.expected.period });
  } else {
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(c.expected.reasonIncludes);
  }
});

describe('beyond the fixtures', () => {
  test('a bad fiscal start month is a configuration error', () => {
    expect(() => parsePeriodLabel('Q1 FY26', 'quarter', { fiscalYearStartMonth: 13 })).toThrow(RangeError);
    expect(() => parsePeriodLabel('Q1 FY26', 'quarter', { fiscalYearStartMonth: 0 })).toThrow(RangeError);
  });

  test('an invalid Date and non-finite numbers are refused', () => {
    expect(parsePeriodLabel(new Date(Number.NaN), 'month').ok).toBe(false);
    expect(parsePeriodLabel(Number.NaN, 'month').ok).toBe(false);
    expect(parsePeriodLabel(Number.POSITIVE_INFINITY, 'month').ok).toBe(false);
  });

  test('a Date is read by its UTC day, whatever its local day is', () => {
    // 23:30 UTC on 31 May is already 1 June in Europe, still 31 May in UTC.
    expect(parsePeriodLabel(new Date('2026-05-31T23:30:00.000Z'), 'month')).toEqual({
      ok: true,
      period: '2026-05',
    });
  });

  test('every month of the finance fiscal year maps to consecutive calendar quarters', () => {
    const periods = ['Q1 FY26', 'Q2 FY26', 'Q3 FY26', 'Q4 FY26', 'Q1 FY27'].map((l) =>
      parsePeriodLabel(l, 'quarter', { fiscalYearStartMonth: 4 }),
    );
    expect(periods).toEqual(
      ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'].map((p) => ({ ok: true, period: p })),
    );
  });
});
