/**
 * What the port refuses, for every host (Excel, the saved workbook, Google
 * Sheets): each call's arguments are checked whole, before the host looks at
 * or touches the workbook, and a refusal is a `HostError` with code
 * `InvalidArgument`. So a refused call writes nothing in any host — an Excel
 * operation split over several syncs never fails halfway through for a reason
 * that was knowable at the start — and every host refuses the same calls with
 * the same code. What only the workbook can answer (a missing sheet, a sheet
 * the host will not write) is each host's own business, after these checks.
 *
 * The limits are Excel's, the strictest of the hosts, so a workbook written
 * by any host opens in Excel.
 */
import { cellA1, parseA1, rectSize, requireA1, type CellRect } from '../core/a1';
import { MAX_CELL_TEXT } from '../core/excel-limits';
import { isValidDefinedName, sheetNameProblem } from '../core/sheet-reference';
import type { LayoutChart } from '../core/sheet-layout';
import type { BlockWrite, DefinedName, FlagFormat, RangeRef, SheetContent } from './host';
import { HostError } from './host-error';
import { isWorkbookIdName } from './workbook-id';

/** Characters in a number format code. */
export const MAX_NUMBER_FORMAT = 255;
/** Excel's `indentLevel` goes from 0 to 250. */
export const MAX_INDENT = 250;
/** Excel's widest column, in characters. */
export const MAX_COLUMN_WIDTH = 255;
/**
 * Characters in a flag id. Hosts keep the id inside the rule's formula (Excel:
 * a string literal, which holds 255 characters, behind a 15-character marker).
 */
export const MAX_FLAG_ID = 200;
/** Characters in a flag's formula: Excel's 8,192 for the whole rule, less the marker and id around it. */
export const MAX_FLAG_FORMULA = 7_500;
/**
 * Charts in one sheet's content. A host finds the charts it drew before by
 * their place in this list (Excel: by the names `Plumbline chart 1` to `8`),
 * so a refresh can replace them without first asking what the sheet holds.
 */
export const MAX_CHARTS = 8;
/** Characters in a chart's title, as Excel takes one typed in. */
export const MAX_CHART_TITLE = 255;
/** Series in one chart: Excel's limit. */
export const MAX_CHART_SERIES = 255;

const COLOR = /^#[0-9A-Fa-f]{6}$/;

function refuse(message: string): never {
  throw new HostError('InvalidArgument', message);
}

/** `#RRGGBB`, the one colour notation every host reads and writes alike. */
export function isColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value);
}

/** Why a value cannot be a cell's, or undefined when it can. */
export function cellValueProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.length > MAX_CELL_TEXT
      ? `text of ${value.length} characters is over Excel's ${MAX_CELL_TEXT}`
      : undefined;
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : `${value} is not a finite number`;
  if (typeof value === 'boolean') return undefined;
  return `${JSON.stringify(value) ?? String(value)} is not a string, number or boolean`;
}

function numberFormatProblem(format: unknown): string | undefined {
  return typeof format === 'string' && format.length > 0 && format.length <= MAX_NUMBER_FORMAT
    ? undefined
    : `number format ${JSON.stringify(format)} is not a code of 1 to ${MAX_NUMBER_FORMAT} characters`;
}

function rangeOf(ref: RangeRef): CellRect {
  if (typeof ref.sheet !== 'string' || ref.sheet === '') refuse('a range needs the name of its sheet');
  if (typeof ref.address !== 'string') refuse(`${String(ref.address)} is not an A1 cell range`);
  try {
    return requireA1(ref.address);
  } catch (e) {
    return refuse((e as Error).message);
  }
}

function isGrid(grid: unknown): grid is unknown[][] {
  return Array.isArray(grid) && grid.every((row) => Array.isArray(row));
}

