/**
 * Parsing the period labels people write in sheet headers (`Nov-26`,
 * `30/11/2026`, an Excel date, `Q1 FY26`, `Wk 42 2026`…) into period keys of a
 * KPI's cadence (DESIGN §2). Never guesses: a label that is ambiguous or of
 * another granularity than the KPI is refused with a reason a person can act on.
 */
import { dateFormatGranularity, excelSerialToDay, isDateNumberFormat, utcDay } from './excel-date';
import { type Cadence, isPeriodKey, monthKey, periodContaining, quarterKey, weekKey } from './period-key';

/** What {@link parsePeriodLabel} needs beyond the label and the cadence. */
export interface PeriodLabelOptions {
  /** Month (1–12) the fiscal year starts in; 1 (the default) means fiscal = calendar. */
  fiscalYearStartMonth?: number;
  /** The cell's number format (e.g. `mmm-yy`): tells a date serial from a plain number. */
  numberFormat?: string;
}

/** A period key of the KPI's cadence, or why the label cannot be one. */
export type PeriodLabelResult = { ok: true; period: string } | { ok: false; reason: string };

const CADENCE_ADJECTIVE: Record<Cadence, string> = {
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
};

const GRANULARITY_NOUN: Record<Cadence, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Lower-case month names and abbreviations (`sep` and `sept`) → 1–12. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const names = [lower, lower.slice(0, 3)];
    if (lower === 'september') names.push('sept');
    return names.map((n) => [n, i + 1] as const);
  }),
);

/** What a label means before the KPI's cadence is applied. */
type Meaning =
  | { kind: 'day'; day: string }
  | { kind: 'period'; granularity: Cadence; result: PeriodLabelResult }
  | { kind: 'refused'; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const refused = (reason: string): Meaning => ({ kind: 'refused', reason });
const period = (granularity: Cadence, key: string): Meaning => ({
  kind: 'period',
  granularity,
  result: isPeriodKey(key, granularity) ? { ok: true, period: key } : fail(`${key} is out of range`),
});

/**
 * Parses a header label into a period key of `cadence`.
 *
 * - Dates (`2026-11-30`, `30/11/2026` — numeric dates are always day-first —,
 *   `30 Nov 2026`, a JS `Date` read by its UTC day, an Excel serial) mean the
 *   period of `cadence` that holds the day: a Monday is a week for a weekly KPI
 *   and a month for a monthly one.
 * - A number is an Excel date serial when `numberFormat` is a date format or it is
 *   above 9999; an integer 1900–9999 otherwise is a year.
 * - Months (`Nov-26`, `Nov 2026`, `November 2026`, `2026-11`, `11/2026`),
 *   quarters (`Q4 2026`, `2026-Q4`, `Q1 FY26`, `FY2026 Q1`), ISO weeks
 *   (`W47 2026`, `Wk 47 2026`, `Week 47 2026`, `2026-W47`) and years (`2026`,
 *   `FY26`) must be of the KPI's cadence, else they are refused with a reason
 *   naming both.
 * - Two-digit years are 20xx. Case, spacing and dash style do not matter.
 *
 * Throws a RangeError only for a bad `fiscalYearStartMonth` (a configuration
 * error, not a label problem).
 */
export function parsePeriodLabel(
  raw: string | number | boolean | Date,
  cadence: Cadence,
  options: PeriodLabelOptions = {},
): PeriodLabelResult {
  const fiscalStart = options.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(fiscalStart) || fiscalStart < 1 || fiscalStart > 12) {
    throw new RangeError(`fiscalYearStartMonth must be an integer 1–12, got ${fiscalStart}`);
  }
  const { label, meaning } = interpret(raw, fiscalStart, options.numberFormat);
  switch (meaning.kind) {
    case 'refused':
      return fail(meaning.reason);
    case 'day': {
      const key = periodContaining(meaning.day, cadence);
      return isPeriodKey(key, cadence) ? { ok: true, period: key } : fail(`“${label}” is out of range`);
    }
    case 'period':
      // The granularity check comes first: it is the more useful reason.
      if (meaning.granularity !== cadence) {
        return fail(
          `“${label}” is ${GRANULARITY_NOUN[meaning.granularity]}, but the KPI is ${CADENCE_ADJECTIVE[cadence]}`,
        );
      }
      return meaning.result;
  }
}

