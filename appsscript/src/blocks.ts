/**
 * `readBlocks` and `writeBlocks`: one `getValues`, one `getFormulas` and one
 * `getNumberFormats` per region read (`read-regions.ts`: usually one region
 * per sheet, whatever the number of ranges; cells past the sheet's grid are
 * blank, in General); one `setValues` per block written, and its formats
 * in one `setNumberFormats`, or with the blocks next to it that take the
 * same single format in one `RangeList`; the grid grown first where a block
 * reaches past it.
 * Arguments are checked whole (`port-checks.ts`) and every sheet found before
 * the first write, so a refused call writes nothing.
 */
import { rectSize, type CellRect } from '../../src/core/a1';
import type { Block, BlockWrite, CellValue, RangeRef } from '../../src/hosts/host';
import { checkReads, checkWrites } from '../../src/hosts/port-checks';
import { portFormat, portValue, protectRows } from './cell-conventions';
import { planRegions } from './read-regions';
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
  const blocks: Block[] = refs.map((ref, i) => ({
    sheet: ref.sheet,
    address: ref.address,
    values: blank<CellValue>(rects[i]!, ''),
    formulas: blank(rects[i]!, ''),
    numberFormats: blank(rects[i]!, 'General'),
  }));
  const reads = refs.map((ref, i) => ({ sheet: ref.sheet, rect: rects[i]! }));
  for (const region of planRegions(reads)) {
    const sheet = sheets.get(region.sheet)!;
    const { rect } = region;
    // The part of the region inside the sheet's grid; cells past it stay blank, in General.
    const bottom = Math.min(rect.bottom, sheet.getMaxRows() - 1);
    const right = Math.min(rect.right, sheet.getMaxColumns() - 1);
    if (bottom < rect.top || right < rect.left) continue;
    const range = sheet.getRange(rect.top + 1, rect.left + 1, bottom - rect.top + 1, right - rect.left + 1);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    for (const i of region.members) {
      const own = rects[i]!;
      const block = blocks[i]!;
      for (let r = own.top; r <= Math.min(own.bottom, bottom); r++) {
        for (let c = own.left; c <= Math.min(own.right, right); c++) {
          const [y, x] = [r - rect.top, c - rect.left];
          block.values[r - own.top]![c - own.left] = portValue(values[y]?.[x], zone);
          block.formulas[r - own.top]![c - own.left] = formulas[y]?.[x] ?? '';
          block.numberFormats[r - own.top]![c - own.left] = portFormat(formats[y]?.[x] ?? '');
        }
      }
    }
  }
  return blocks;
}

/** The one format of every cell of `formats`, or undefined when they differ. */
function uniform(formats: readonly (readonly string[])[] | undefined): string | undefined {
  const first = formats?.[0]?.[0];
  return first !== undefined && formats!.every((row) => row.every((f) => f === first)) ? first : undefined;
}

export function writeBlocks(writes: BlockWrite[]): void {
  if (writes.length === 0) return;
  const rects = checkWrites(writes);
  const sheets = requireSheets(writes.map((w) => w.sheet));
  writes.forEach((w, i) => {
    const rect = rects[i]!;
    ensureSize(sheets.get(w.sheet)!, rect.bottom + 1, rect.right + 1);
  });
  // Writes in order, each block's formats before its values; a run of blocks on one sheet that
  // take one format each gets it in one RangeList call (the order within a run does not matter:
  // the format is the same).
  for (let start = 0; start < writes.length;) {
    const w = writes[start]!;
    const sheet = sheets.get(w.sheet)!;
    const format = uniform(w.numberFormats);
    let end = start + 1;
    while (
      format !== undefined &&
      end < writes.length &&
      writes[end]!.sheet === w.sheet &&
      uniform(writes[end]!.numberFormats) === format
    )
      end += 1;
    const run = writes.slice(start, end).map((write, k) => {
      const rect = rects[start + k]!;
      const { rows, columns } = rectSize(rect);
      return { write, range: sheet.getRange(rect.top + 1, rect.left + 1, rows, columns) };
    });
    if (run.length > 1) sheet.getRangeList(run.map((r) => r.range.getA1Notation())).setNumberFormat(format!);
    else if (w.numberFormats) run[0]!.range.setNumberFormats(w.numberFormats);
    for (const { write, range } of run) range.setValues(protectRows(write.values));
    start = end;
  }
}
