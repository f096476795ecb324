/**
 * Writes a brand-new workbook from sheet layouts (exceljs is fine here: there
 * is no user file whose parts could be lost). Strings are written as text
 * cells; exceljs only writes a formula for an explicit `{ formula }` value, so
 * `=SUM(A1)` typed by a user arrives as the text it is.
 */
import ExcelJS from 'exceljs';
import type { SheetLayout } from '../../core/sheet-layout';

export interface NamedLayout {
  name: string;
  layout: SheetLayout;
}

/** The same face for bold and plain cells (without a name, some readers fall back to a serif for bold). */
const FONT = 'Calibri';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

export async function renderNewWorkbook(sheets: readonly NamedLayout[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plumbline';
  for (const { name, layout } of sheets) {
    const sheet = workbook.addWorksheet(name, {
      views: layout.frozenRows ? [{ state: 'frozen', ySplit: layout.frozenRows }] : [],
      // Printed or exported, a report sheet reads across one page width.
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    layout.columnWidths?.forEach((width, c) => {
      sheet.getColumn(c + 1).width = width;
    });
    layout.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === '') return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        const numFmt = layout.numberFormats?.[r]?.[c];
        if (numFmt && numFmt !== 'General') cell.numFmt = numFmt;
        const fill = layout.fills?.[r]?.[c];
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
        if (layout.bold?.[r]?.[c]) cell.font = { name: FONT, bold: true };
        const indent = layout.indents?.[r]?.[c];
        // Excel shows an indent only on left-aligned cells.
        if (indent) cell.alignment = { horizontal: 'left', indent };
      });
      // Fills reach empty cells too, so coloured bands stay whole.
      layout.fills?.[r]?.forEach((fill, c) => {
        if (fill && row[c] === '') {
          sheet.getCell(r + 1, c + 1).fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: argb(fill) },
          };
        }
      });
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
