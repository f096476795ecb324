/**
 * `readBlocks` and `writeBlocks`. Reads may address any worksheet: a sheet
 * not held in memory is streamed once per call for all the ranges asked of
 * it, keeping only their cells. Writes go only to Plumbline's own sheets, and
 * every block of a call is checked (`../port-checks.ts`, then the sheets)
 * before the first is applied, so a refused call changes nothing.
 */
import { rectSize, type CellRect } from '../../core/a1';
import type { Block, BlockWrite, CellValue, RangeRef } from '../host';
import { HostError } from '../host-error';
import { checkReads, checkWrites } from '../port-checks';
import { cellKey, readSheetCells, type CellReading } from './read-workbook';
import { cellOf, ensureSize } from './sheet-grids';
import {
  contentOf,
  requireOwnSheet,
  requireSheet,
  type HostSheet,
  type WorkbookState,
} from './workbook-state';

/** Reads the cells of `rects` from a sheet: from memory when held, else from its part. */
async function cellsOf(
  state: WorkbookState,
  sheet: HostSheet,
  rects: CellRect[],
): Promise<(row: number, col: number) => CellReading | undefined> {
  const content = sheet.content;
  if (content) {
    return (row, col) => ({
      value: cellOf(content.values, row, col, ''),
      formula: cellOf(content.formulas, row, col, ''),
      format: cellOf(content.numberFormats, row, col, 'General'),
    });
  }
  if (!sheet.part) throw new HostError('ItemNotFound', `the part of sheet '${sheet.name}' is missing`);
  const { cells } = await readSheetCells(state.source, sheet.part, rects);
  return (row, col) => cells.get(cellKey(row, col));
}

/** More cells than this in one read is a mistake (a whole-sheet range), not a link. */
const MAX_CELLS_PER_READ = 4_000_000;

export async function readBlocks(state: WorkbookState, refs: RangeRef[]): Promise<Block[]> {
  const ranges = checkReads(refs);
  const reads = refs.map((ref, i) => ({ ref, sheet: requireSheet(state, ref.sheet), range: ranges[i]! }));
  for (const { ref, range } of reads) {
    const { rows, columns } = rectSize(range);
    if (rows * columns > MAX_CELLS_PER_READ) {
      throw new HostError('InvalidArgument', `'${ref.address}' is more cells than one read may take`);
    }
  }
  const lookups = new Map<HostSheet, (row: number, col: number) => CellReading | undefined>();
  for (const sheet of new Set(reads.map((r) => r.sheet))) {
    const rects = reads.filter((r) => r.sheet === sheet).map((r) => r.range);
    lookups.set(sheet, await cellsOf(state, sheet, rects));
  }
  return reads.map(({ ref, sheet, range }) => {
    const { rows, columns } = rectSize(range);
    const lookup = lookups.get(sheet)!;
    const grid = <T>(pick: (cell: CellReading | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => pick(lookup(range.top + r, range.left + c))),
      );
    return {
      sheet: ref.sheet,
      address: ref.address,
      values: grid<CellValue>((cell) => cell?.value ?? ''),
      formulas: grid((cell) => cell?.formula ?? ''),
      numberFormats: grid((cell) => cell?.format ?? 'General'),
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
    const content = await contentOf(state, sheet);
    ensureSize(content, range.bottom + 1, range.right + 1);
    write.values.forEach((row, r) =>
      row.forEach((value, c) => {
        (content.values[range.top + r] as CellValue[])[range.left + c] = value;
        (content.formulas[range.top + r] as string[])[range.left + c] = '';
        const format = write.numberFormats?.[r]?.[c];
        if (format !== undefined) (content.numberFormats[range.top + r] as string[])[range.left + c] = format;
      }),
    );
    sheet.dirty = true;
  }
}
