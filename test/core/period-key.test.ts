import {
  addDaysToDay,
  cadenceOfPeriod,
  comparePeriods,
  isPeriodKey,
  latestEndedPeriod,
  periodBounds,
  periodContaining,
  periodsEndingWith,
  shiftPeriod,
} from '../../src/core/period-key';

describe('isPeriodKey / cadenceOfPeriod', () => {
  test.each([
    ['2026-W47', 'week'],
    ['2026-W01', 'week'],
    ['2020-W53', 'week'],
    ['2026-W53', 'week'],
    ['2026-11', 'month'],
    ['2026-Q4', 'quarter'],
    ['2026', 'year'],
  ])('%s is a %s key', (key, cadence) => {
    expect(cadenceOfPeriod(key)).toBe(cadence);
    expect(isPeriodKey(key)).toBe(true);
    expect(isPeriodKey(key, cadence as 'week')).toBe(true);
  });

  test.each([
    '2021-W53',
    '2025-W53',
    '2026-W00',
    '2026-W54',
    '2026-W7',
    '2026-00',
    '2026-13',
    '2026-Q0',
    '2026-Q5',
    '26',
    '1899',
    '2026-11-01',
    ' 2026',
    'nov-26',
    '',
  ])('%j is not a key', (key) => {
    expect(isPeriodKey(key)).toBe(false);
    expect(cadenceOfPeriod(key)).toBeUndefined();
  });

  test('a key of another cadence is refused when a cadence is asked', () => {
    expect(isPeriodKey('2026-11', 'week')).toBe(false);
    expect(isPeriodKey('2026', 'quarter')).toBe(false);
  });
});

describe('ISO weeks', () => {
  // ISO years with 53 weeks are those whose 1 January or 31 December is a Thursday.
  test('2020 and 2026 have a week 53, 2021 does not', () => {
    expect(isPeriodKey('2020-W53')).toBe(true);
    expect(isPeriodKey('2026-W53')).toBe(true);
    expect(isPeriodKey('2021-W53')).toBe(false);
  });

  test.each([
    ['2027-01-01', '2026-W53'], // a Friday: still in the last ISO week of 2026
    ['2027-01-03', '2026-W53'], // the Sunday that ends it
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'], // a Monday of December in week 1 of the next ISO year
    ['2026-01-01', '2026-W01'], // 2026 starts on a Thursday
    ['2025-12-29', '2026-W01'],
    ['2026-11-23', '2026-W48'],
    ['2026-06-01', '2026-W23'],
  ])('%s is in %s', (day, week) => {
    expect(periodContaining(day, 'week')).toBe(week);
  });

  test.each([
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-W47', '2026-11-16', '2026-11-22'],
  ])('bounds of %s are %s..%s', (key, start, end) => {
    expect(periodBounds(key)).toEqual({ start, end });
  });
});

describe('periodBounds', () => {
  test.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['1900-02', '1900-02-01', '1900-02-28'],
  ])('%s runs %s..%s', (key, start, end) => {
    expect(periodBounds(key)).toEqual({ start, end });
  });

  test('throws on a bad key', () => {
    expect(() => periodBounds('2026-13')).toThrow(RangeError);
    expect(() => periodBounds('2021-W53')).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  test.each([
    ['2026-11-30', 'month', '2026-11'],
    ['2026-11-30', 'quarter', '2026-Q4'],
    ['2026-11-30', 'year', '2026'],
    ['2026-03-31', 'quarter', '2026-Q1'],
    ['2026-04-01', 'quarter', '2026-Q2'],
    ['2024-02-29', 'month', '2024-02'],
  ] as const)('%s in a %s cadence is %s', (day, cadence, key) => {
    expect(periodContaining(day, cadence)).toBe(key);
  });

  test('throws on a day that does not exist', () => {
    expect(() => periodContaining('2026-02-30', 'month')).toThrow(RangeError);
    expect(() => periodContaining('nope', 'month')).toThrow(RangeError);
  });
});

