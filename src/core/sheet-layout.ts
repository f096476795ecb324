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
  /**
   * Charts over cells of this sheet, drawn by the hosts that can draw them;
   * a host that cannot still writes the cells they plot, so nothing is lost
   * but the picture.
   */
  charts?: LayoutChart[];
}

/**
 * A native chart over a block of the sheet's own values, as plain data: every
 * host turns it into its own chart object (Excel's `charts.add`, a drawing
 * part in a saved file, Sheets' embedded chart).
 */
export interface LayoutChart {
  /** Shown above the plot. */
  title: string;
  type: 'line';
  /**
   * The cells plotted, in A1 within the sheet's values (`A30:M34`). Its first
   * row and first column are labels: with `seriesBy: 'rows'` each further row
   * is a series named by its first cell, over the categories of the first row.
   */
  source: string;
  seriesBy: 'rows' | 'columns';
  /** The cells the chart covers, top-left to bottom-right (`A36:E53`): where it sits and how big it is. */
  position: string;
}
