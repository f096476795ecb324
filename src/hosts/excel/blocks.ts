/**
 * `readBlocks` and `writeBlocks`: the port's cells, many ranges per call. All
 * the reads or writes of a call go into as few syncs as their volume allows,
 * and a missing sheet costs a second sync only on the failure path, to name it.
 * Writes are checked and sized before the request starts, and every sheet is
 * asked for first, so a bad block or a missing sheet fails before anything is
 * written.
 */
import { rectSize } from '../../core/a1';
import type { Block, BlockWrite, RangeRef } from '../host';
import { checkShape, rectOf } from './argument-checks';
import { portFormula, protectRows } from './cell-conventions';
import type { ExcelRun } from './excel-types';
import { packBatches, REQUEST_BUDGET } from './payload';
import { readGrids } from './read-grids';
import { naming, sheetCache, unique } from './worksheets';
import { cellOps, runBatches } from './write-ops';

export async function readBlocks(run: ExcelRun, refs: RangeRef[]): Promise<Block[]> {
  if (refs.length === 0) return [];
  const reads = refs.map((ref) => ({ sheet: ref.sheet, rect: rectOf(ref) }));
  return run((ctx) =>
    naming(
      ctx,
      refs.map((r) => r.sheet),
      async () => {
        const grids = await readGrids(ctx, reads, ['values', 'formulas', 'numberFormat']);
        return refs.map((ref, i) => {
          const grid = grids[i]!;
          return {
            sheet: ref.sheet,
            address: ref.address,
            values: grid.values,
            formulas: grid.formulas.map((row, r) => row.map((f, c) => portFormula(f, grid.values[r]?.[c]))),
            numberFormats: grid.numberFormat,
          };
        });
      },
    ),
  );
}

export async function writeBlocks(run: ExcelRun, writes: BlockWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const ops = writes.flatMap((w) => {
    const rect = rectOf(w);
    const { rows, columns } = rectSize(rect);
    checkShape(`The values for ${w.sheet}!${w.address}`, w.values, rows, columns);
    if (w.numberFormats)
      checkShape(`The number formats for ${w.sheet}!${w.address}`, w.numberFormats, rows, columns);
    return cellOps(w.sheet, rect, protectRows(w.values), w.numberFormats);
  });
  const sheets = unique(writes.map((w) => w.sheet));
  await run((ctx) =>
    naming(ctx, sheets, async () => {
      const ws = sheetCache(ctx);
      // Ask for every sheet first, so a missing one fails the request before anything is written.
      for (const sheet of sheets) ws(sheet).load('name');
      await runBatches(ctx, packBatches(ops, REQUEST_BUDGET), ws);
    }),
  );
}