function interpret(
  raw: string | number | boolean | Date,
  fiscalStart: number,
  numberFormat: string | undefined,
): { label: string; meaning: Meaning } {
  if (typeof raw === 'boolean') {
    const label = raw ? 'TRUE' : 'FALSE';
    return { label, meaning: refused(`“${label}” is a TRUE/FALSE value, not a period label`) };
  }
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime()))
      return { label: 'Invalid Date', meaning: refused('the date is not valid') };
    // exceljs gives a date cell as UTC midnight of its day: read the UTC day, never the local one.
    const day = utcDay(raw);
    return { label: day, meaning: dayMeaning(day, day) };
  }
  if (typeof raw === 'number')
    return { label: numberLabel(raw, numberFormat), meaning: interpretNumber(raw, numberFormat) };
  const label = raw.trim();
  return { label, meaning: interpretText(label, fiscalStart) };
}

/**
 * A number as the sheet shows it, for messages: a date serial formatted
 * `mmm-yy` reads "Jan 2026" to its author, not "46023".
 */
function numberLabel(n: number, numberFormat: string | undefined): string {
  const day = isDateNumberFormat(numberFormat) || n > 9999 ? excelSerialToDay(n) : undefined;
  if (!day) return String(n);
  const shown = dateFormatGranularity(numberFormat);
  if (shown === 'year') return day.slice(0, 4);
  if (shown === 'month') return `${MONTH_NAMES[Number(day.slice(5, 7)) - 1]!.slice(0, 3)} ${day.slice(0, 4)}`;
  return day;
}

function interpretNumber(n: number, numberFormat: string | undefined): Meaning {
  const label = String(n);
  if (!Number.isFinite(n)) return refused(`“${label}” is not a period label`);
  if (isDateNumberFormat(numberFormat) || n > 9999) {
    const day = excelSerialToDay(n);
    if (day === undefined) {
      return refused(
        n >= 60 && n < 61
          ? `“${label}” is Excel’s 29 February 1900, a day that does not exist`
          : `“${label}” is not an Excel date`,
      );
    }
    // A date shown without its day is the month (or year) people see in the header.
    const shown = dateFormatGranularity(numberFormat);
    if (shown === 'month') return period('month', day.slice(0, 7));
    if (shown === 'year') return period('year', day.slice(0, 4));
    return dayMeaning(day, label);
  }
  if (Number.isInteger(n) && n >= 1900) return period('year', String(n));
  return refused(`“${label}” is a number that is neither a year (1900–9999) nor an Excel date`);
}

// Separators people put between the parts of a label: space, dash, slash, dot, apostrophe, comma.
const S = `[\\s\\-/.,']*`;
const S1 = `[\\s\\-/.,']+`;
const YEAR = `(\\d{4}|\\d{2})`;
const WEEK = `(?:w|wk|week)\\.?\\s?(\\d{1,2})`;
const QUARTER = `(?:q|qtr|quarter)\\s?([1-4])`;
const FY = `fy${S}${YEAR}`;

const re = (source: string): RegExp => new RegExp(`^${source}$`);

