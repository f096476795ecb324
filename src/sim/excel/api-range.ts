/** `Range`, `RangeFormat`, `RangeFill`, `RangeFont`. */
import { MAX_COLUMNS, MAX_ROWS, rectSize, type CellRect } from '../../core/a1';
import { boundingRect, inSheet, intersection, parseAddress, qualifiedAddress, rectArea } from './address';
import { interpretInput } from './cell-input';
import { cellText } from './cell-text';
import { normalizeColor } from './colors';
import { ResponseTooLargeError, SimError } from './errors';
import {
  argBoolean,
  argInteger,
  asBoolean,
  isHandle,
  type ClassDef,
  type Env,
  type HandleOf,
  type RangeHandle,
} from './object-model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SimCell, type SimSheet } from './workbook-model';

/** Scalars broadcast to every cell of a range are written cell by cell; beyond this the simulator refuses. */
const MAX_BROADCAST_CELLS = 2_000_000;

export function rangeHandle(sheet: SimSheet, rect: CellRect): RangeHandle {
  if (!inSheet(rect))
    throw new SimError('InvalidArgument', 'The range goes beyond the edges of the worksheet.');
  return { type: 'Range', sheet, rect };
}

/**
 * Refuses to materialise a grid that no response could carry (a whole sheet's
 * values): even empty cells cost a few bytes each.
 */
function guardGrid(rect: CellRect, env: Env): void {
  if (rectArea(rect) * 3 > env.responseLimit) throw new ResponseTooLargeError();
}

function grid<T>(h: RangeHandle, env: Env, read: (cell: SimCell | undefined) => T): T[][] {
  guardGrid(h.rect, env);
  const rows: T[][] = [];
  for (let r = h.rect.top; r <= h.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = h.rect.left; c <= h.rect.right; c++) row.push(read(h.sheet.get(r, c)));
    rows.push(row);
  }
  return rows;
}

const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/**
 * Visits each cell with its new value from a 2-D array of the range's size, or
 * one scalar for every cell, as Excel takes them. Callers collect the changes
 * and apply them afterwards, so a bad value leaves the whole range as it was.
 */
function assignGrid(
  h: RangeHandle,
  input: unknown,
  apply: (row: number, column: number, value: unknown) => void,
): void {
  const { rows, columns } = rectSize(h.rect);
  if (!Array.isArray(input)) {
    if (rectArea(h.rect) > MAX_BROADCAST_CELLS) {
      throw new SimError('NotImplemented', 'The simulator does not set one value on that many cells.');
    }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) apply(h.rect.top + r, h.rect.left + c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw new SimError('InvalidArgument', DIMENSION_MISMATCH);
  }
  (input as unknown[][]).forEach((row, r) =>
    row.forEach((v, c) => apply(h.rect.top + r, h.rect.left + c, v)),
  );
}

function setContents(h: RangeHandle, input: unknown): void {
  const changes: [number, number, ReturnType<typeof interpretInput>][] = [];
  assignGrid(h, input, (row, column, value) => {
    const format = h.sheet.get(row, column)?.numberFormat ?? 'General';
    changes.push([row, column, interpretInput(value, format)]);
  });
  for (const [row, column, content] of changes) {
    if (!content) continue;
    h.sheet.update(row, column, (cell) => {
      cell.value = content.value;
      if (content.formula !== undefined) cell.formula = content.formula;
      else delete cell.formula;
      if (content.error) cell.error = true;
      else delete cell.error;
      if (content.quotePrefix) cell.quotePrefix = true;
      else delete cell.quotePrefix;
      if (content.impliedFormat && (cell.numberFormat ?? 'General') === 'General') {
        cell.numberFormat = content.impliedFormat;
      }
    });
  }
}

function setCellFormat(h: RangeHandle, change: (cell: SimCell) => void): void {
  if (rectArea(h.rect) > MAX_BROADCAST_CELLS) {
    throw new SimError('NotImplemented', 'The simulator does not format that many cells at once.');
  }
  for (let r = h.rect.top; r <= h.rect.bottom; r++) {
    for (let c = h.rect.left; c <= h.rect.right; c++) h.sheet.update(r, c, change);
  }
}

