/**
 * A sheet described as plain data, written whole by any host (a new .xlsx,
 * Excel, Google Sheets): the summary sheet's design lives in one place.
 */
export type LayoutValue = string | number | boolean;

export interface SheetLayout {
  /** Cell values; strings are always text, never formulas. */
  values: LayoutValue[][];
  /** Number format codes per cell (`General` when nothing special). */
  numberFormats?: string[][];
  /** Background fills as `#RRGGBB`, `''` for none. */
  fills?: string[][];
  bold?: boolean[][];
  /** Left indent level per cell (the hierarchy). */
  indents?: number[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Rows at the top that stay visible when scrolling. */
  frozenRows?: number;
}