describe('shiftPeriod', () => {
  test.each([
    ['2026-W53', 1, '2027-W01'],
    ['2027-W01', -1, '2026-W53'],
    ['2026-W01', -1, '2025-W52'],
    ['2021-W01', -1, '2020-W53'],
    ['2026-W47', 60, '2028-W02'],
    ['2026-W47', 0, '2026-W47'],
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-11', -23, '2024-12'],
    ['2026-11', 14, '2028-01'],
    ['2026-Q1', -1, '2025-Q4'],
    ['2026-Q4', 1, '2027-Q1'],
    ['2026-Q2', -9, '2024-Q1'],
    ['2026', -3, '2023'],
  ])('%s shifted by %i is %s', (key, n, expected) => {
    expect(shiftPeriod(key, n)).toBe(expected);
  });

  test('throws on a bad key', () => {
    expect(() => shiftPeriod('Nov-26', 1)).toThrow(RangeError);
  });
});

describe('latestEndedPeriod', () => {
  // A period has ended when its last day is over: on its last day it is still running.
  test.each([
    ['month', '2026-11-24', '2026-10'],
    ['month', '2026-11-30', '2026-10'], // the last day of November: November is still running
    ['month', '2026-12-01', '2026-11'], // the day after: November has ended
    ['month', '2026-01-05', '2025-12'],
    ['month', '2028-02-29', '2028-01'], // the last day of a leap February
    ['month', '2028-03-01', '2028-02'],
    ['week', '2026-11-29', '2026-W47'], // a Sunday, the last day of W48: W48 is still running
    ['week', '2026-11-30', '2026-W48'], // the Monday after
    ['week', '2026-11-28', '2026-W47'], // a Saturday
    ['week', '2026-11-23', '2026-W47'], // a Monday
    ['week', '2027-01-03', '2026-W52'], // the last day of 2026-W53, a week crossing into 2027
    ['week', '2027-01-04', '2026-W53'], // the Monday after: W53 of 2026 has ended, in 2027
    ['week', '2025-12-28', '2025-W51'], // the last day of 2025-W52
    ['week', '2025-12-29', '2025-W52'], // the first day of 2026-W01, still in December
    ['quarter', '2026-11-24', '2026-Q3'],
    ['quarter', '2026-09-30', '2026-Q2'], // the last day of Q3
    ['quarter', '2026-10-01', '2026-Q3'],
    ['quarter', '2026-12-31', '2026-Q3'],
    ['quarter', '2026-01-15', '2025-Q4'],
    ['year', '2026-11-24', '2025'],
    ['year', '2026-12-31', '2025'], // the last day of the year: 2026 is still running
    ['year', '2027-01-01', '2026'],
  ] as const)('%s as of %s is %s', (cadence, asOf, expected) => {
    expect(latestEndedPeriod(cadence, asOf)).toBe(expected);
  });
});

describe('periodsEndingWith', () => {
  test('oldest first, across a year end', () => {
    expect(periodsEndingWith('2027-W02', 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(periodsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsEndingWith('2026-Q2', 3)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsEndingWith('2026', 2)).toEqual(['2025', '2026']);
  });

  test('count 1 and 0', () => {
    expect(periodsEndingWith('2026-11', 1)).toEqual(['2026-11']);
    expect(periodsEndingWith('2026-11', 0)).toEqual([]);
  });
});

describe('comparePeriods and addDaysToDay', () => {
  test('keys of one cadence sort chronologically', () => {
    expect(['2026-W10', '2025-W53', '2026-W02'].sort(comparePeriods)).toEqual([
      '2025-W53',
      '2026-W02',
      '2026-W10',
    ]);
    expect(['2026-Q1', '2025-Q4'].sort(comparePeriods)).toEqual(['2025-Q4', '2026-Q1']);
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change in Europe
    ['2026-10-25', -1, '2026-10-24'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days is %s', (day, n, expected) => {
    expect(addDaysToDay(day, n)).toBe(expected);
  });
});

describe('periodBounds, asked again (answers are remembered by key)', () => {
  test('the same days every time, and a caller changing an answer changes no later one', () => {
    const first = periodBounds('2028-02');
    first.start = 'changed';
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodBounds('1900-01')).toEqual({ start: '1900-01-01', end: '1900-01-31' });
    expect(periodBounds('9999-Q4')).toEqual({ start: '9999-10-01', end: '9999-12-31' });
  });

  test('beyond the cache size, every key still gets its own days', () => {
    for (let i = 0; i < 6000; i++) {
      const year = 2000 + Math.floor(i / 12);
      const month = (i % 12) + 1;
      const key = `${year}-${String(month).padStart(2, '0')}`;
      expect(periodBounds(key).start).toBe(`${key}-01`);
    }
  });
});
