/**
 * A1 addresses without a sheet (`C5`, `C5:N9`, `$C$5:$N$9`), as 0-based
 * row/column rectangles: the one parser and formatter that core, every host
 * and the simulator build on. Sheet-qualified references (`'Ops KPIs'!C5:N9`)
 * and Excel's naming rules are in `sheet-reference.ts`.
 *
 * Whole rows or columns (`A:A`, `3:3`) are not cell ranges here: nothing in
 * Plumbline links them, and reading one would mean a million cells.
 */

/** Rows in an Excel worksheet (and the most any host here addresses). */
export const MAX_ROWS = 1_048_576;
/** Columns in an Excel worksheet: `A` to `XFD`. */
export const MAX_COLUMNS = 16_384;

export interface CellRect {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `A` → `0`, `AA` → `26` (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Parses one cell, `C5` or `$C$5` (any case), exactly as given (no trimming);
 * undefined when it is not a cell inside a worksheet's bounds.
 */
export function parseCellA1(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const column = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return undefined;
  return { row, column };
}

/**
 * Parses `B7`, `C5:N9` or `$C$5:$N$9` (any case, either corner first, spaces
 * around each corner ignored); undefined when it is not a cell range.
 */
export function parseA1(address: string): CellRect | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellA1((parts[0] ?? '').trim());
  const b = parts.length === 2 ? parseCellA1((parts[1] ?? '').trim()) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** {@link parseA1}, throwing a `RangeError` that names the address when it is not a cell range. */
export function requireA1(address: string): CellRect {
  const rect = parseA1(address);
  if (!rect) throw new RangeError(`'${address}' is not an A1 cell range such as B7 or C5:N9`);
  return rect;
}

/** `B7`, or `$B$7` when `absolute`. */
export function cellA1(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** `C5:N9` (`$C$5:$N$9` when `absolute`), or `B7` for a single cell. */
export function rectA1(rect: CellRect, absolute = false): string {
  const start = cellA1(rect.top, rect.left, absolute);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cellA1(rect.bottom, rect.right, absolute)}`;
}

/** How many rows and columns a rectangle spans. */
export function rectSize(rect: CellRect): { rows: number; columns: number } {
  return { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 };
}
