/**
 * Finding sheets as the port expects (Excel's way: names without case) and
 * naming the missing ones in one `ItemNotFound`, before anything is written.
 * Sheets has one hidden state; the `_plumbline` sheet, hidden by Plumbline and
 * out of the user's way, is the port's `veryHidden`.
 */
import { METADATA_SHEET, type SheetInfo } from '../../src/hosts/host';
import { HostError } from '../../src/hosts/host-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function book(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function findSheet(sheets: Sheet[], name: string): Sheet | undefined {
  return (
    sheets.find((s) => s.getName() === name) ??
    sheets.find((s) => s.getName().toLowerCase() === name.toLowerCase())
  );
}

/** The sheets by the names asked, or ItemNotFound naming every missing one. */
export function requireSheets(names: string[]): Map<string, Sheet> {
  const sheets = book().getSheets();
  const found = new Map<string, Sheet>();
  const missing: string[] = [];
  for (const name of new Set(names)) {
    const sheet = findSheet(sheets, name);
    if (sheet) found.set(name, sheet);
    else missing.push(name);
  }
  if (missing.length > 0)
    throw new HostError(
      'ItemNotFound',
      `No sheet named ${missing.map((n) => `'${n}'`).join(', ')} in this spreadsheet`,
    );
  return found;
}

export function listSheets(): SheetInfo[] {
  return book()
    .getSheets()
    .map((s) => ({
      name: s.getName(),
      visibility: !s.isSheetHidden() ? 'visible' : s.getName() === METADATA_SHEET ? 'veryHidden' : 'hidden',
    }));
}

/** Sheets' grids have the rows and columns they have: grow one to hold a block. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}
