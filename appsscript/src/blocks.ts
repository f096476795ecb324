/**
 * `readBlocks` and `writeBlocks`: one `getValues`, one `getFormulas` and one
 * `getNumberFormats` per range read (the part inside the sheet's grid; cells
 * past it are blank, in General); one `setValues` (and one `setNumberFormats`)
 * per block written, the grid grown first where a block reaches past it.
 * Arguments are checked whole (`port-checks.ts`) and every sheet found before
 * the first write, so a refused call writes nothing.
 */
import { rectSize, type CellRect } from '../../src/core/a1';
import type { Block, BlockWrite, CellValue, RangeRef } from '../../src/hosts/host';
import { checkReads, checkWrites } from '../../src/hosts/port-checks';
import { portFormat, portValue, protectRows } from './cell-conventions';
import { book, ensureSize, requireSheets } from './sheets';

function blank<T>(rect: CellRect, fill: T): T[][] {
  const { rows, columns } = rectSize(rect);
  return Array.from({ length: rows }, () => Array<T>(columns).fill(fill));
}

export function readBlocks(refs: RangeRef[]): Block[] {
  if (refs.length === 0) return [];
  const rects = checkReads(refs);
  const sheets = requireSheets(refs.map((r) => r.sheet));
  const zone = book().getSpreadsheetTimeZone();
  return refs.map((ref, i) => {
    const rect = rects[i]!;
    const sheet = sheets.get(ref.sheet)!;
    const values = blank<CellValue>(rect, '');
    const formulas = blank(rect, '');
    const numberFormats = blank(rect, 'General');
    const bottom = Math.min(rect.bottom, sheet.getMaxRows() - 1);
    const right = Math.min(rect.right, sheet.getMaxColumns() - 1);
    if (bottom >= rect.top && right >= rect.left) {
      const range = sheet.getRange(rect.top + 1, rect.left + 1, bottom - rect.top + 1, right - rect.left + 1);
      const v = range.getValues();
      const f = range.getFormulas();
      const n = range.getNumberFormats();
      v.forEach((row, r) =>
        row.forEach((cell, c) => {
          values[r]![c] = portValue(cell, zone);
          formulas[r]![c] = f[r]?.[c] ?? '';
          numberFormats[r]![c] = portFormat(n[r]?.[c] ?? '');
        }),
      );
    }
    return { sheet: ref.sheet, address: ref.address, values, formulas, numberFormats };
  });
}

export function writeBlocks(writes: BlockWrite[]): void {
  if (writes.length === 0) return;
  const rects = checkWrites(writes);
  const sheets = requireSheets(writes.map((w) => w.sheet));
  writes.forEach((w, i) => {
    const rect = rects[i]!;
    const sheet = sheets.get(w.sheet)!;
    ensureSize(sheet, rect.bottom + 1, rect.right + 1);
    const { rows, columns } = rectSize(rect);
    const range = sheet.getRange(rect.top + 1, rect.left + 1, rows, columns);
    if (w.numberFormats) range.setNumberFormats(w.numberFormats);
    range.setValues(protectRows(w.values));
  });
}
