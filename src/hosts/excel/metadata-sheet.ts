/**
 * The hidden `_plumbline` sheet and the workbook id that refers to it. The
 * rows are the link format's business (`core/link-format.ts`); here they are
 * only cells, read back as strings without trailing blanks so that what was
 * written is what is read. The sheet is very hidden, out of the user's way. A
 * workbook gets its id from the first `workbookInfo()` that finds none, so the
 * second sync is paid once per workbook.
 */
import { metadataRowsFromCells, rectangularRows } from '../../core/metadata-rows';
import { sheetReference } from '../../core/sheet-reference';
import { METADATA_SHEET, type CellValue } from '../host';
import { hasErrorCode } from '../host-error';
import { checkMetadataRows } from '../port-checks';
import { newWorkbookId, workbookIdFromNames, workbookIdName } from '../workbook-id';
import { protectRows } from './cell-conventions';
import type { ExcelRun } from './excel-types';
import { readGrids } from './read-grids';
import { replaceContent } from './replace-sheet';
import { cellOps } from './write-ops';

export function workbookInfo(run: ExcelRun): Promise<{ id: string; name: string }> {
  return run(async (ctx) => {
    const names = ctx.workbook.names.load('items/name');
    const workbook = ctx.workbook.load('name');
    const metadata = ctx.workbook.worksheets.getItemOrNullObject(METADATA_SHEET).load('name');
    await ctx.sync();
    const existing = workbookIdFromNames(names.items);
    if (existing) return { id: existing, name: workbook.name };
    const id = newWorkbookId();
    if (metadata.isNullObject) {
      ctx.workbook.worksheets.add(METADATA_SHEET).visibility = 'VeryHidden';
    }
    const ref = workbookIdName(id);
    ctx.workbook.names.add(ref.name, `=${sheetReference(ref.sheet, ref.address)}`);
    await ctx.sync();
    return { id, name: workbook.name };
  });
}

export function readMetadataRows(run: ExcelRun): Promise<string[][]> {
  return run(async (ctx) => {
    let grid: { values: CellValue[][]; top: number; left: number };
    const usedRange = () => ctx.workbook.worksheets.getItem(METADATA_SHEET).getUsedRangeOrNullObject(true);
    try {
      const used = usedRange().load('values,rowIndex,columnIndex');
      await ctx.sync();
      if (used.isNullObject) return [];
      grid = { values: used.values, top: used.rowIndex, left: used.columnIndex };
    } catch (e) {
      if (hasErrorCode(e, 'ItemNotFound')) return [];
      if (!hasErrorCode(e, 'ResponsePayloadSizeLimitExceeded')) throw e;
      // Too much for one response: learn the size, then read it in pieces (a new proxy: the failed request's is spent).
      const used = usedRange().load('rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      const rect = {
        top: used.rowIndex,
        left: used.columnIndex,
        bottom: used.rowIndex + used.rowCount - 1,
        right: used.columnIndex + used.columnCount - 1,
      };
      const [read] = await readGrids(ctx, [{ sheet: METADATA_SHEET, rect }], ['values']);
      grid = { values: read!.values, top: rect.top, left: rect.left };
    }
    // The used range starts where the first value is: put it back at A1 before reading rows.
    const offset = grid.values.map((row) => [...Array<string>(grid.left).fill(''), ...row]);
    return metadataRowsFromCells([...Array.from({ length: grid.top }, () => []), ...offset]);
  });
}

export async function writeMetadataRows(run: ExcelRun, rows: string[][]): Promise<void> {
  checkMetadataRows(rows);
  const values = protectRows(rectangularRows(rows));
  const width = values[0]?.length ?? 0;
  const ops =
    width > 0
      ? cellOps(METADATA_SHEET, { top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }, values)
      : [];
  await replaceContent(run, METADATA_SHEET, ops, 'VeryHidden', false);
}
