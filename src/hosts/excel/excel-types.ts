/**
 * The part of Office.js's Excel API that Plumbline uses, typed. The full
 * declarations (`@microsoft/office-js/dist/office.d.ts`) declare global
 * `Excel`/`Office` namespaces in one 4.7 MB file: referencing it would put
 * those globals into every file of the project, where DESIGN §5 allows them
 * only here. These interfaces are a structural subset of them instead, kept
 * honest by `test/hosts/excel/excel-types.test.ts`, which checks that
 * `Excel.run` from office.d.ts is assignable to {@link ExcelRun}.
 *
 * Enum-typed members take the enum's string values (`'Custom'`,
 * `'VeryHidden'`), which Office.js accepts everywhere.
 */

/** Every proxy object: `isNullObject` is loaded by `getItemOrNullObject` and co. after a sync. */
export interface ExcelProxy {
  readonly isNullObject: boolean;
}

export type ExcelSheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type ExcelClearApplyTo = 'All' | 'Formats' | 'Contents';

export interface ExcelRangeFill {
  color: string;
  clear(): void;
}

export interface ExcelRangeFont {
  color: string;
  bold: boolean;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelRangeFill;
  readonly font: ExcelRangeFont;
  /** Points. */
  columnWidth: number;
  indentLevel: number;
}

export interface ExcelConditionalRangeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { color: string; bold: boolean };
}

export interface ExcelCustomConditionalFormat {
  readonly rule: { formula: string };
  readonly format: ExcelConditionalRangeFormat;
}

export interface ExcelConditionalFormat extends ExcelProxy {
  readonly id: string;
  readonly type: string;
  readonly custom: ExcelCustomConditionalFormat;
  /** The custom format's parts, or a null object for another type of format (a data bar, a color scale). */
  readonly customOrNullObject: ExcelCustomConditionalFormat & ExcelProxy;
  getRange(): ExcelRange;
  getRangeOrNullObject(): ExcelRange;
  delete(): void;
}

export interface ExcelConditionalFormatCollection extends ExcelProxy {
  readonly items: ExcelConditionalFormat[];
  add(type: 'Custom'): ExcelConditionalFormat;
  getItem(id: string): ExcelConditionalFormat;
  clearAll(): void;
  load(propertyNames?: string | string[]): ExcelConditionalFormatCollection;
}

export interface ExcelRange extends ExcelProxy {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** Reads give numbers, strings, booleans; writes take them too (and `null` to leave a cell as it is). */
  values: (string | number | boolean)[][];
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
  readonly text: string[][];
  /** `Empty`, `String`, `Double`, `Boolean`, `Error` per cell. */
  readonly valueTypes: string[][];
  readonly format: ExcelRangeFormat;
  readonly worksheet: ExcelWorksheet;
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  getCell(row: number, column: number): ExcelRange;
  getResizedRange(deltaRows: number, deltaColumns: number): ExcelRange;
  getOffsetRange(rowOffset: number, columnOffset: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  clear(applyTo?: ExcelClearApplyTo): void;
  select(): void;
  load(propertyNames?: string | string[]): ExcelRange;
}

export interface ExcelChartTitle {
  text: string;
}

/** ExcelApi 1.1, but `id` (1.7). */
export interface ExcelChart extends ExcelProxy {
  readonly id: string;
  name: string;
  readonly title: ExcelChartTitle;
  /** Moves the chart's top-left corner to `startCell`; with `endCell` it is sized to cover through it. */
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void;
  delete(): void;
  load(propertyNames?: string | string[]): ExcelChart;
}

export interface ExcelChartCollection extends ExcelProxy {
  readonly items: ExcelChart[];
  add(
    type: 'Line' | 'ColumnClustered' | 'BarClustered' | 'Pie',
    sourceData: ExcelRange,
    seriesBy?: 'Auto' | 'Columns' | 'Rows',
  ): ExcelChart;
  /** ExcelApi 1.4: the first chart of that name; a null object (whose methods do nothing) when none. */
  getItemOrNullObject(name: string): ExcelChart;
  load(propertyNames?: string | string[]): ExcelChartCollection;
}

export interface ExcelWorksheet extends ExcelProxy {
  readonly id: string;
  name: string;
  position: number;
  visibility: ExcelSheetVisibility;
  readonly charts: ExcelChartCollection;
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRange(valuesOnly?: boolean): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
  load(propertyNames?: string | string[]): ExcelWorksheet;
}

export interface ExcelWorksheetCollection extends ExcelProxy {
  readonly items: ExcelWorksheet[];
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  add(name?: string): ExcelWorksheet;
  load(propertyNames?: string | string[]): ExcelWorksheetCollection;
}

export interface ExcelNamedItem extends ExcelProxy {
  readonly name: string;
  /** `Range`, `String`, `Integer`, `Double`, `Boolean`, `Array`, `Error`. */
  readonly type: string;
  /** `=Sheet1!$A$1:$B$2`, `="text"`. */
  formula: string;
  visible: boolean;
  getRange(): ExcelRange;
  getRangeOrNullObject(): ExcelRange;
  delete(): void;
  load(propertyNames?: string | string[]): ExcelNamedItem;
}

export interface ExcelNamedItemCollection extends ExcelProxy {
  readonly items: ExcelNamedItem[];
  add(name: string, reference: ExcelRange | string, comment?: string): ExcelNamedItem;
  getItem(name: string): ExcelNamedItem;
  getItemOrNullObject(name: string): ExcelNamedItem;
  load(propertyNames?: string | string[]): ExcelNamedItemCollection;
}

export interface ExcelWorkbook extends ExcelProxy {
  readonly name: string;
  readonly worksheets: ExcelWorksheetCollection;
  readonly names: ExcelNamedItemCollection;
  getSelectedRange(): ExcelRange;
  load(propertyNames?: string | string[]): ExcelWorkbook;
}

export interface ExcelRequestContext {
  readonly workbook: ExcelWorkbook;
  sync(): Promise<void>;
}

/** `Excel.run`: one batch of work against the open workbook. */
export type ExcelRun = <T>(batch: (context: ExcelRequestContext) => Promise<T>) => Promise<T>;

/** `OfficeExtension.Error`, what a failed `context.sync()` rejects with. */
export interface OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: {
    readonly code: string;
    readonly message: string;
    readonly errorLocation?: string;
    readonly statement?: string;
  };
}

/** `Excel.RunOptions`: what the pane asks of every batch (both ignored where unsupported). */
export interface ExcelRunOptions {
  /** Wait until the user leaves cell edit mode instead of failing (the `DelayForCellEdit` set). */
  delayForCellEdit?: boolean;
  /** One undo step for the whole batch (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}

/** `Excel.run(options, batch)`. */
export type ExcelRunWithOptions = <T>(
  options: ExcelRunOptions,
  batch: (context: ExcelRequestContext) => Promise<T>,
) => Promise<T>;

/** The globals the Excel JavaScript library defines, as far as Plumbline uses them. */
export interface ExcelGlobal {
  run: ExcelRun & ExcelRunWithOptions;
  /** `Excel.ErrorCodes`: `itemNotFound: 'ItemNotFound'`, … */
  readonly ErrorCodes: Readonly<Record<string, string>>;
}

export interface OfficeExtensionGlobal {
  /** The class of {@link OfficeExtensionError}, for `instanceof`. */
  readonly Error: abstract new (...args: never[]) => OfficeExtensionError;
}
