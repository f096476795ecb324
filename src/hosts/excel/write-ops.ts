/**
 * Writes as queued operations, sized before they are sent. Every write of an
 * operation is first turned into data (`Op`) with its estimated request size,
 * so the writes can be packed into as few syncs as fit under Excel on the
 * web's 5 MB request limit (`payload.ts`) — the number of syncs depends on the
 * volume of data, never on the number of ranges.
 */
import { rectA1, type CellRect } from '../../core/a1';
import type { CellValue } from '../host';
import type { ExcelRange, ExcelRequestContext, ExcelWorksheet } from './excel-types';
import { jsonBytes, OPERATION_OVERHEAD, REQUEST_BUDGET, rowRuns } from './payload';

/** One range write: a block of rows of values (already protected) and, optionally, their formats. */
interface CellsOp {
  kind: 'cells';
  sheet: string;
  rect: CellRect;
  values: CellValue[][];
  numberFormats?: string[][];
}

/** A format applied to a whole range: fills, bold, indents, column widths. */
interface FormatOp {
  kind: 'format';
  sheet: string;
  address: string;
  apply: (range: ExcelRange) => void;
}

export type Op = CellsOp | FormatOp;

/** An operation with the bytes it is estimated to add to a request. */
export interface SizedOp {
  bytes: number;
  item: Op;
}

/** Splits a block into row runs that each fit in a request, sized as the JSON the library will send. */
export function cellOps(
  sheet: string,
  rect: CellRect,
  values: CellValue[][],
  numberFormats?: string[][],
): SizedOp[] {
  const rowBytes = values.map(
    (row, r) => jsonBytes(row) + (numberFormats ? jsonBytes(numberFormats[r]) : 0) + 2,
  );
  return rowRuns(rowBytes, REQUEST_BUDGET - OPERATION_OVERHEAD).map(({ start, end }) => ({
    bytes: OPERATION_OVERHEAD + rowBytes.slice(start, end).reduce((a, b) => a + b, 0),
    item: {
      kind: 'cells',
      sheet,
      rect: { ...rect, top: rect.top + start, bottom: rect.top + end - 1 },
      values: values.slice(start, end),
      ...(numberFormats ? { numberFormats: numberFormats.slice(start, end) } : {}),
    },
  }));
}

export function queueOps(ws: (name: string) => ExcelWorksheet, ops: readonly Op[]): void {
  for (const op of ops) {
    if (op.kind === 'cells') {
      const range = ws(op.sheet).getRange(rectA1(op.rect));
      // Formats first: a cell formatted as text (`@`) before the value keeps it as text.
      if (op.numberFormats) range.numberFormat = op.numberFormats;
      range.values = op.values;
    } else {
      op.apply(ws(op.sheet).getRange(op.address));
    }
  }
}

/** Runs batches of operations, one sync each. */
export async function runBatches(
  ctx: ExcelRequestContext,
  batches: readonly Op[][],
  ws: (name: string) => ExcelWorksheet,
): Promise<void> {
  for (const batch of batches) {
    queueOps(ws, batch);
    await ctx.sync();
  }
}
