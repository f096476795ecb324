/**
 * Between Apps Script's cells and the port's (`src/hosts/host.ts`):
 * - `getValues` gives a date cell as a `Date`; the port wants Excel's serial.
 *   The Date is the cell's wall time in the spreadsheet's time zone, so the
 *   serial is computed from that wall time, not from UTC.
 * - Sheets answers `0.###############` for a cell in the Automatic format; the port says `General`.
 * - `setValues` reads a string as if typed (`=x` a formula, `007` a number):
 *   text is written behind an apostrophe, which Sheets does not keep.
 */
import type { CellValue } from '../../src/hosts/host';

const AUTOMATIC = '0.###############';
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function dateToSerial(date: Date, timeZone: string): number {
  const wall = Utilities.formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
  const m = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)$/.exec(wall);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return (Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - EPOCH) / MS_PER_DAY;
}

export function portValue(value: unknown, timeZone: string): CellValue {
  if (isDate(value)) return dateToSerial(value, timeZone);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? '' : String(value);
}

export function portFormat(format: string): string {
  return format === AUTOMATIC || format === '' ? 'General' : format;
}

export function protectText(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

export function protectRows(values: readonly (readonly CellValue[])[]): CellValue[][] {
  return values.map((row) => row.map(protectText));
}
