/**
 * How Excel stores dates: as numbers ("serials") that only a date number format
 * turns into dates. The one place serials and calendar days are converted:
 * period-label and cell-value parsing, the simulated Excel (a date typed into
 * a cell) and the saved-workbook host (dates as exceljs reads them) all use it.
 *
 * The 1900 date system and its leap-year bug: Excel copied Lotus 1-2-3's
 * mistake of treating 1900 as a leap year. Serial 1 is 1900-01-01, serial 59
 * is 1900-02-28, serial 60 is the fictitious 1900-02-29 and serial 61 is
 * 1900-03-01; from 61 on every serial is one day later than a plain count from
 * 1900-01-01 would give, which is why a count from 1899-12-30 is right for
 * serials ≥ 61 and one day early below.
 */

const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;
/** The fictitious 1900-02-29. */
const LEAP_BUG_SERIAL = 60;
/** Day 0 of a count that is right from serial 61 (1900-03-01) on. */
const EPOCH_FROM_MARCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 of a count that is right for serials 1–59 (January and February 1900). */
const EPOCH_BEFORE_MARCH_1900 = Date.UTC(1899, 11, 31);
/** Days between the 1900 and 1904 date systems (a 1904-system serial counts from 1904-01-01). */
const DATE_1904_OFFSET = 1_462;

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

const FORMAT_CACHE_SIZE = 1024;

/** `dateTokens` by format: a sheet has few distinct formats, asked about once per cell. */
const tokensByFormat = new Map<string, string>();

function dateTokens(format: string): string {
  let tokens = tokensByFormat.get(format);
  if (tokens === undefined) {
    if (tokensByFormat.size >= FORMAT_CACHE_SIZE) tokensByFormat.clear();
    tokens = stripToTokens(format);
    tokensByFormat.set(format, tokens);
  }
  return tokens;
}

function stripToTokens(format: string): string {
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
 * fictitious 29 February 1900, serial 60). A fraction is a time of day and is
 * dropped.
 */
export function excelSerialToDay(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === LEAP_BUG_SERIAL) return undefined;
  const epoch = whole > LEAP_BUG_SERIAL ? EPOCH_FROM_MARCH_1900 : EPOCH_BEFORE_MARCH_1900;
  return utcDay(new Date(epoch + whole * MS_PER_DAY));
}

/**
 * The Excel serial (1900 date system) of a calendar day, as Excel stores a
 * date typed into a cell; undefined for a day that is not a date (2026-02-30)
 * or that Excel cannot hold (before 1900-01-01, after 9999-12-31).
 * 1900-02-29 is accepted, as Excel accepts it: it is serial 60.
 */
export function dayToExcelSerial(year: number, month: number, day: number): number | undefined {
  if (year === 1900 && month === 2 && day === 29) return LEAP_BUG_SERIAL;
  if (![year, month, day].every(Number.isInteger)) return undefined;
  // Date.UTC maps years 0–99 to 1900–1999: the round trip below refuses them with the other non-days.
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  const fromMarch = Math.round((ms - EPOCH_FROM_MARCH_1900) / MS_PER_DAY);
  const serial =
    fromMarch > LEAP_BUG_SERIAL ? fromMarch : Math.round((ms - EPOCH_BEFORE_MARCH_1900) / MS_PER_DAY);
  return serial >= 1 && serial <= MAX_SERIAL ? serial : undefined;
}

/**
 * The serial of an instant that a spreadsheet library gives as a JS `Date`
 * counted from 1899-12-30 without the leap-year bug (exceljs:
 * `ms = (serial − 25569) × 86 400 000`). For serials ≥ 61 that Date is the
 * right calendar day; below 61 it is one day early, but it is only an
 * intermediate: this inverts the library's own formula, so every stored
 * serial comes back exactly. Whole days and the time of day are inverted
 * separately so a time like 09:00 comes back as exactly 0.375. With
 * `date1904`, the serial of a 1904-system workbook (counted from 1904-01-01).
 */
export function epochDateToExcelSerial(date: Date, date1904 = false): number {
  const ms = date.getTime() - EPOCH_FROM_MARCH_1900;
  const days = Math.floor(ms / MS_PER_DAY);
  const serial = days + (ms - days * MS_PER_DAY) / MS_PER_DAY;
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}

/** The UTC calendar day of a Date, `YYYY-MM-DD` (exceljs gives dates as UTC midnight). */
export function utcDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
