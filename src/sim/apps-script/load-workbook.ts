/**
 * A saved workbook opened in the fake as Google Sheets imports an .xlsx: the
 * cells with their cached formula results and number formats (Excel's
 * `General` becomes Automatic), the defined names that refer to ranges as named
 * ranges, and every hidden sheet — Excel's very hidden too — simply hidden,
 * Sheets having one hidden state. Grids keep Sheets' new-sheet size at least.
 */
import { parseA1 } from '../../core/a1';
import type { WorkbookSnapshot } from '../../hosts/workbook-snapshot';
import type { Cell } from './cells';
import type { ExecutionClock } from './execution';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

export function spreadsheetFromSnapshot(
  snapshot: WorkbookSnapshot,
  clock: ExecutionClock,
  options: { id: string; name: string; timeZone?: string },
): FakeSpreadsheet {
  const book = new FakeSpreadsheet(clock, options.id, options.name, options.timeZone);
  for (const s of snapshot.sheets) {
    const width = s.values.reduce((max, row) => Math.max(max, row.length), 0);
    const sheet = book.addLoadedSheet(
      s.name,
      Math.max(NEW_SHEET_ROWS, s.values.length),
      Math.max(NEW_SHEET_COLUMNS, width),
    );
    sheet.hidden = s.visibility !== 'visible';
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = s.formulas[r]?.[c] ?? '';
        const format = s.numberFormats[r]?.[c];
        const cell: Cell = { value, formula, ...(format && format !== 'General' ? { format } : {}) };
        sheet.putCell(r, c, cell);
      }),
    );
  }
  for (const n of snapshot.names) {
    const sheet = book.getSheetByName(n.sheet);
    const rect = parseA1(n.address);
    if (!sheet || !rect) continue;
    book.setNamedRange(
      n.name,
      sheet.getRange(rect.top + 1, rect.left + 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1),
    );
  }
  return book;
}
