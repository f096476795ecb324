/**
 * `readBlocks` and `writeBlocks` over the workbook held in memory. Reads may
 * address any worksheet; writes only Plumbline's own, and every block of a
 * call is checked (`../port-checks.ts`, then the sheets) before the first is
 * applied, so a refused call changes nothing.
 */
import { rectSize } from '../../core/a1';
import type { Block, BlockWrite, CellValue, RangeRef } from '../host';
import { HostError } from '../host-error';
import { checkReads, checkWrites } from '../port-checks';
import { cellOf, ensureSize } from './sheet-grids';
import { requireOwnSheet, requireSheet, type WorkbookState } from './workbook-state';

/** More cells than this in one read is a mistake (a whole-sheet range), not a link. */
const MAX_CELLS_PER_READ = 4_000_000;

export async function readBlocks(state: WorkbookState, refs: RangeRef[]): Promise<Block[]> {
  const ranges = checkReads(refs);
  const reads = refs.map((ref, i) => ({ ref, sheet: requireSheet(state, ref.sheet), range: ranges[i]! }));
  return reads.map(({ ref, sheet, range }) => {
    const { rows, columns } = rectSize(range);
    if (rows * columns > MAX_CELLS_PER_READ) {
      throw new HostError('InvalidArgument', `'${ref.address}' is more cells than one read may take`);
    }
    const slice = <T>(grid: T[][], fallback: T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => cellOf(grid, range.top + r, range.left + c, fallback)),
      );
    return {
      sheet: ref.sheet,
      address: ref.address,
      values: slice<CellValue>(sheet.content.values, ''),
      formulas: slice(sheet.content.formulas, ''),
      numberFormats: slice(sheet.content.numberFormats, 'General'),
    };
  });
}

export async function writeBlocks(state: WorkbookState, writes: BlockWrite[]): Promise<void> {
  const ranges = checkWrites(writes);
  const checked = writes.map((write, i) => ({
    write,
    sheet: requireOwnSheet(state, write.sheet),
    range: ranges[i]!,
  }));
  for (const { write, sheet, range } of checked) {
    ensureSize(sheet.content, range.bottom + 1, range.right + 1);
    write.values.forEach((row, r) =>
      row.forEach((value, c) => {
        (sheet.content.values[range.top + r] as CellValue[])[range.left + c] = value;
        (sheet.content.formulas[range.top + r] as string[])[range.left + c] = '';
        const format = write.numberFormats?.[r]?.[c];
        if (format !== undefined)
          (sheet.content.numberFormats[range.top + r] as string[])[range.left + c] = format;
      }),
    );
    sheet.dirty = true;
  }
}
