/**
 * The summary's visual vocabulary, shared by its hierarchy table and its
 * trend table: status colours and words, the header fill, unit formats.
 */
import type { Status } from './status';

/** The background of a status, as Excel's good / neutral / bad cell styles colour them. */
export const STATUS_FILLS: Record<Status, string> = {
  'on-track': '#C6EFCE',
  'at-risk': '#FFEB9C',
  'off-track': '#FFC7CE',
  'no-data': '#EDEDED',
};

/** A status in words, so meaning never rests on colour alone. */
export const STATUS_LABELS: Record<Status, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** The background of header rows. */
export const HEADER_FILL = '#D9E1F2';

/**
 * An Excel number format that shows the KPI's unit with its value, with as many
 * decimals as `values` need (at most 3). Why not `#,##0.##`: Excel shows an
 * integer in it with a trailing point (`419.`), which reads as a typo in a pack.
 */
export function unitNumberFormat(unit: string, values: readonly (number | null | undefined)[] = []): string {
  const trimmed = unit.trim();
  if (trimmed === '%') return `0.${'0'.repeat(Math.max(1, decimalsOf(values, 100, 2)))}%`;
  const digits = decimalsOf(values, 1, 3);
  const number = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  // The unit is user text: quote it so characters like 0 # , ; are shown, not interpreted.
  return trimmed === '' ? number : `${number} "${trimmed.replace(/"/g, '')}"`;
}

/** The decimals the values need once multiplied by `factor` (binary noise ignored), at most `max`. */
function decimalsOf(values: readonly (number | null | undefined)[], factor: number, max: number): number {
  let digits = 0;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const text = String(Number((value * factor).toPrecision(12)));
    const point = text.indexOf('.');
    if (point >= 0 && !text.includes('e')) digits = Math.max(digits, text.length - point - 1);
  }
  return Math.min(digits, max);
}
