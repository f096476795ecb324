/**
 * A cell of the fake spreadsheet and the rules of writing into one.
 *
 * Sheets keeps dates as numbers with a date format, like Excel; what differs is
 * what Apps Script hands back (`range-values.ts`). Writing follows
 * `Range.setValues`: "If a value starts with '=' it's interpreted as a formula"
 * and strings are otherwise read as if typed — `'007` is the text `007`, `007`
 * the number 7, `TRUE` a boolean.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
 * Formulas are not recalculated here: a formula keeps the value it had when
 * the workbook was loaded (the cached result in the .xlsx), or shows blank.
 */
import { isDateNumberFormat } from '../../core/excel-date';

export type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar;
  /** `=…`, or '' for a plain value. */
  formula: string;
  /** undefined: Sheets' "Automatic" format. */
  format?: string;
  background?: string;
  bold?: boolean;
}

/**
 * What `getNumberFormats` answers for a cell in the Automatic format (seen in
 * Apps Script: the reference does not document it, but scripts meet it).
 */
export const AUTOMATIC_FORMAT = '0.###############';

/** The format `setValues` gives a date written into an Automatic cell (en-US). */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function isDateObject(value: unknown): value is Date {
  // Across vm realms `instanceof Date` fails; the tag does not.
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && isDateNumberFormat(format);
}

/** A value as `setValues` stores it; dates become serials through `toSerial`. */
export function typedInput(
  input: unknown,
  toSerial: (date: Date) => number,
): { value: Scalar; formula: string; isDate?: boolean } {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (isDateObject(input)) return { value: toSerial(input), formula: '', isDate: true };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  if (NUMBER.test(text.trim())) return { value: Number(text), formula: '' };
  if (/^(true|false)$/i.test(text.trim()))
    return { value: text.trim().toLowerCase() === 'true', formula: '' };
  return { value: text, formula: '' };
}
