/**
 * `Sheet`: a grid of a fixed size (Sheets sheets have rows and columns that
 * exist or not, unlike Excel's fixed 1,048,576 × 16,384), hidden or not, with
 * its conditional format rules.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { parseA1, type CellRect } from '../../core/a1';
import type { Cell } from './cells';
import { EmbeddedChartBuilder, FakeEmbeddedChart } from './charts';
import { FakeDeveloperMetadata } from './developer-metadata';
import type { ConditionalFormatRule } from './conditional-format';
import { exception } from './errors';
import type { SpreadsheetEnv } from './env';
import { FakeRange } from './range';
import { FakeRangeList } from './range-list';

/** A new sheet has 1,000 rows and 26 columns (A–Z). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** A new sheet's columns are 100 pixels wide and its rows 21 pixels high. */
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class FakeSheet {
  private readonly cells = new Map<string, Cell>();
  private rules: ConditionalFormatRule[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly developerMetadata: FakeDeveloperMetadata[] = [];
  private charts: FakeEmbeddedChart[] = [];
  hidden = false;

  constructor(
    readonly env: SpreadsheetEnv,
    private name: string,
    readonly sheetId: number,
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  // ——— the grid, for the fake's own use (ranges, loading, tests) ———

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row}:${column}`);
  }

  putCell(row: number, column: number, cell: Cell): void {
    const key = `${row}:${column}`;
    if (
      cell.value === '' &&
      cell.formula === '' &&
      cell.format === undefined &&
      !cell.background &&
      !cell.bold
    )
      this.cells.delete(key);
    else this.cells.set(key, cell);
  }

  /** The last row and column holding a value or formula (0-based), or -1 when none. */
  extent(): { lastRow: number; lastColumn: number } {
    let lastRow = -1;
    let lastColumn = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === '') continue;
      const [r, c] = key.split(':').map(Number) as [number, number];
      lastRow = Math.max(lastRow, r);
      lastColumn = Math.max(lastColumn, c);
    }
    return { lastRow, lastColumn };
  }

  // ——— Apps Script's Sheet ———

  getName(): string {
    return this.name;
  }

  setName(name: string): FakeSheet {
    this.env.clock.check();
    this.env.spreadsheet().renameSheet(this, name);
    this.name = name;
    return this;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.env.spreadsheet().getSheets().indexOf(this) + 1;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  /** 1-based position of the last row with content; 0 for an empty sheet. */
  getLastRow(): number {
    return this.extent().lastRow + 1;
  }

  getLastColumn(): number {
    return this.extent().lastColumn + 1;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.clock.check();
    if (afterPosition !== this.maxRows) exception('the fake inserts rows only at the end of a sheet');
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.clock.check();
    if (afterPosition !== this.maxColumns) exception('the fake inserts columns only at the end of a sheet');
    this.maxColumns += howMany;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  /**
   * "Hides this sheet. Has no effect if the sheet is already hidden." Sheets
   * refuses to hide the last visible sheet.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#hidesheet
   */
  hideSheet(): FakeSheet {
    this.env.clock.check();
    const visible = this.env
      .spreadsheet()
      .getSheets()
      .filter((s) => !s.hidden);
    if (!this.hidden && visible.length === 1) exception("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.env.clock.check();
    this.hidden = false;
    return this;
  }

  activate(): FakeSheet {
    this.env.spreadsheet().setActiveSheet(this);
    return this;
  }

  /**
   * `getRange(a1Notation)` or `getRange(row, column, numRows?, numColumns?)`, 1-based.
   * A range past the sheet's rows or columns does not exist.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns
   */
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.env.clock.check();
    let rect: CellRect;
    if (typeof a1OrRow === 'string') {
      rect = wholeRowsOrColumns(a1OrRow, this) ?? parseA1(a1OrRow) ?? exception('Range not found');
    } else {
      if (column === undefined)
        exception(
          "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
        );
      if (numRows < 1 || numColumns < 1) exception('The number of rows in the range must be at least 1.');
      rect = {
        top: a1OrRow - 1,
        left: column - 1,
        bottom: a1OrRow + numRows - 2,
        right: column + numColumns - 2,
      };
    }
    if (rect.top < 0 || rect.left < 0 || rect.bottom >= this.maxRows || rect.right >= this.maxColumns) {
      exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, rect);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(a1Notations.map((a1) => this.getRange(a1)));
  }

  getDataRange(): FakeRange {
    const { lastRow, lastColumn } = this.extent();
    return this.getRange(1, 1, Math.max(1, lastRow + 1), Math.max(1, lastColumn + 1));
  }

  /**
   * "Clears the sheet of content and formatting information": the cells. Charts
   * float above the grid and stay, as they do when a user clears a sheet.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear
   */
  clear(): FakeSheet {
    this.env.clock.check();
    this.env.clock.counters.cellWrites += 1;
    this.cells.clear();
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.env.clock.check();
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#getconditionalformatrules */
  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.env.clock.check();
    return [...this.rules];
  }

  /**
   * "Replaces all currently existing conditional format rules in the sheet with
   * the input rules": a script that adds one rule must pass the sheet's others too.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setconditionalformatrulesrules
   */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.env.clock.check();
    this.rules = [...rules];
  }

  /** Sheets keep developer metadata whole (the sheet is one of the places it may live). */
  addDeveloperMetadata(key: string, value?: string): FakeSheet {
    this.env.clock.check();
    this.developerMetadata.push(new FakeDeveloperMetadata(this, key, value ?? null, 'SHEET'));
    return this;
  }

  /**
   * The metadata of the sheet itself (that of its rows and columns is the ranges').
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getdevelopermetadata
   */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.env.clock.check();
    return this.developerMetadata.filter((m) => m.location === 'SHEET');
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#getcolumnwidthcolumnposition */
  getColumnWidth(columnPosition: number): number {
    this.env.clock.check();
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Rows keep their default height here: nothing the add-on does changes one. */
  getRowHeight(rowPosition: number): number {
    this.env.clock.check();
    if (rowPosition < 1 || rowPosition > this.maxRows)
      exception('The coordinates of the range are outside the dimensions of the sheet.');
    return DEFAULT_ROW_HEIGHT;
  }

  // ——— embedded charts (`charts.ts`) ———

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#newchart */
  newChart(): EmbeddedChartBuilder {
    this.env.clock.check();
    return new EmbeddedChartBuilder();
  }

  /** "Adds a new chart to this sheet": the chart gets its id, unique in the spreadsheet. */
  insertChart(chart: FakeEmbeddedChart): void {
    this.env.clock.check();
    this.charts.push(new FakeEmbeddedChart(chart.state, this.env.spreadsheet().newChartId()));
  }

  /** The charts on this sheet, in the order they were added. */
  getCharts(): FakeEmbeddedChart[] {
    this.env.clock.check();
    return [...this.charts];
  }

  /** "Removes a chart from the parent sheet." */
  removeChart(chart: FakeEmbeddedChart): void {
    this.env.clock.check();
    this.charts = this.charts.filter((c) => c.id === null || c.id !== chart.getChartId());
  }

  /** "Updates the chart on this sheet": the rebuilt chart (`modify()…build()`) replaces the one of its id. */
  updateChart(chart: FakeEmbeddedChart): void {
    this.env.clock.check();
    this.charts = this.charts.map((c) => (c.id !== null && c.id === chart.getChartId() ? chart : c));
  }
}

/** `A:C` (whole columns) and `2:4` (whole rows), which parseA1 does not read. */
function wholeRowsOrColumns(a1: string, sheet: FakeSheet): CellRect | undefined {
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(a1);
  if (columns) {
    const left = parseA1(`${columns[1]}1`)?.left;
    const right = parseA1(`${columns[2]}1`)?.left;
    if (left === undefined || right === undefined) return undefined;
    return { top: 0, bottom: sheet.maxRows - 1, left, right };
  }
  const rows = /^(\d+):(\d+)$/.exec(a1);
  if (rows)
    return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: sheet.maxColumns - 1 };
  return undefined;
}
