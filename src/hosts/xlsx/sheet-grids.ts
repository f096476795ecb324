/**
 * The dense 2-D arrays a sheet's content is held in. The host hands out and
 * takes in copies, never its own arrays, so a caller mutating a block or a
 * snapshot cannot change the workbook behind the host's back; cells past a
 * row's end read as the port's blanks.
 */
import type { CellValue, SheetVisibility } from '../host';
import type { SheetSnapshot } from '../workbook-snapshot';

export function cloneGrid<T>(grid: T[][]): T[][] {
  return grid.map((row) => [...row]);
}

export function cloneSheet(sheet: SheetSnapshot): SheetSnapshot {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    values: cloneGrid(sheet.values),
    formulas: cloneGrid(sheet.formulas),
    numberFormats: cloneGrid(sheet.numberFormats),
  };
}

export function emptySheet(name: string, visibility: SheetVisibility): SheetSnapshot {
  return { name, visibility, values: [], formulas: [], numberFormats: [] };
}

export function widthOf(grid: unknown[][]): number {
  return grid.reduce((max, row) => Math.max(max, row.length), 0);
}

/** Grows a sheet's dense arrays to at least `rows` × `cols`. */
export function ensureSize(sheet: SheetSnapshot, rows: number, cols: number): void {
  const width = Math.max(cols, widthOf(sheet.values));
  while (sheet.values.length < rows) {
    sheet.values.push([]);
    sheet.formulas.push([]);
    sheet.numberFormats.push([]);
  }
  for (let r = 0; r < sheet.values.length; r++) {
    const values = sheet.values[r] as CellValue[];
    const formulas = sheet.formulas[r] as string[];
    const formats = sheet.numberFormats[r] as string[];
    while (values.length < width) values.push('');
    while (formulas.length < width) formulas.push('');
    while (formats.length < width) formats.push('General');
  }
}

export function cellOf<T>(grid: T[][] | undefined, row: number, col: number, fallback: T): T {
  return grid?.[row]?.[col] ?? fallback;
}