/** Refuses `grid` unless it is exactly the rectangle's size, then each cell `problem` finds wrong. */
function checkBlock(
  what: string,
  grid: unknown,
  rect: CellRect,
  sheet: string,
  problem: (cell: unknown) => string | undefined,
): void {
  const { rows, columns } = rectSize(rect);
  if (!isGrid(grid) || grid.length !== rows || grid.some((row) => row.length !== columns)) {
    refuse(`${what} must be ${rows} × ${columns} to fit the range`);
  }
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const wrong = problem(cell);
      if (wrong) refuse(`${sheet}!${cellA1(rect.top + r, rect.left + c)}: ${wrong}`);
    }),
  );
}

/** `readBlocks`: every range A1 on a named sheet. Answers the rectangles, in order. */
export function checkReads(refs: readonly RangeRef[]): CellRect[] {
  return refs.map(rangeOf);
}

/** `writeBlocks`: every block fits its range and holds only values and number formats a cell can take. */
export function checkWrites(writes: readonly BlockWrite[]): CellRect[] {
  return writes.map((w) => {
    const rect = rangeOf(w);
    const where = `${w.sheet}!${w.address}`;
    checkBlock(`The values for ${where}`, w.values, rect, w.sheet, cellValueProblem);
    if (w.numberFormats !== undefined) {
      checkBlock(`The number formats for ${where}`, w.numberFormats, rect, w.sheet, numberFormatProblem);
    }
    return rect;
  });
}

/** `setNames`: valid Excel names (not cell references), not the workbook id's, on A1 ranges. */
export function checkNames(names: readonly DefinedName[]): CellRect[] {
  return names.map((n) => {
    if (typeof n.name !== 'string' || !isValidDefinedName(n.name))
      refuse(`'${String(n.name)}' is not a valid defined name`);
    if (isWorkbookIdName(n.name)) refuse(`'${n.name}' is reserved for the workbook's Plumbline id`);
    return rangeOf(n);
  });
}

/** `deleteNames`, `removeFlagFormats`: a list of strings. */
export function checkKeys(what: string, keys: readonly string[]): void {
  if (!Array.isArray(keys)) refuse(`${what} must be a list`);
  keys.forEach((key, i) => {
    if (typeof key !== 'string') refuse(`${what} ${i + 1} is not a string`);
  });
}

/** `writeMetadataRows`: rows of text, each cell within Excel's limit. */
export function checkMetadataRows(rows: readonly (readonly string[])[]): void {
  if (!isGrid(rows)) refuse('metadata rows must be a list of rows');
  rows.forEach((row, r) =>
    row.forEach((cell: unknown, c) => {
      if (typeof cell !== 'string') refuse(`metadata cell ${r + 1}:${c + 1} is not a string`);
      const wrong = cellValueProblem(cell);
      if (wrong) refuse(`metadata cell ${r + 1}:${c + 1}: ${wrong}`);
    }),
  );
}

/** `setFlagFormats`: an id, an A1 range, a formula and `#RRGGBB` colours. Answers the rectangles, in order. */
export function checkFlags(flags: readonly FlagFormat[]): CellRect[] {
  return flags.map((f) => {
    if (typeof f.id !== 'string' || f.id === '' || f.id.length > MAX_FLAG_ID)
      refuse(`a flag id has 1 to ${MAX_FLAG_ID} characters, not ${JSON.stringify(f.id)}`);
    const rect = rangeOf(f);
    if (typeof f.formula !== 'string' || f.formula.replace(/^\s*=/, '').trim() === '')
      refuse(`Flag '${f.id}' has no formula`);
    if (f.formula.length > MAX_FLAG_FORMULA)
      refuse(`The formula of flag '${f.id}' is over ${MAX_FLAG_FORMULA} characters`);
    if (!isColor(f.fill) || (f.fontColor !== undefined && !isColor(f.fontColor)))
      refuse(`The colors of flag '${f.id}' must be like #FFC7CE`);
    return rect;
  });
}

/**
 * One of `replaceSheet`'s optional grids: no cell outside the values' extent
 * (a host would drop it without a word), and each cell valid.
 */
