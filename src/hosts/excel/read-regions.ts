/**
 * Fewer, larger rectangles to read than were asked for. A workbook's links are
 * mostly rows of one block (`B2:M2`, `B3:M3`, …) sharing one header (`B1:M1`):
 * read as asked, 10,000 links are 20,000 ranges, and the object paths and
 * actions of each range (about 500 bytes of request) outweigh its 12 cells.
 * Read as regions, they are one range of the same cells.
 */
import type { CellRect } from '../../core/a1';

export interface SheetRect {
  sheet: string;
  rect: CellRect;
}

export interface Regions {
  /** The rectangles to read: no two overlap or touch with the same columns. */
  regions: SheetRect[];
  /** For each rectangle asked for, in order, the region that holds it. */
  regionOf: number[];
}

/**
 * Merges rectangles of one sheet with the same columns whose rows overlap or
 * touch, so identical reads are read once and a column of rows is one range.
 * Only exact column matches merge: a region never holds a cell nobody asked for.
 */
export function readRegions(reads: readonly SheetRect[]): Regions {
  const order = reads
    .map((read, index) => ({ read, index }))
    .sort(
      (a, b) =>
        compare(a.read.sheet, b.read.sheet) ||
        a.read.rect.left - b.read.rect.left ||
        a.read.rect.right - b.read.rect.right ||
        a.read.rect.top - b.read.rect.top,
    );
  const regions: SheetRect[] = [];
  const regionOf: number[] = reads.map(() => -1);
  for (const { read, index } of order) {
    const last = regions[regions.length - 1];
    if (
      last &&
      last.sheet === read.sheet &&
      last.rect.left === read.rect.left &&
      last.rect.right === read.rect.right &&
      read.rect.top <= last.rect.bottom + 1
    ) {
      last.rect = { ...last.rect, bottom: Math.max(last.rect.bottom, read.rect.bottom) };
    } else {
      regions.push({ sheet: read.sheet, rect: { ...read.rect } });
    }
    regionOf[index] = regions.length - 1;
  }
  return { regions, regionOf };
}

/** The rows of a region's grid that a rectangle inside it covers (its columns are the region's). */
export function rowsOf<T>(grid: readonly T[], region: CellRect, rect: CellRect): T[] {
  return grid.slice(rect.top - region.top, rect.bottom - region.top + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
