/**
 * `readBlocks` and `writeBlocks`: the port's cells, many ranges per call. All
 * the reads or writes of a call go into as few syncs as their volume allows,
 * and a missing sheet costs a second sync only on the failure path, to name it.
 * Writes are checked whole (`../port-checks.ts`) and sized before the request
 * starts, and every sheet is asked for first, so a bad block or a missing
 * sheet fails before anything is written.
 */
import type { Block, BlockWrite, RangeRef } from '../host';
import { checkReads, checkWrites } from '../port-checks';
import { portFormula, protectRows } from './cell-conventions';
import type { ExcelRun } from './excel-types';
import { packBatches, REQUEST_BUDGET } from './payload';
import { readGrids } from './read-grids';
import { naming, sheetCache, unique } from './worksheets';
import { cellOps, runBatches } from './write-ops';

export async function readBlocks(run: ExcelRun, refs: RangeRef[]): Promise<Block[]> {
  if (refs.length === 0) return [];
  const rects = checkReads(refs);
  const reads = refs.map((ref, i) => ({ sheet: ref.sheet, rect: rects[i]! }));
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
  const rects = checkWrites(writes);
  const ops = writes.flatMap((w, i) => cellOps(w.sheet, rects[i]!, protectRows(w.values), w.numberFormats));
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