function checkLayer(
  what: string,
  grid: unknown,
  rows: number,
  width: number,
  problem: (cell: unknown) => string | undefined,
): void {
  if (grid === undefined) return;
  if (!isGrid(grid) || grid.length > rows || grid.some((row) => row.length > width))
    refuse(`the ${what} reach past the sheet's values (${rows} rows of up to ${width} cells)`);
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const wrong = problem(cell);
      if (wrong) refuse(`${what} at ${cellA1(r, c)}: ${wrong}`);
    }),
  );
}

/** `replaceSheet`: a name Excel allows for a sheet, and content every host can write. */
export function checkSheetContent(name: string, content: SheetContent): void {
  const problem = typeof name === 'string' ? sheetNameProblem(name) : 'a sheet name is text';
  if (problem) refuse(`'${String(name)}': ${problem}`);
  const { values } = content;
  if (!isGrid(values)) refuse(`the values of '${name}' must be a list of rows`);
  const width = values.reduce((max, row) => Math.max(max, row.length), 0);
  const grid = (what: string, g: unknown, p: (cell: unknown) => string | undefined) =>
    checkLayer(`${what} of '${name}'`, g, values.length, width, p);
  grid('values', values, cellValueProblem);
  grid('number formats', content.numberFormats, numberFormatProblem);
  grid('fills', content.fills, (v) =>
    v === '' || isColor(v) ? undefined : `fill ${JSON.stringify(v)} is not a #RRGGBB colour`,
  );
  grid('bold flags', content.bold, (v) =>
    typeof v === 'boolean' ? undefined : `${String(v)} is not a boolean`,
  );
  grid('indents', content.indents, (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INDENT
      ? undefined
      : `indent ${String(v)} is not a whole number from 0 to ${MAX_INDENT}`,
  );
  for (const w of content.columnWidths ?? []) {
    if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MAX_COLUMN_WIDTH))
      refuse(`column width ${String(w)} is not from 0 to ${MAX_COLUMN_WIDTH} characters`);
  }
  checkCharts(name, content.charts, values.length, width);
}

/**
 * `replaceSheet`'s charts: a line chart with a title, plotting labels and at
 * least one value from inside the sheet's own values (a host writes those
 * cells, so the chart never shows what the layout did not put there), placed
 * on cells of the sheet.
 */
function checkCharts(sheet: string, charts: unknown, rows: number, width: number): void {
  if (charts === undefined) return;
  if (!Array.isArray(charts)) refuse(`the charts of '${sheet}' must be a list`);
  if (charts.length > MAX_CHARTS)
    refuse(`'${sheet}' has ${charts.length} charts; a sheet takes ${MAX_CHARTS}`);
  (charts as Partial<LayoutChart>[]).forEach((chart, i) => {
    const which = `chart ${i + 1} of '${sheet}'`;
    const { title, type, source, seriesBy, position } = chart ?? {};
    if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_CHART_TITLE)
      refuse(`${which} needs a title of 1 to ${MAX_CHART_TITLE} characters`);
    if (type !== 'line') refuse(`${which}: ${JSON.stringify(type)} is not a chart type (line)`);
    if (seriesBy !== 'rows' && seriesBy !== 'columns')
      refuse(`${which}: series go by 'rows' or 'columns', not ${JSON.stringify(seriesBy)}`);
    const cells = (what: string, address: unknown): CellRect =>
      (typeof address === 'string' ? parseA1(address) : undefined) ??
      refuse(`${which}: its ${what} ${JSON.stringify(address)} is not an A1 cell range such as C5:N9`);
    const plotted = cells('source', source);
    cells('position', position);
    if (plotted.bottom >= rows || plotted.right >= width)
      refuse(
        `${which} plots ${String(source)}, past the sheet's values (${rows} rows of up to ${width} cells)`,
      );
    const size = rectSize(plotted);
    if (size.rows < 2 || size.columns < 2)
      refuse(`${which} plots ${String(source)}: labels in its first row and column, then at least one value`);
    const series = (seriesBy === 'rows' ? size.rows : size.columns) - 1;
    if (series > MAX_CHART_SERIES)
      refuse(`${which} has ${series} series; Excel draws at most ${MAX_CHART_SERIES} in a chart`);
  });
}
