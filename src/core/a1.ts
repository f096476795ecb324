/**
 * A1 addresses without a sheet (`C5`, `C5:N9`, `$C$5:$N$9`), as 0-based
 * row/column rectangles, and sheet-qualified references for defined names.
 */

export interface CellRect {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

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

function parseCell(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const column = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return undefined;
  return { row, column };
}

/** Parses `C5` or `C5:N9` (either corner first); undefined when it is not an A1 range. */
export function parseA1(address: string): CellRect | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0] ?? '');
  const b = parts.length === 2 ? parseCell(parts[1] ?? '') : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectA1(rect: CellRect): string {
  const start = cellA1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cellA1(rect.bottom, rect.right)}`;
}

export function rectSize(rect: CellRect): { rows: number; columns: number } {
  return { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 };
}

/** `'Ops KPIs'!$C$5:$N$9`: quoted when the sheet name needs it, absolute so it survives copying. */
export function sheetReference(sheet: string, address: string): string {
  const rect = parseA1(address);
  if (!rect) throw new RangeError(`Not an A1 range: ${address}`);
  const abs = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
  const start = abs(rect.top, rect.left);
  const range =
    rect.top === rect.bottom && rect.left === rect.right ? start : `${start}:${abs(rect.bottom, rect.right)}`;
  return `${quoteSheet(sheet)}!${range}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Parses `'Ops KPIs'!$C$5:$N$9` or `Sheet1!A1`; undefined for anything else (several areas, other workbooks). */
export function parseSheetReference(reference: string): { sheet: string; address: string } | undefined {
  const text = reference.trim().replace(/^=/, '');
  const m = /^(?:'((?:[^']|'')+)'|([^'!\s[\]]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
    text,
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const rect = parseA1(m[3]!);
  return rect ? { sheet, address: rectA1(rect) } : undefined;
}
