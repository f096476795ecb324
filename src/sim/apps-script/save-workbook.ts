/**
 * A spreadsheet as Sheets downloads it (File › Download › Microsoft Excel),
 * as the workbook snapshot a new .xlsx is written from: each cell's value
 * (a formula's last result) and number format, Sheets' Automatic as
 * `General`, named ranges as defined names, hidden sheets hidden — Sheets has
 * one hidden state, so the `_plumbline` sheet comes back hidden, not very
 * hidden. The inverse of `load-workbook.ts`.
 */
import type { CellValue } from '../../hosts/host';
import type { SheetSnapshot, WorkbookSnapshot } from '../../hosts/workbook-snapshot';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

function sheetSnapshot(sheet: FakeSheet): SheetSnapshot {
  const { lastRow, lastColumn } = sheet.extent();
  const grid = <T>(read: (r: number, c: number) => T): T[][] =>
    Array.from({ length: lastRow + 1 }, (_, r) =>
      Array.from({ length: lastColumn + 1 }, (_, c) => read(r, c)),
    );
  return {
    name: sheet.getName(),
    visibility: sheet.hidden ? 'hidden' : 'visible',
    values: grid((r, c): CellValue => sheet.cell(r, c)?.value ?? ''),
    formulas: grid((r, c) => sheet.cell(r, c)?.formula ?? ''),
    numberFormats: grid((r, c) => sheet.cell(r, c)?.format ?? 'General'),
  };
}

export function snapshotFromSpreadsheet(book: FakeSpreadsheet): WorkbookSnapshot {
  return {
    sheets: book.getSheets().map(sheetSnapshot),
    names: book.getNamedRanges().map((n) => {
      const range = n.getRange();
      return { name: n.getName(), sheet: range.getSheet().getName(), address: range.getA1Notation() };
    }),
  };
}
