/**
 * What the saved-workbook host refuses before it changes anything. Every
 * operation checks all of its arguments first, so a call either applies whole
 * or leaves the workbook as it was; and what could not be written into the
 * file (text too long, a fill that is not a colour) is refused here rather
 * than at `save()`, far from the call that caused it.
 */
import { rectSize, requireA1, type CellRect } from '../../core/a1';
import type { RangeRef } from '../host';
import { XlsxHostError } from './host-error';
import { cellStyleProblem, type CellStyle } from './styles-xml';
import { cellValueProblem } from './worksheet-xml';

export function requireRange(ref: RangeRef): CellRect {
  try {
    return requireA1(ref.address);
  } catch (e) {
    throw new XlsxHostError('InvalidArgument', (e as Error).message);
  }
}

export function requireShape(grid: unknown[][], range: CellRect, what: string): void {
  const { rows, columns } = rectSize(range);
  if (grid.length !== rows || grid.some((row) => row.length !== columns)) {
    throw new XlsxHostError('InvalidArgument', `${what}: expected ${rows} rows of ${columns} cells`);
  }
}

export function requireValue(value: unknown): void {
  const problem = cellValueProblem(value);
  if (problem) throw new XlsxHostError('InvalidArgument', problem);
}

export function requireStyle(style: CellStyle): void {
  const problem = cellStyleProblem(style);
  if (problem) throw new XlsxHostError('InvalidArgument', problem);
}