/** The one value all cells share, or null when they differ (Excel's answer for a mixed range). */
function uniform<T>(h: RangeHandle, read: (cell: SimCell) => T, empty: T): T | null {
  let seen: { value: T } | undefined;
  let stored = 0;
  let mixed = false;
  h.sheet.forEachStored(h.rect, (cell) => {
    stored++;
    const v = read(cell);
    if (!seen) seen = { value: v };
    else if (seen.value !== v) mixed = true;
  });
  if (stored < rectArea(h.rect)) {
    if (seen && seen.value !== empty) mixed = true;
    seen = seen ?? { value: empty };
  }
  return mixed || !seen ? null : seen.value;
}

function valueType(cell: SimCell | undefined): string {
  if (!cell || cell.value === '') return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

function otherRange(h: RangeHandle, arg: unknown): CellRect {
  if (isHandle(arg) && arg.type === 'Range') {
    if (arg.sheet !== h.sheet) throw new SimError('InvalidArgument', 'The ranges are on different sheets.');
    return arg.rect;
  }
  const rect = typeof arg === 'string' ? parseAddress(arg) : undefined;
  if (!rect) throw new SimError('InvalidArgument', 'Expected a range or an address.');
  return rect;
}

function usedWithin(h: RangeHandle, valuesOnly: boolean): CellRect | undefined {
  const used = h.sheet.usedRect(valuesOnly);
  return used && intersection(used, h.rect);
}

function clear(h: RangeHandle, applyTo: unknown): void {
  const what = applyTo ?? 'All';
  if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks'].includes(String(what))) {
    throw new SimError('InvalidArgument', `Unknown ClearApplyTo '${String(what)}'.`);
  }
  const contents = what === 'All' || what === 'Contents';
  const formats = what === 'All' || what === 'Formats';
  const cells: [number, number][] = [];
  h.sheet.forEachStored(h.rect, (_cell, r, c) => cells.push([r, c]));
  for (const [r, c] of cells) {
    h.sheet.update(r, c, (cell) => {
      if (contents) {
        cell.value = '';
        delete cell.formula;
        delete cell.error;
        delete cell.quotePrefix;
      }
      if (formats) {
        delete cell.numberFormat;
        delete cell.fill;
        delete cell.fontColor;
        delete cell.bold;
        delete cell.indent;
      }
    });
  }
  if (formats) h.sheet.clearConditionalFormats(h.rect, false);
}

