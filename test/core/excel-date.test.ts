import { dayToExcelSerial, epochDateToExcelSerial, excelSerialToDay } from '../../src/core/excel-date';

/**
 * Serials either side of Excel's fictitious 1900-02-29 (serial 60) and today's.
 * 2026-11-30 is 46,356: 46,355 days after 1899-12-31 counted plainly, plus the fictitious day.
 */
const DAYS: [number, string][] = [
  [1, '1900-01-01'],
  [59, '1900-02-28'],
  [61, '1900-03-01'],
  [46356, '2026-11-30'],
];

describe('excelSerialToDay', () => {
  test.each(DAYS)('serial %d is %s', (serial, day) => {
    expect(excelSerialToDay(serial)).toBe(day);
  });

  test('serial 60, the fictitious 1900-02-29, is no day', () => {
    expect(excelSerialToDay(60)).toBeUndefined();
  });

  test('a time of day is dropped; nothing below 1 or beyond 9999-12-31 is a day', () => {
    expect(excelSerialToDay(46356.75)).toBe('2026-11-30');
    expect(excelSerialToDay(2958465)).toBe('9999-12-31');
    expect([0, -1, 2958466, NaN, Infinity].map(excelSerialToDay)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('dayToExcelSerial', () => {
  test.each(DAYS)('serial %d is what %s is stored as', (serial, day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    expect(dayToExcelSerial(y, m, d)).toBe(serial);
  });

  test('1900-02-29 is serial 60, as Excel stores it', () => {
    expect(dayToExcelSerial(1900, 2, 29)).toBe(60);
  });

  test('no serial for days that do not exist or that Excel cannot hold', () => {
    expect(dayToExcelSerial(2026, 2, 29)).toBeUndefined();
    expect(dayToExcelSerial(2026, 13, 1)).toBeUndefined();
    expect(dayToExcelSerial(1899, 12, 31)).toBeUndefined();
    expect(dayToExcelSerial(99, 1, 1)).toBeUndefined();
    expect(dayToExcelSerial(10000, 1, 1)).toBeUndefined();
    expect(dayToExcelSerial(9999, 12, 31)).toBe(2958465);
  });

  test('round trip with excelSerialToDay for every serial of 1900 and a few later', () => {
    for (const serial of [...Array.from({ length: 366 }, (_, i) => i + 1), 46356, 2958465]) {
      if (serial === 60) continue;
      const [y, m, d] = excelSerialToDay(serial)!.split('-').map(Number) as [number, number, number];
      expect(dayToExcelSerial(y, m, d)).toBe(serial);
    }
  });
});

describe('epochDateToExcelSerial (dates as exceljs gives them: 1899-12-30 + serial days)', () => {
  test.each([
    ['1899-12-31T00:00:00Z', 1],
    ['1900-02-28T00:00:00Z', 60],
    ['1900-01-01T00:00:00Z', 2],
    ['1900-03-01T00:00:00Z', 61],
    ['2026-01-01T00:00:00Z', 46023],
    ['2026-11-30T00:00:00Z', 46356],
    ['2026-11-30T09:00:00Z', 46356.375],
  ])('%s is serial %d', (iso, serial) => {
    expect(epochDateToExcelSerial(new Date(iso))).toBe(serial);
  });

  test('1904 system', () => {
    expect(epochDateToExcelSerial(new Date('2026-01-01T00:00:00Z'), true)).toBe(46023 - 1462);
  });
});
