/**
 * `Range.text`: a cell's value as Excel shows it through its number format, as
 * Excel in en-US does. The format codes (sections `pos;neg;zero;text`,
 * conditions, colours, currency and locale tags, thousands separators and
 * scaling commas, percent, scientific, fractions, dates, times and elapsed
 * times, `@`, literals and escapes, General) are rendered by numfmt, a library
 * that implements ECMA-376's number formats the way Excel reads them.
 *
 * What is Excel's and not numfmt's is decided here: booleans and errors ignore
 * the format, an empty cell shows nothing, dates stop at Excel's bounds, and a
 * currency tag's locale does not change the separators (below). Office.js's
 * `text` does not depend on the column's width (no `####` for a number too
 * wide for its column), so there is no layout to simulate: `_x` leaves one
 * space and `*x` repeats nothing, as Excel's TEXT function renders them.
 */
import { format, isDateFormat } from 'numfmt';
import type { CellValue } from '../../hosts/host';

export interface TextCell {
  value: CellValue;
  error?: boolean;
  numberFormat?: string;
}

const GENERAL = 'General';

const OPTIONS = {
  locale: 'en-US',
  // Excel's calendar: the 1900 leap-year bug, and no dates outside 1900-01-01..9999-12-31
  // (numfmt's defaults follow Google Sheets there: a wider span, the bare number beyond it).
  leap1900: true,
  dateSpanLarge: false,
  dateErrorNumber: false,
  // What a date format shows for a number outside Excel's dates (Excel fills the cell with #).
  overflow: '######',
  throws: true,
} as const;

/**
 * Excel writes numbers with the separators of the user's locale, whatever
 * locale a currency tag names: `[$€-407]` is the euro as Germany places it, and
 * en-US Excel shows `1,234.50 €` for `#,##0.00 [$€-407]`. numfmt would apply the
 * tag's locale to the whole number (`1.234,50 €`), so outside date formats the
 * tags keep only their symbol. In a date format the tag names the language of
 * month and day names (`[$-40C]mmmm` → `novembre`), as in Excel, and stays.
 */
function withoutCurrencyLocales(pattern: string): string {
  if (isDateFormat(pattern)) return pattern;
  return pattern.replace(/"[^"]*"|\\.|\[\$([^\]-]*)-[^\]]*\]/g, (token, symbol?: string) =>
    symbol === undefined ? token : symbol === '' ? '' : `[$${symbol}]`,
  );
}

function render(pattern: string, value: string | number): string {
  try {
    return format(withoutCurrencyLocales(pattern), value, OPTIONS);
  } catch {
    // A code numfmt cannot parse (Excel would not have accepted it either): show the value as General.
    return format(GENERAL, value, OPTIONS);
  }
}

/** The text Excel shows for one cell; `undefined` is a cell never written. */
export function cellText(cell: TextCell | undefined): string {
  if (!cell || cell.value === '') return '';
  if (cell.error) return String(cell.value);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return render(cell.numberFormat ?? GENERAL, cell.value);
}
