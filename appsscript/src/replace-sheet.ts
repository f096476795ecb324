/**
 * `replaceSheet`: the summary (or any layout core computes) written whole
 * into a sheet created at the end or cleared, then shown. One `setValues`,
 * one `setNumberFormats`, one `setBackgrounds` and one `setFontWeights` for
 * the whole layout. Sheets has no cell indent: indents are not drawn (the
 * hierarchy still reads from the path column). The layout's charts replace
 * those drawn before (`sheet-charts.ts`).
 */
import type { CellValue, SheetContent } from '../../src/hosts/host';
import { checkSheetContent } from '../../src/hosts/port-checks';
import { protectRows } from './cell-conventions';
import { addCharts, removeOwnCharts } from './sheet-charts';
import { book, ensureSize, findSheet } from './sheets';

/** Pixels of a column `characters` wide in Sheets' default 10-point Arial (about 7 px a digit, 5 of padding). */
const pixels = (characters: number) => Math.round(characters * 7 + 5);

function padded<T>(grid: readonly (readonly T[])[] | undefined, rows: number, width: number, fill: T): T[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid?.[r]?.[c] ?? fill),
  );
}

export function replaceSheet(name: string, content: SheetContent): void {
  checkSheetContent(name, content);
  const spreadsheet = book();
  const existing = findSheet(spreadsheet.getSheets(), name);
  const sheet = existing ?? spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  if (existing) {
    // Clearing a sheet leaves its charts, which float above the cells.
    sheet.clear();
    removeOwnCharts(sheet);
  }
  const rows = content.values.length;
  const width = content.values.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows > 0 && width > 0) {
    ensureSize(sheet, rows, width);
    const range = sheet.getRange(1, 1, rows, width);
    range.setValues(protectRows(padded<CellValue>(content.values, rows, width, '')));
    if (content.numberFormats) range.setNumberFormats(padded(content.numberFormats, rows, width, 'General'));
    if (content.fills)
      range.setBackgrounds(
        padded(content.fills, rows, width, '').map((row) => row.map((f) => f || null)) as string[][],
      );
    if (content.bold)
      range.setFontWeights(
        padded(content.bold, rows, width, false).map((row) => row.map((b) => (b ? 'bold' : 'normal'))),
      );
  }
  (content.columnWidths ?? []).forEach((w, i) => sheet.setColumnWidth(i + 1, pixels(w)));
  addCharts(sheet, content.charts ?? []);
  sheet.activate();
}
