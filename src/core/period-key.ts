/**
 * Period keys (contract): `2026-W47` (ISO week), `2026-11`, `2026-Q4`, `2026`.
 * Dates here are calendar days written `YYYY-MM-DD`; no time of day, no zone.
 */
// One module each, not the package's index: a CLI run would otherwise load all of date-fns (~130 ms).
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { parseISO } from 'date-fns/parseISO';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

export const CADENCES = ['week', 'month', 'quarter', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

const PATTERNS: Record<Cadence, RegExp> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** Any well-formed period key, whatever its cadence. */
export const PERIOD_KEY_PATTERN = /^\d{4}(-W\d{2}|-\d{2}|-Q[1-4])?$/;

/** Most keys each cache below remembers; cleared when full. */
const BOUNDS_CACHE_SIZE = 4096;

interface ParsedKey {
  cadence: Cadence;
  year: number;
  /** week number, month 1–12, quarter 1–4, or 1 for a year */
  index: number;
}

/** Keys already parsed (undefined for an invalid one): a summary parses each reading's period. */
const parsedKeys = new Map<string, ParsedKey | undefined>();

function parseKey(key: string): ParsedKey | undefined {
  if (parsedKeys.has(key)) return parsedKeys.get(key);
  const parsed = parseKeyText(key);
  if (parsedKeys.size >= BOUNDS_CACHE_SIZE) parsedKeys.clear();
  parsedKeys.set(key, parsed);
  return parsed;
}

function parseKeyText(key: string): ParsedKey | undefined {
  for (const cadence of CADENCES) {
    const m = PATTERNS[cadence].exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    const index = m[2] === undefined ? 1 : Number(m[2]);
    if (year < 1900 || year > 9999) return undefined;
    if (cadence === 'month' && (index < 1 || index > 12)) return undefined;
    if (cadence === 'week' && (index < 1 || index > getISOWeeksInYear(localDate(year, 6, 1))))
      return undefined;
    return { cadence, year, index };
  }
  return undefined;
}

function localDate(year: number, month: number, day: number): Date {
  const d = new Date(year, month - 1, day);
  // new Date(y, ...) maps years 0–99 to 1900–1999; set it explicitly.
  d.setFullYear(year);
  return d;
}

/**
 * `YYYY-MM-DD` of a local date, written by hand: date-fns `format` parses its
 * pattern on every call, and a reconcile asks for the days of every cell's period.
 */
function toDay(d: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

function fromDay(day: string): Date {
  return parseISO(day);
}

/** The cadence a key is written in, or undefined when it is not a valid key. */
export function cadenceOfPeriod(key: string): Cadence | undefined {
  return parseKey(key)?.cadence;
}

/** True when `key` is a valid period key (of `cadence`, when given). */
export function isPeriodKey(key: string, cadence?: Cadence): boolean {
  const parsed = parseKey(key);
  return parsed !== undefined && (cadence === undefined || parsed.cadence === cadence);
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function quarterKey(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

export function weekKey(isoYear: number, week: number): string {
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * Bounds already worked out, by key: a workbook or a summary has few distinct
 * periods but asks for their days once per cell or reading. Cleared when full,
 * so it never holds more than a few thousand keys.
 */
const boundsByKey = new Map<string, { start: string; end: string }>();

/** First and last day (inclusive) of a period. Throws on an invalid key. */
export function periodBounds(key: string): { start: string; end: string } {
  const known = boundsByKey.get(key);
  if (known) return { ...known };
  const bounds = computeBounds(key);
  if (boundsByKey.size >= BOUNDS_CACHE_SIZE) boundsByKey.clear();
  boundsByKey.set(key, bounds);
  return { ...bounds };
}

function computeBounds(key: string): { start: string; end: string } {
  const p = parseKey(key);
  if (!p) throw new RangeError(`Not a period key: ${key}`);
  switch (p.cadence) {
    case 'year':
      return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
    case 'quarter': {
      const first = (p.index - 1) * 3 + 1;
      return { start: toDay(localDate(p.year, first, 1)), end: toDay(localDate(p.year, first + 3, 0)) };
    }
    case 'month':
      return { start: toDay(localDate(p.year, p.index, 1)), end: toDay(localDate(p.year, p.index + 1, 0)) };
    case 'week': {
      // ISO week 1 is the week that holds 4 January.
      const monday = startOfISOWeek(setISOWeek(localDate(p.year, 1, 4), p.index));
      return { start: toDay(monday), end: toDay(addDays(monday, 6)) };
    }
  }
}

/** The period of `cadence` that holds the calendar day `day` (`YYYY-MM-DD`). */
export function periodContaining(day: string, cadence: Cadence): string {
  const d = fromDay(day);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${day}`);
  const year = d.getFullYear();
  switch (cadence) {
    case 'year':
      return String(year);
    case 'quarter':
      return quarterKey(year, Math.floor(d.getMonth() / 3) + 1);
    case 'month':
      return monthKey(year, d.getMonth() + 1);
    case 'week':
      return weekKey(getISOWeekYear(d), getISOWeek(d));
  }
}

/** The period `n` periods after `key` (before it when `n` is negative). */
export function shiftPeriod(key: string, n: number): string {
  const p = parseKey(key);
  if (!p) throw new RangeError(`Not a period key: ${key}`);
  switch (p.cadence) {
    case 'year':
      return String(p.year + n);
    case 'quarter': {
      const q = p.year * 4 + (p.index - 1) + n;
      return quarterKey(Math.floor(q / 4), (q % 4) + 1);
    }
    case 'month': {
      const m = p.year * 12 + (p.index - 1) + n;
      return monthKey(Math.floor(m / 12), (m % 12) + 1);
    }
    case 'week':
      return periodContaining(toDay(addWeeks(fromDay(periodBounds(key).start), n)), 'week');
  }
}

/**
 * The latest period of `cadence` that has ended by `asOf`: the period a report
 * "as of" that day is about. A period has ended when its last day is over, and
 * `asOf` itself is never over on `asOf`, so this is always the period before
 * the one holding `asOf`: on 2026-11-30 the monthly one is 2026-10 (November's
 * last day is still running), on 2026-12-01 it is 2026-11; on a Monday the
 * weekly one is last week.
 */
export function latestEndedPeriod(cadence: Cadence, asOf: string): string {
  return shiftPeriod(periodContaining(asOf, cadence), -1);
}

/** The `count` periods ending with `last`, oldest first. */
export function periodsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** Sorts keys of one cadence chronologically (their text order is chronological). */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds whole days to a `YYYY-MM-DD` day. */
export function addDaysToDay(day: string, days: number): string {
  return toDay(addDays(fromDay(day), days));
}
