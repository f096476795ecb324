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

/** An Excel number format that shows the KPI's unit with its value. */
export function unitNumberFormat(unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '%') return '0.0%';
  if (trimmed === '') return '#,##0.##';
  // The unit is user text: quote it so characters like 0 # , ; are shown, not interpreted.
  return `#,##0.## "${trimmed.replace(/"/g, '')}"`;
}
