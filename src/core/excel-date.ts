/**
 * How Excel stores dates: as numbers ("serials") that only a date number format
 * turns into dates. Shared by period-label parsing (a header cell holding a
 * serial) and cell-value parsing (a value cell that is really a date).
 */

const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;

/**
 * True when an Excel/Sheets number format shows a number as a date (it has
 * day, month or year tokens), e.g. `mmm-yy`, `dd/mm/yyyy`, `d-mmm`.
 *
 * Text in quotes, `[...]` sections (colours, locales, conditions), escaped
 * characters (`\x`) and padding (`_x`, `*x`) are not tokens and are ignored.
 * `m` is both month and minute: on its own (`h:mm`, `mm:ss`, `[h]:mm`) it is a
 * time of day or a duration, not a date, so a format with `m` counts as a date
 * only when it also has no hour/second token, or has a day/year token.
 */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = dateTokens(format);
  // The default format is "General" ("Standard" in some locales): it has letters but no tokens.
  if (stripped === 'general' || stripped === 'standard' || stripped === '@') return false;
  if (/[dy]/.test(stripped)) return true;
  return /m/.test(stripped) && !/[hs]/.test(stripped);
}

/**
 * What a date format lets a reader see: a day (`dd/mm/yyyy`), only a month
 * (`mmm-yy`) or only a year (`yyyy`). A header formatted `mmm-yy` is a month
 * label to every reader of the sheet, whatever day its serial falls on.
 */
export function dateFormatGranularity(format: string | undefined): 'day' | 'month' | 'year' {
  if (!isDateNumberFormat(format)) return 'day';
  const tokens = dateTokens(format ?? '');
  if (/d/.test(tokens)) return 'day';
  if (/m/.test(tokens)) return 'month';
  return /y/.test(tokens) ? 'year' : 'day';
}

function dateTokens(format: string): string {
  return (
    format
      .replace(/"[^"]*"/g, '')
      // Keep elapsed-time sections such as [h] or [mm]: they are time tokens.
      .replace(/\[([^\]]*)\]/g, (_, inner: string) => (/^(h+|m+|s+)$/i.test(inner) ? inner : ''))
      .replace(/\\./g, '')
      .replace(/[_*]./g, '')
      .toLowerCase()
      .trim()
  );
}

/**
 * The calendar day (`YYYY-MM-DD`) of an Excel serial in the 1900 date system,
 * or undefined when it is not a day (below 1, beyond 9999-12-31, or the
 * non-existent 29 February 1900).
 *
 * Why the offset changes at 60: Excel copied Lotus 1-2-3's bug of treating 1900
 * as a leap year. Serial 1 is 1900-01-01, serial 60 is the fake 1900-02-29, and
 * from 61 (1900-03-01) on every serial is one day later than a count from
 * 1900-01-01 would give — hence the 1899-12-30 epoch for serials ≥ 61 and
 * 1899-12-31 below. A fraction is a time of day and is dropped.
 */
export function excelSerialToDay(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return undefined;
  const epoch = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return utcDay(new Date(epoch + whole * MS_PER_DAY));
}

/** The UTC calendar day of a Date, `YYYY-MM-DD` (exceljs gives dates as UTC midnight). */
export function utcDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