export const Range: ClassDef<RangeHandle> = {
  check: (h) => {
    if (h.sheet.deleted) throw new SimError('ItemNotFound', `The sheet '${h.sheet.name}' was deleted.`);
  },
  properties: {
    Address: { get: (h) => qualifiedAddress(h.sheet.name, h.rect) },
    AddressLocal: { get: (h) => qualifiedAddress(h.sheet.name, h.rect) },
    RowCount: { get: (h) => rectSize(h.rect).rows },
    ColumnCount: { get: (h) => rectSize(h.rect).columns },
    CellCount: { get: (h) => rectArea(h.rect) },
    RowIndex: { get: (h) => h.rect.top },
    ColumnIndex: { get: (h) => h.rect.left },
    IsEntireColumn: { get: (h) => h.rect.top === 0 && h.rect.bottom === MAX_ROWS - 1 },
    IsEntireRow: { get: (h) => h.rect.left === 0 && h.rect.right === MAX_COLUMNS - 1 },
    Values: {
      get: (h, env) => grid(h, env, (cell) => cell?.value ?? ''),
      set: (h, value) => setContents(h, value),
    },
    Formulas: {
      get: (h, env) => grid(h, env, (cell) => cell?.formula ?? cell?.value ?? ''),
      set: (h, value) => setContents(h, value),
    },
    NumberFormat: {
      get: (h, env) => grid(h, env, (cell) => cell?.numberFormat ?? 'General'),
      set: (h, input) => {
        const changes: [number, number, string][] = [];
        assignGrid(h, input, (r, c, v) => {
          if (v === null) return;
          if (typeof v !== 'string')
            throw new SimError('InvalidArgument', 'A number format must be a string.');
          changes.push([r, c, v]);
        });
        for (const [r, c, format] of changes) {
          h.sheet.update(r, c, (cell) => {
            if (format === '' || format === 'General') delete cell.numberFormat;
            else cell.numberFormat = format;
          });
        }
      },
    },
    Text: {
      get: (h, env) => grid(h, env, cellText),
    },
    ValueTypes: { get: (h, env) => grid(h, env, valueType) },
  },
  navigation: {
    Format: (h) => ({ type: 'RangeFormat', range: h }),
    Worksheet: (h) => ({ type: 'Worksheet', sheet: h.sheet }),
    ConditionalFormats: (h) => ({ type: 'ConditionalFormatCollection', range: h }),
  },
  objectMethods: {
    GetCell: (h, args) => {
      const row = argInteger(args, 0, 'row');
      const column = argInteger(args, 1, 'column');
      const top = h.rect.top + row;
      const left = h.rect.left + column;
      return rangeHandle(h.sheet, { top, left, bottom: top, right: left });
    },
    GetResizedRange: (h, args) => {
      const rows = argInteger(args, 0, 'deltaRows');
      const columns = argInteger(args, 1, 'deltaColumns');
      return rangeHandle(h.sheet, { ...h.rect, bottom: h.rect.bottom + rows, right: h.rect.right + columns });
    },
    GetOffsetRange: (h, args) => {
      const rows = argInteger(args, 0, 'rowOffset');
      const columns = argInteger(args, 1, 'columnOffset');
      return rangeHandle(h.sheet, {
        top: h.rect.top + rows,
        left: h.rect.left + columns,
        bottom: h.rect.bottom + rows,
        right: h.rect.right + columns,
      });
    },
    GetRow: (h, args) => {
      const top = h.rect.top + argInteger(args, 0, 'row');
      return rangeHandle(h.sheet, { top, bottom: top, left: h.rect.left, right: h.rect.right });
    },
    GetColumn: (h, args) => {
      const left = h.rect.left + argInteger(args, 0, 'column');
      return rangeHandle(h.sheet, { top: h.rect.top, bottom: h.rect.bottom, left, right: left });
    },
    GetEntireRow: (h) => rangeHandle(h.sheet, { ...h.rect, left: 0, right: MAX_COLUMNS - 1 }),
    GetEntireColumn: (h) => rangeHandle(h.sheet, { ...h.rect, top: 0, bottom: MAX_ROWS - 1 }),
    GetBoundingRect: (h, args) => rangeHandle(h.sheet, boundingRect(h.rect, otherRange(h, args[0]))),
    GetIntersection: (h, args) => {
      const rect = intersection(h.rect, otherRange(h, args[0]));
      if (!rect) throw new SimError('InvalidArgument', 'The ranges do not intersect.');
      return rangeHandle(h.sheet, rect);
    },
    GetIntersectionOrNullObject: (h, args) => {
      const rect = intersection(h.rect, otherRange(h, args[0]));
      return rect ? rangeHandle(h.sheet, rect) : null;
    },
    GetUsedRange: (h, args) => {
      const rect = usedWithin(h, argBoolean(args, 0, false));
      if (!rect) throw new SimError('ItemNotFound', 'There are no used cells in the range.');
      return rangeHandle(h.sheet, rect);
    },
    GetUsedRangeOrNullObject: (h, args) => {
      const rect = usedWithin(h, argBoolean(args, 0, false));
      return rect ? rangeHandle(h.sheet, rect) : null;
    },
  },
  methods: {
    Clear: (h, args) => clear(h, args[0]),
    Select: (h, _args, env) => env.wb.select(h.sheet, h.rect),
    Calculate: () => undefined,
    // The library checks a large array's size before it splits the assignment into chunks.
    _ValidateArraySize: (h, args) => {
      if (
        argInteger(args, 0, 'rows') !== rectSize(h.rect).rows ||
        argInteger(args, 1, 'columns') !== rectSize(h.rect).columns
      ) {
        throw new SimError('InvalidArgument', DIMENSION_MISMATCH);
      }
    },
  },
};

