/**
 * Dates as Apps Script gives them: `getValues` answers a date cell as a
 * JavaScript `Date` for midnight (plus the time of day) *in the spreadsheet's
 * time zone* (`Spreadsheet.getSpreadsheetTimeZone()`), and
 * `Utilities.formatDate(date, timeZone, format)` shows an instant in a zone.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format
 */
const MS_PER_DAY = 86_400_000;
/** Serial 0 is 1899-12-30 in Sheets (no 1900 leap-year bug to copy: Sheets counts from there). */
const EPOCH = Date.UTC(1899, 11, 30);

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a serial (wall time in the zone) stands for. */
export function serialToInstant(serial: number, timeZone: string): number {
  const wall = Math.round(EPOCH + serial * MS_PER_DAY);
  return wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
}

/** The serial of an instant, as the wall time of the zone. */
export function instantToSerial(ms: number, timeZone: string): number {
  const wall = ms + offsetAt(ms, timeZone);
  return (wall - EPOCH) / MS_PER_DAY;
}

/** `Utilities.formatDate` for the tokens Plumbline uses: yyyy MM dd HH mm ss and quoted literals. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallTime(date.getTime(), timeZone);
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  const tokens: Record<string, string> = {
    yyyy: pad(w.year, 4),
    MM: pad(w.month),
    dd: pad(w.day),
    HH: pad(w.hour),
    mm: pad(w.minute),
    ss: pad(w.second),
  };
  return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss/g, (token, literal?: string) =>
    literal !== undefined ? literal : (tokens[token] ?? token),
  );
}
