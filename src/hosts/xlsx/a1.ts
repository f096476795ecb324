/**
 * A1 addresses of rectangular cell ranges, 0-based and inclusive inside.
 * Whole rows or columns (`A:A`, `3:3`) are not cell ranges here: nothing in
 * Plumbline links them, and reading one would mean a million cells.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
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

/** `A` → `0`, `AA` → `26` (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return undefined;
  return { row, col };
}

/** Parses `B7`, `C5:N9`, `$C$5:$N$9` (any case, corners in any order); undefined when it is not a cell range. */
export function tryParseAddress(address: string): CellRange | undefined {
  const parts = address.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0] ?? '');
  const b = parts.length === 2 ? parseCell(parts[1] ?? '') : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function parseAddress(address: string): CellRange {
  const range = tryParseAddress(address);
  if (!range) throw new Error(`'${address}' is not an A1 cell range such as B7 or C5:N9`);
  return range;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `C5:N9`, or `B7` for a single cell. */
export function formatAddress(range: CellRange, absolute = false): string {
  const d = absolute ? '$' : '';
  const first = `${d}${columnLetters(range.left)}${d}${range.top + 1}`;
  if (range.top === range.bottom && range.left === range.right) return first;
  return `${first}:${d}${columnLetters(range.right)}${d}${range.bottom + 1}`;
}

export function rangeHeight(range: CellRange): number {
  return range.bottom - range.top + 1;
}

export function rangeWidth(range: CellRange): number {
  return range.right - range.left + 1;
}
