/**
 * Writing a sheet whole: `replaceSheet` (the summary core lays out) and the
 * `_plumbline` rows share `replaceContent`. The sheet is addressed by name
 * first, because it usually exists and that costs one sync; only if Excel
 * answers that it does not — before anything was done — is it created and the
 * batch sent again. Formats go as one operation per run of equal cells along a
 * row, not per cell, so a laid-out sheet stays a handful of ranges. Charts
 * are replaced with the cells, in the same syncs (`sheet-charts.ts`).
 */
import { columnLetters, rectA1 } from '../../core/a1';
import type { LayoutChart } from '../../core/sheet-layout';
import type { SheetContent } from '../host';
import { hasErrorCode } from '../host-error';
import { checkSheetContent } from '../port-checks';
import { charactersToPoints, protectRows } from './cell-conventions';
import type { ExcelRange, ExcelRun, ExcelSheetVisibility, ExcelWorksheet } from './excel-types';
import { OPERATION_OVERHEAD, packBatches, REQUEST_BUDGET } from './payload';
import { addCharts, chartsBytes, removeOwnCharts } from './sheet-charts';
import { cellOps, queueOps, type SizedOp } from './write-ops';

/** Runs of equal, non-default values along each row: `[row, first, last, value]`. */
function runsOf<T>(
  grid: readonly (readonly T[])[] | undefined,
  isSet: (v: T) => boolean,
): [number, number, number, T][] {
  const runs: [number, number, number, T][] = [];
  grid?.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const v = row[c] as T;
      let end = c;
      while (end + 1 < row.length && row[end + 1] === v) end++;
      if (isSet(v)) runs.push([r, c, end, v]);
      c = end + 1;
    }
  });
  return runs;
}

function cellRange(r: number, first: number, last: number): string {
  return rectA1({ top: r, left: first, bottom: r, right: last });
}

/** Replaces a sheet's content: values and number formats in blocks, then formats as ranges. */
function sheetContentOps(name: string, content: SheetContent): SizedOp[] {
  const width = Math.max(0, ...content.values.map((row) => row.length));
  const pad = <T>(grid: readonly (readonly T[])[] | undefined, fill: T): T[][] | undefined =>
    grid && content.values.map((_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? fill));
  const ops: SizedOp[] = [];
  const rows = content.values.length;
  if (rows > 0 && width > 0) {
    const values = protectRows(pad(content.values, '') ?? []);
    const formats = pad(content.numberFormats, 'General');
    ops.push(...cellOps(name, { top: 0, left: 0, bottom: rows - 1, right: width - 1 }, values, formats));
  }
  const format = (address: string, apply: (range: ExcelRange) => void): SizedOp => ({
    bytes: OPERATION_OVERHEAD,
    item: { kind: 'format', sheet: name, address, apply },
  });
  for (const [r, first, last, color] of runsOf(content.fills, (v) => v !== '')) {
    ops.push(format(cellRange(r, first, last), (range) => (range.format.fill.color = color)));
  }
  for (const [r, first, last] of runsOf(content.bold, (v) => v === true)) {
    ops.push(format(cellRange(r, first, last), (range) => (range.format.font.bold = true)));
  }
  for (const [r, first, last, level] of runsOf(content.indents, (v) => v > 0)) {
    ops.push(format(cellRange(r, first, last), (range) => (range.format.indentLevel = level)));
  }
  content.columnWidths?.forEach((width, c) => {
    const column = columnLetters(c);
    ops.push(
      format(`${column}:${column}`, (range) => (range.format.columnWidth = charactersToPoints(width))),
    );
  });
  return ops;
}

export async function replaceSheet(run: ExcelRun, name: string, content: SheetContent): Promise<void> {
  checkSheetContent(name, content);
  await replaceContent(run, name, sheetContentOps(name, content), 'Visible', true, content.charts ?? []);
}

/**
 * Clears a sheet (creating it when missing, with `visibility`) and writes
 * `ops` into it. The first batch goes to the sheet by name; if Excel answers
 * that it does not exist, nothing was done and the batch is sent again to a
 * new sheet. With `charts` (a sheet `replaceSheet` lays out), the charts it
 * drew before go with the first batch and the new ones come with the last,
 * after the cells they plot: no sync of their own (`sheet-charts.ts`).
 */
export function replaceContent(
  run: ExcelRun,
  name: string,
  ops: SizedOp[],
  visibility: ExcelSheetVisibility,
  show: boolean,
  charts?: readonly LayoutChart[],
): Promise<void> {
  const batches = packBatches(ops, REQUEST_BUDGET - (charts ? chartsBytes(charts) : 0));
  if (batches.length === 0) batches.push([]);
  return run(async (ctx) => {
    let sent = 0;
    const send = async (sheet: ExcelWorksheet, created: boolean) => {
      const ws = () => sheet;
      if (created || show) sheet.visibility = visibility;
      // Clearing cells leaves charts, which float above them.
      sheet.getRange().clear();
      if (charts) removeOwnCharts(sheet);
      for (let i = 0; i < batches.length; i++) {
        queueOps(ws, batches[i]!);
        const last = i === batches.length - 1;
        if (charts && last) addCharts(sheet, charts);
        if (show && last) sheet.activate();
        await ctx.sync();
        sent++;
      }
    };
    try {
      await send(ctx.workbook.worksheets.getItem(name), false);
    } catch (e) {
      if (sent > 0 || !hasErrorCode(e, 'ItemNotFound')) throw e;
      await send(ctx.workbook.worksheets.add(name), true);
    }
  });
}
