/**
 * Which regions to read for many ranges: Apps Script charges per call (each
 * `getValues` is a round trip to Sheets), so the ranges of one sheet are read
 * as their bounding rectangle — three calls per sheet (values, formulas,
 * formats) whatever the number of links — unless that rectangle would be
 * mostly cells nobody asked for, in which case each range is read alone.
 */
import { rectSize, type CellRect } from '../../src/core/a1';

/** Past this many cells, a bounding rectangle must be at least a quarter useful to be read whole. */
export const FREE_CELLS = 200_000;

export interface Region {
  sheet: string;
  rect: CellRect;
  /** Indexes of the ranges this region covers. */
  members: number[];
}

const area = (r: CellRect) => {
  const { rows, columns } = rectSize(r);
  return rows * columns;
};

export function planRegions(reads: readonly { sheet: string; rect: CellRect }[]): Region[] {
  const bySheet = new Map<string, number[]>();
  reads.forEach((r, i) => bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), i]));
  return [...bySheet].flatMap(([sheet, members]) => {
    const rects = members.map((i) => reads[i]!.rect);
    const rect = {
      top: Math.min(...rects.map((r) => r.top)),
      left: Math.min(...rects.map((r) => r.left)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      right: Math.max(...rects.map((r) => r.right)),
    };
    const asked = rects.reduce((sum, r) => sum + area(r), 0);
    if (area(rect) <= FREE_CELLS || area(rect) <= 4 * asked) return [{ sheet, rect, members }];
    return members.map((i) => ({ sheet, rect: reads[i]!.rect, members: [i] }));
  });
}
