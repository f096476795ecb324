/**
 * Reading a KPI value out of a spreadsheet cell. Sheet text is never trusted:
 * a cell is a number, deliberately blank, or unreadable — never a guess
 * (DESIGN §2: blank → `canonical-only`, unreadable → `unreadable`).
 */
import { isDateNumberFormat, utcDay } from './excel-date';

/** What a cell holds, as far as a KPI value is concerned. */
export type CellReading =
  { kind: 'value'; value: number } | { kind: 'blank' } | { kind: 'unreadable'; text: string; reason: string };

/** What {@link readCellValue} needs beyond the raw value. */
export interface CellValueOptions {
  /** The cell's number format: a number shown as a date is not a KPI value. */
  numberFormat?: string;
}

/**
 * Tokens that mean "no value here" (compared case-insensitively, after trimming).
 * Deliberately short: only empty cells, dashes, "n/a" spellings and `..` (the
 * statistics convention for "not available"). Words such as `tbc`, `tbd`, `none`,
 * `nil` or `0` are not blanks — `tbc`/`none` are unreadable so a person looks at
 * them, and `0` is a value.
 */
const BLANK_TOKENS: ReadonlySet<string> = new Set(['n/a', 'na', 'n.a.', 'n.a', '..']);
/** One or more hyphens, en/em dashes or minus signs, and nothing else. */
const DASHES_ONLY = /^[-\u2010-\u2015\u2212]+$/;

/** Excel's error values, as a cell shows them (`#DIV/0!`, `#N/A`…). */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#GETTING_DATA',
]);
/** Google Sheets' own error and loading values. */
const SHEETS_ERRORS: ReadonlySet<string> = new Set(['#ERROR!', '#LOADING']);

/** Currency symbols and ISO codes that may precede or follow an amount. */
const CURRENCY =
  /^(?:[€$£¥₹₣₩₺₽₪]|eur|usd|gbp|chf|jpy|cad|aud|nzd|sek|nok|dkk|pln|czk|huf|inr|cny|zar|brl|mxn)/i;
const CURRENCY_AT_END =
  /(?:[€$£¥₹₣₩₺₽₪]|eur|usd|gbp|chf|jpy|cad|aud|nzd|sek|nok|dkk|pln|czk|huf|inr|cny|zar|brl|mxn)$/i;

/** Digits with an optional decimal point and exponent: `12`, `12.5`, `.5`, `1.2e3`. */
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;
/** English thousands grouping with commas: `1,234`, `24,310.50`. */
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Thousands grouping with spaces (no-break and thin spaces are folded to spaces first): `1 234`. */
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:\.\d+)?$/;

/**
 * Reads one cell as a KPI value.
 *
 * - Finite numbers are values, unless `numberFormat` shows them as a date.
 * - `null`, `undefined`, empty or whitespace text, dashes (`-`, `–`, `—`),
 *   `n/a`, `na`, `n.a.` and `..` are blank.
 * - Text numbers are values: `1,234`, `1 234`, `(1,250)` → −1250, `-1,250`,
 *   `−5` (Unicode minus), `+5`, `1.2e3`, `12%` → 0.12, `€1,234.50`, `$1,234`,
 *   `EUR 1,234`, `1 234 €`. A comma must be English thousands grouping (groups
 *   of three): `1,23` and the European `1.234,5` are unreadable rather than guessed.
 * - Excel errors (`#DIV/0!`, `#N/A`…) are unreadable with the reason
 *   `Excel error #DIV/0!`; so are booleans, dates and any other text.
 *
 * Host-specific shapes (exceljs `{ formula, result }`, rich text…) must be
 * unwrapped by the host adapter first; any other object is unreadable.
 */
