/**
 * The hidden `_plumbline` sheet (link rows, canonical values) and the
 * workbook id, a named range on its A1 — exactly the format Excel and the CLI
 * use, so a workbook moves between them with its links. Ids come from
 * `Utilities.getUuid()`: Apps Script has no Web Crypto.
 */
import { metadataRowsFromCells, rectangularRows } from '../../src/core/metadata-rows';
import { METADATA_SHEET } from '../../src/hosts/host';
import { checkMetadataRows } from '../../src/hosts/port-checks';
import { workbookIdFromNames, workbookIdName } from '../../src/hosts/workbook-id';
import { portValue, protectRows } from './cell-conventions';
import { book, ensureSize, findSheet } from './sheets';

/** The `_plumbline` sheet, created hidden (without taking the user's place) when missing. */
function metadataSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = book();
  const existing = findSheet(spreadsheet.getSheets(), METADATA_SHEET);
  if (existing) return existing;
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(METADATA_SHEET, spreadsheet.getSheets().length);
  sheet.hideSheet();
  spreadsheet.setActiveSheet(active);
  return sheet;
}

export function workbookInfo(): { id: string; name: string } {
  const spreadsheet = book();
  const names = spreadsheet.getNamedRanges().map((n) => ({ name: n.getName() }));
  const existing = workbookIdFromNames(names);
  if (existing) return { id: existing, name: spreadsheet.getName() };
  const id = Utilities.getUuid();
  const ref = workbookIdName(id);
  spreadsheet.setNamedRange(ref.name, metadataSheet().getRange(ref.address));
  return { id, name: spreadsheet.getName() };
}

export function readMetadataRows(): string[][] {
  const sheet = findSheet(book().getSheets(), METADATA_SHEET);
  if (!sheet || sheet.getLastRow() === 0) return [];
  const zone = book().getSpreadsheetTimeZone();
  const values = sheet
    .getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn())
    .getValues()
    .map((row) => row.map((v) => portValue(v, zone)));
  return metadataRowsFromCells(values);
}

export function writeMetadataRows(rows: string[][]): void {
  checkMetadataRows(rows);
  const sheet = metadataSheet();
  sheet.clear();
  const values = rectangularRows(rows);
  const width = values[0]?.length ?? 0;
  if (values.length === 0 || width === 0) return;
  ensureSize(sheet, values.length, width);
  sheet.getRange(1, 1, values.length, width).setValues(protectRows(values));
}