const ISO_DATE = re(
  `(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[t\\s]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?`,
);
const DAY_FIRST_DATE = re(`(\\d{1,2})[-/.](\\d{1,2})[-/.]${YEAR}`);
const DAY_NAMED_MONTH_YEAR = re(`(\\d{1,2})(?:st|nd|rd|th)?${S}([a-z]+)${S}${YEAR}`);
const NAMED_MONTH_DAY_YEAR = re(`([a-z]+)\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})`);
const NAMED_MONTH_YEAR = re(`([a-z]+)${S}${YEAR}`);
const YEAR_NAMED_MONTH = re(`(\\d{4})${S}([a-z]+)\\.?`);
const YEAR_MONTH = re(`(\\d{4})[-/.](\\d{1,2})`);
const MONTH_YEAR = re(`(\\d{1,2})[-/.](\\d{4})`);
const QUARTER_FY = re(`${QUARTER}${S}${FY}`);
const FY_QUARTER = re(`${FY}${S}${QUARTER}`);
const QUARTER_YEAR = re(`${QUARTER}${S}${YEAR}`);
const YEAR_QUARTER = re(`(\\d{4})${S}${QUARTER}`);
const WEEK_YEAR = re(`${WEEK}(?:${S1}${YEAR})?`);
const YEAR_WEEK = re(`(\\d{4})${S}${WEEK}`);
const PLAIN_YEAR = re(`(\\d{4})`);
const FISCAL_YEAR = re(FY);
const CALENDAR_YEAR = re(`cy${S}${YEAR}`);
const HALF_YEAR = /(^|[^a-z])h[12]([^a-z0-9]|$)/;
const BARE_QUARTER = re(QUARTER);

function interpretText(label: string, fiscalStart: number): Meaning {
  // NFKC folds no-break and thin spaces and full-width digits; dashes of every width are one dash.
  const s = label
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (s === '') return refused('the label is empty');
  let m: RegExpExecArray | null;

  if ((m = ISO_DATE.exec(s))) return dateMeaning(label, num(m[1]), num(m[2]), num(m[3]));
  if ((m = DAY_FIRST_DATE.exec(s))) {
    return dateMeaning(
      label,
      year(m[3]),
      num(m[2]),
      num(m[1]),
      ' (numeric dates are read day first: dd/mm/yyyy)',
    );
  }
  if ((m = DAY_NAMED_MONTH_YEAR.exec(s)) && MONTHS.has(m[2] ?? '')) {
    return dateMeaning(label, year(m[3]), MONTHS.get(m[2] ?? '') ?? 0, num(m[1]));
  }
  if ((m = NAMED_MONTH_DAY_YEAR.exec(s)) && MONTHS.has(m[1] ?? '')) {
    return dateMeaning(label, num(m[3]), MONTHS.get(m[1] ?? '') ?? 0, num(m[2]));
  }

  if ((m = NAMED_MONTH_YEAR.exec(s)) && MONTHS.has(m[1] ?? '')) {
    return monthMeaning(label, year(m[2]), MONTHS.get(m[1] ?? '') ?? 0);
  }
  if ((m = YEAR_NAMED_MONTH.exec(s)) && MONTHS.has(m[2] ?? '')) {
    return monthMeaning(label, num(m[1]), MONTHS.get(m[2] ?? '') ?? 0);
  }
  if ((m = YEAR_MONTH.exec(s))) return monthMeaning(label, num(m[1]), num(m[2]));
  if ((m = MONTH_YEAR.exec(s))) return monthMeaning(label, num(m[2]), num(m[1]));

  if ((m = QUARTER_FY.exec(s))) return fiscalQuarterMeaning(label, year(m[2]), num(m[1]), fiscalStart);
  if ((m = FY_QUARTER.exec(s))) return fiscalQuarterMeaning(label, year(m[1]), num(m[2]), fiscalStart);
  if ((m = QUARTER_YEAR.exec(s))) return period('quarter', quarterKey(year(m[2]), num(m[1])));
  if ((m = YEAR_QUARTER.exec(s))) return period('quarter', quarterKey(num(m[1]), num(m[2])));

  if ((m = WEEK_YEAR.exec(s))) {
    if (m[2] === undefined) {
      return refused(
        `“${label}” has no year, so which week ${num(m[1])} it is is ambiguous: write e.g. 2026-W${m[1]}`,
      );
    }
    return weekMeaning(label, year(m[2]), num(m[1]));
  }
  if ((m = YEAR_WEEK.exec(s))) return weekMeaning(label, num(m[1]), num(m[2]));

  if ((m = PLAIN_YEAR.exec(s))) return period('year', String(num(m[1])));
  if ((m = CALENDAR_YEAR.exec(s))) return period('year', String(year(m[1])));
  if ((m = FISCAL_YEAR.exec(s))) return fiscalYearMeaning(label, year(m[1]), fiscalStart);

  if (MONTHS.has(s.replace(/\.$/, '')))
    return refused(`“${label}” has no year, so which ${label} it is is ambiguous`);
  if (BARE_QUARTER.test(s)) return refused(`“${label}” has no year, so which ${label} it is is ambiguous`);
  if (HALF_YEAR.test(s)) return refused(`“${label}” is a half-year, which is not a KPI cadence`);
  return refused(`“${label}” is not a period label Plumbline can read`);
}

