/**
 * What the Excel host refuses before anything is sent. Checking on the
 * caller's side means a bad argument costs no round trip, and an operation
 * split over several syncs never fails halfway through for a reason that was
 * knowable at the start.
 */
import { parseA1, type CellRect } from '../../core/a1';
import type { RangeRef } from '../host';
import { ExcelHostError } from './host-error';

export function rectOf(ref: RangeRef): CellRect {
  const rect = parseA1(ref.address);
  if (!rect)
    throw new ExcelHostError('InvalidArgument', `'${ref.address}' is not an A1 range such as B7 or C5:N9`);
  return rect;
}

export function checkShape(
  what: string,
  grid: readonly (readonly unknown[])[],
  rows: number,
  columns: number,
): void {
  if (grid.length !== rows || grid.some((row) => row.length !== columns)) {
    throw new ExcelHostError('InvalidArgument', `${what} must be ${rows} × ${columns} to fit the range`);
  }
}

export function isColor(value: string): boolean {
  return /^#[0-9A-Fa-f]{6}$/.test(value);
}