export function readCellValue(raw: unknown, options: CellValueOptions = {}): CellReading {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return readNumber(raw, options.numberFormat);
  if (typeof raw === 'string') return readText(raw);
  if (typeof raw === 'boolean') {
    const text = raw ? 'TRUE' : 'FALSE';
    return unreadable(text, `${text} is a TRUE/FALSE value, not a number`);
  }
  if (raw instanceof Date) {
    return unreadable(Number.isNaN(raw.getTime()) ? 'Invalid Date' : utcDay(raw), 'a date, not a number');
  }
  if (typeof raw === 'bigint') return readNumber(Number(raw), options.numberFormat);
  return unreadable(Object.prototype.toString.call(raw), 'not a cell value');
}

function unreadable(text: string, reason: string): CellReading {
  return { kind: 'unreadable', text, reason };
}

function readNumber(n: number, numberFormat: string | undefined): CellReading {
  if (!Number.isFinite(n)) return unreadable(String(n), 'not a finite number');
  // A number shown as a date is a date serial (e.g. "1-2" typed into a value cell became 2 January).
  if (isDateNumberFormat(numberFormat))
    return unreadable(String(n), `a date (number format ${numberFormat}), not a number`);
  return { kind: 'value', value: n === 0 ? 0 : n };
}

function readText(raw: string): CellReading {
  // No-break, narrow no-break, thin and figure spaces all count as spaces.
  const text = raw.replace(/[\u00a0\u2007\u2009\u202f\u200a]/g, ' ').trim();
  if (text === '' || DASHES_ONLY.test(text) || BLANK_TOKENS.has(text.toLowerCase())) return { kind: 'blank' };

  const upper = text.toUpperCase();
  if (EXCEL_ERROR_VALUES.has(upper)) return unreadable(text, `Excel error ${upper}`);
  if (SHEETS_ERRORS.has(upper)) return unreadable(text, `spreadsheet error ${upper}`);

  const value = parseNumberText(text.replace(/ +/g, ' '));
  if (typeof value === 'number') return { kind: 'value', value };
  return unreadable(text, value.reason);
}

/** A number written as text, or why it is not one. */
function parseNumberText(text: string): number | { reason: string } {
  const notANumber = { reason: `“${text}” is text, not a number` };
  let s = text;
  let negative = false;
  let percent = false;
  let currency = false;

  // Peel signs, parentheses (accounting negatives), currency and % off both ends, in any order.
  for (let changed = true; changed;) {
    changed = false;
    s = s.trim();
    if (s.startsWith('(') && s.endsWith(')')) {
      if (negative) return notANumber;
      negative = true;
      s = s.slice(1, -1);
      changed = true;
      continue;
    }
    const sign = /^[-+\u2212]/.exec(s);
    if (sign) {
      if (sign[0] !== '+') {
        if (negative) return notANumber;
        negative = true;
      }
      s = s.slice(1);
      changed = true;
      continue;
    }
    const lead = CURRENCY.exec(s);
    const trail = lead ? null : CURRENCY_AT_END.exec(s);
    if (lead || trail) {
      if (currency || percent) return notANumber;
      currency = true;
      s = lead ? s.slice(lead[0].length) : s.slice(0, s.length - (trail?.[0].length ?? 0));
      changed = true;
      continue;
    }
    if (s.endsWith('%')) {
      if (percent || currency) return notANumber;
      percent = true;
      s = s.slice(0, -1);
      changed = true;
    }
  }

  let digits: string;
  if (PLAIN.test(s.toLowerCase())) digits = s;
  else if (COMMA_GROUPED.test(s)) digits = s.replace(/,/g, '');
  else if (SPACE_GROUPED.test(s)) digits = s.replace(/ /g, '');
  else if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s) || /^\d+,\d+$/.test(s)) {
    return {
      reason: `“${text}” has a comma that is not a thousands separator (a decimal comma?); use a decimal point`,
    };
  } else return notANumber;

  let value = Number(digits);
  if (!Number.isFinite(value)) return { reason: `“${text}” is too large a number` };
  if (percent) {
    // 14.5 / 100 may carry binary noise in its last bits; 15 significant digits (Excel's
    // own precision) gives the same double as the literal 0.145.
    value = Number((value / 100).toPrecision(15));
  }
  if (negative) value = -value;
  return value === 0 ? 0 : value;
}
