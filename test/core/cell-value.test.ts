/**
 * Golden cases for cell-value parsing: one JSON file per case in
 * fixtures/cell-values, one test each. A Date input is written `{ "date": "YYYY-MM-DD" }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCellValue, type CellValueOptions } from '../../src/core/cell-value';

interface CellValueCase {
  input: string | number | boolean | null | { date: string };
  options?: CellValueOptions;
  expected:
    | { kind: 'value'; value: number }
    | { kind: 'blank' }
    | { kind: 'unreadable'; reasonIncludes: string; text?: string };
}

const dir = join(__dirname, 'fixtures', 'cell-values');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as CellValueCase] as const);

function toInput(input: CellValueCase['input']): unknown {
  return input !== null && typeof input === 'object' ? new Date(`${input.date}T00:00:00.000Z`) : input;
}

test('the fixture folder holds the cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

test.each(cases)('%s', (_file, c) => {
  const reading = readCellValue(toInput(c.input), c.options);
  const expected = c.expected;
  switch (expected.kind) {
    case 'value':
      // toEqual uses Object.is: the exact double, and 0 is never -0.
      expect(reading).toEqual({ kind: 'value', value: expected.value });
      break;
    case 'blank':
      expect(reading).toEqual({ kind: 'blank' });
      break;
    case 'unreadable':
      expect(reading.kind).toBe('unreadable');
      if (reading.kind !== 'unreadable') break;
      expect(reading.reason).toContain(expected.reasonIncludes);
      if (expected.text !== undefined) expect(reading.text).toBe(expected.text);
      break;
  }
});

describe('beyond the fixtures', () => {
  test('undefined is blank', () => {
    expect(readCellValue(undefined)).toEqual({ kind: 'blank' });
  });

  test('non-finite numbers and objects are unreadable', () => {
    expect(readCellValue(Number.NaN).kind).toBe('unreadable');
    expect(readCellValue(Number.POSITIVE_INFINITY).kind).toBe('unreadable');
    expect(readCellValue({ formula: 'A1', result: 3 }).kind).toBe('unreadable');
  });

  test('a percent is the same double as the division written out', () => {
    for (const text of ['14.5', '12', '0.1', '7', '33.3', '99.9', '1.15', '0.7']) {
      const reading = readCellValue(`${text}%`);
      expect(reading).toEqual({ kind: 'value', value: Number((Number(text) / 100).toPrecision(15)) });
    }
    expect(readCellValue('14.5%')).toEqual({ kind: 'value', value: 0.145 });
    expect(readCellValue('1.15%')).toEqual({ kind: 'value', value: 0.0115 });
  });
});