function sameForAllColumns(h: RangeHandle, widths: Map<number, number>, fallback: number): number | null {
  let width: number | undefined;
  for (let c = h.rect.left; c <= h.rect.right; c++) {
    const w = widths.get(c) ?? fallback;
    if (width === undefined) width = w;
    else if (w !== width) return null;
  }
  return width ?? null;
}

function sameForAllRows(h: RangeHandle, heights: Map<number, number>, fallback: number): number | null {
  if (rectSize(h.rect).rows > 100_000) return heights.size === 0 ? fallback : null;
  let height: number | undefined;
  for (let r = h.rect.top; r <= h.rect.bottom; r++) {
    const v = heights.get(r) ?? fallback;
    if (height === undefined) height = v;
    else if (v !== height) return null;
  }
  return height ?? null;
}

function positiveNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SimError('InvalidArgument', `${what} must be a number of points.`);
  }
  return value;
}

export const RangeFormat: ClassDef<HandleOf<'RangeFormat'>> = {
  properties: {
    ColumnWidth: {
      get: (h) => sameForAllColumns(h.range, h.range.sheet.columnWidths, DEFAULT_COLUMN_WIDTH),
      set: (h, value) => {
        const width = positiveNumber(value, 'columnWidth');
        for (let c = h.range.rect.left; c <= h.range.rect.right; c++)
          h.range.sheet.columnWidths.set(c, width);
      },
    },
    RowHeight: {
      get: (h) => sameForAllRows(h.range, h.range.sheet.rowHeights, DEFAULT_ROW_HEIGHT),
      set: (h, value) => {
        const height = positiveNumber(value, 'rowHeight');
        if (rectSize(h.range.rect).rows > 100_000)
          throw new SimError('NotImplemented', 'Too many rows for the simulator.');
        for (let r = h.range.rect.top; r <= h.range.rect.bottom; r++) h.range.sheet.rowHeights.set(r, height);
      },
    },
    IndentLevel: {
      get: (h) => uniform(h.range, (cell) => cell.indent ?? 0, 0),
      set: (h, value) => {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 250) {
          throw new SimError('InvalidArgument', 'indentLevel must be an integer from 0 to 250.');
        }
        setCellFormat(h.range, (cell) => {
          if (value === 0) delete cell.indent;
          else cell.indent = value;
        });
      },
    },
  },
  navigation: {
    Fill: (h) => ({ type: 'RangeFill', range: h.range }),
    Font: (h) => ({ type: 'RangeFont', range: h.range }),
  },
  methods: {
    AutofitColumns: () => undefined,
    AutofitRows: () => undefined,
  },
};

const NO_FILL = '#FFFFFF';

export const RangeFill: ClassDef<HandleOf<'RangeFill'>> = {
  properties: {
    Color: {
      get: (h) => uniform(h.range, (cell) => cell.fill ?? NO_FILL, NO_FILL),
      set: (h, value) => {
        const color = normalizeColor(value);
        setCellFormat(h.range, (cell) => {
          cell.fill = color;
        });
      },
    },
  },
  methods: {
    Clear: (h) => {
      const cells: [number, number][] = [];
      h.range.sheet.forEachStored(h.range.rect, (_cell, r, c) => cells.push([r, c]));
      for (const [r, c] of cells) h.range.sheet.update(r, c, (cell) => delete cell.fill);
    },
  },
};

export const RangeFont: ClassDef<HandleOf<'RangeFont'>> = {
  properties: {
    Color: {
      get: (h) => uniform(h.range, (cell) => cell.fontColor ?? '#000000', '#000000'),
      set: (h, value) => {
        const color = normalizeColor(value);
        setCellFormat(h.range, (cell) => {
          if (color === '#000000') delete cell.fontColor;
          else cell.fontColor = color;
        });
      },
    },
    Bold: {
      get: (h) => uniform(h.range, (cell) => cell.bold ?? false, false),
      set: (h, value) => {
        const bold = asBoolean(value, 'bold');
        setCellFormat(h.range, (cell) => {
          if (bold) cell.bold = true;
          else delete cell.bold;
        });
      },
    },
    Italic: { get: () => false },
    Name: { get: () => 'Calibri' },
    Size: { get: () => 11 },
  },
};