/** Digits of a regex group (always present when the pattern matched). */
function num(digits: string | undefined): number {
  return Number(digits);
}

/** A year as written: two digits mean 20xx (sheets of this century; 99 is 2099, not 1999). */
function year(digits: string | undefined): number {
  const n = num(digits);
  return digits?.length === 2 ? 2000 + n : n;
}

function dayMeaning(day: string, label: string): Meaning {
  const y = Number(day.slice(0, 4));
  return y >= 1900 && y <= 9999 ? { kind: 'day', day } : refused(`“${label}” is out of range`);
}

function dateMeaning(label: string, y: number, month: number, day: number, hint = ''): Meaning {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(y);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return refused(`“${label}” is not a valid date${hint}`);
  }
  return dayMeaning(utcDay(date), label);
}

function monthMeaning(label: string, y: number, month: number): Meaning {
  if (month < 1 || month > 12) return refused(`“${label}” has no month ${month}`);
  return period('month', monthKey(y, month));
}

function weekMeaning(label: string, y: number, week: number): Meaning {
  const key = weekKey(y, week);
  // ISO years have 52 or 53 weeks; 53 only when the year starts or ends on a Thursday.
  if (week < 1 || !isPeriodKey(key, 'week')) {
    return { kind: 'period', granularity: 'week', result: fail(`“${label}”: ${y} has no ISO week ${week}`) };
  }
  return period('week', key);
}

/**
 * A fiscal quarter as a calendar quarter. Fiscal years are named by the
 * calendar year they end in (the common convention: with an April start, FY26
 * runs April 2025–March 2026, so its Q1 is 2025-Q2). That only lands on a
 * calendar quarter when the fiscal year starts in January, April, July or October.
 */
function fiscalQuarterMeaning(label: string, fy: number, quarter: number, fiscalStart: number): Meaning {
  if ((fiscalStart - 1) % 3 !== 0) {
    const startName = MONTH_NAMES[fiscalStart - 1] ?? String(fiscalStart);
    return {
      kind: 'period',
      granularity: 'quarter',
      result: fail(
        `“${label}” is a fiscal quarter, and with the fiscal year starting in ${startName} fiscal quarters are not calendar quarters`,
      ),
    };
  }
  // Months since January of the calendar year the fiscal year starts in (fy − 1, or fy with a January start).
  const firstYear = fiscalStart === 1 ? fy : fy - 1;
  const monthIndex = fiscalStart - 1 + (quarter - 1) * 3;
  return period(
    'quarter',
    quarterKey(firstYear + Math.floor(monthIndex / 12), Math.floor((monthIndex % 12) / 3) + 1),
  );
}

/** A fiscal year is a calendar year only when it starts in January. */
function fiscalYearMeaning(label: string, fy: number, fiscalStart: number): Meaning {
  if (fiscalStart === 1) return period('year', String(fy));
  const start = `${MONTH_NAMES[fiscalStart - 1] ?? ''} ${fy - 1}`;
  const end = `${MONTH_NAMES[fiscalStart - 2] ?? ''} ${fy}`;
  return {
    kind: 'period',
    granularity: 'year',
    result: fail(
      `“${label}” is a fiscal year (${start}–${end}), not a calendar year, and the KPI's years are calendar years`,
    ),
  };
}
