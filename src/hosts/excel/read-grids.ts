/**
 * Reading rectangles within Excel on the web's 5 MB response limit. The
 * response's size cannot be known before it arrives, so reads are packed by
 * cell count (a budget that fits typical cells) and, when Excel still answers
 * `ResponsePayloadSizeLimitExceeded`, the batch is halved — down to halving a
 * single rectangle by rows — rather than the read failing.
 */
import { rectA1, rectSize, type CellRect } from '../../core/a1';
import type { CellValue } from '../host';
import { hasErrorCode } from '../host-error';
import type { ExcelRange, ExcelRequestContext } from './excel-types';
import { packBatches, READ_CELL_BUDGET, READ_OVERHEAD, REQUEST_BUDGET } from './payload';
import { readRegions, rowsOf } from './read-regions';
import { sheetCache } from './worksheets';

export type RangeProperty = 'values' | 'formulas' | 'numberFormat';

export interface Grid {
  values: CellValue[][];
  formulas: unknown[][];
  numberFormat: string[][];
}

export interface Piece {
  sheet: string;
  rect: CellRect;
}

function splitRows(piece: Piece): [Piece, Piece] {
  const middle = piece.rect.top + Math.floor((piece.rect.bottom - piece.rect.top + 1) / 2);
  return [
    { sheet: piece.sheet, rect: { ...piece.rect, bottom: middle - 1 } },
    { sheet: piece.sheet, rect: { ...piece.rect, top: middle } },
  ];
}

function concatGrids(a: Grid, b: Grid): Grid {
  return {
    values: [...a.values, ...b.values],
    formulas: [...a.formulas, ...b.formulas],
    numberFormat: [...a.numberFormat, ...b.numberFormat],
  };
}

/** Loads pieces in one sync; halves the batch while Excel says the response is too large. */
async function loadPieces(
  ctx: ExcelRequestContext,
  pieces: Piece[],
  props: RangeProperty[],
): Promise<Grid[]> {
  const sheet = sheetCache(ctx);
  const ranges = pieces.map((p) => sheet(p.sheet).getRange(rectA1(p.rect)).load(props));
  try {
    await ctx.sync();
  } catch (e) {
    if (!hasErrorCode(e, 'ResponsePayloadSizeLimitExceeded')) throw e;
    if (pieces.length > 1) {
      const half = Math.ceil(pieces.length / 2);
      return [
        ...(await loadPieces(ctx, pieces.slice(0, half), props)),
        ...(await loadPieces(ctx, pieces.slice(half), props)),
      ];
    }
    const [piece] = pieces as [Piece];
    if (piece.rect.top === piece.rect.bottom) throw e;
    const [top, bottom] = splitRows(piece);
    const [a] = (await loadPieces(ctx, [top], props)) as [Grid];
    const [b] = (await loadPieces(ctx, [bottom], props)) as [Grid];
    return [concatGrids(a, b)];
  }
  const read = (r: ExcelRange, prop: RangeProperty): unknown[][] => (props.includes(prop) ? r[prop] : []);
  return ranges.map((r) => ({
    values: read(r, 'values') as CellValue[][],
    formulas: read(r, 'formulas'),
    numberFormat: read(r, 'numberFormat') as string[][],
  }));
}

/**
 * Reads rectangles: merged into regions first (`read-regions.ts`), so shared
 * and adjacent rectangles cost one range; the regions packed into syncs by
 * cell count and by their number (a big region is split by rows); then each
 * rectangle's rows cut back out of its region.
 */
export async function readGrids(
  ctx: ExcelRequestContext,
  reads: readonly Piece[],
  props: RangeProperty[],
): Promise<Grid[]> {
  const { regions, regionOf } = readRegions(reads);
  const grids = await readRegionGrids(ctx, regions, props);
  return reads.map((read, i) => {
    const region = regions[regionOf[i]!]!.rect;
    const grid = grids[regionOf[i]!]!;
    if (region.top === read.rect.top && region.bottom === read.rect.bottom) return grid;
    return {
      values: rowsOf(grid.values, region, read.rect),
      formulas: rowsOf(grid.formulas, region, read.rect),
      numberFormat: rowsOf(grid.numberFormat, region, read.rect),
    };
  });
}

async function readRegionGrids(
  ctx: ExcelRequestContext,
  reads: readonly Piece[],
  props: RangeProperty[],
): Promise<Grid[]> {
  const cellBudget = Math.floor((READ_CELL_BUDGET * 3) / props.length);
  // Each range also costs request bytes (READ_OVERHEAD): counted as at least this many cells,
  // so a sync holds at most REQUEST_BUDGET / READ_OVERHEAD ranges however small they are.
  const rangeCost = Math.ceil(cellBudget / Math.floor(REQUEST_BUDGET / READ_OVERHEAD));
  const pieces: { bytes: number; item: { read: number; piece: Piece } }[] = [];
  reads.forEach((read, index) => {
    const { rows, columns } = rectSize(read.rect);
    const rowsPerPiece = Math.max(1, Math.floor(cellBudget / columns));
    for (let top = 0; top < rows; top += rowsPerPiece) {
      const bottom = Math.min(rows, top + rowsPerPiece) - 1;
      const rect = { ...read.rect, top: read.rect.top + top, bottom: read.rect.top + bottom };
      pieces.push({
        bytes: Math.max(rangeCost, (bottom - top + 1) * columns),
        item: { read: index, piece: { sheet: read.sheet, rect } },
      });
    }
  });
  const grids: (Grid | undefined)[] = reads.map(() => undefined);
  for (const batch of packBatches(pieces, cellBudget)) {
    const loaded = await loadPieces(
      ctx,
      batch.map((b) => b.piece),
      props,
    );
    batch.forEach((b, i) => {
      const grid = loaded[i]!;
      const sofar = grids[b.read];
      grids[b.read] = sofar ? concatGrids(sofar, grid) : grid;
    });
  }
  return grids.map((g) => g ?? { values: [], formulas: [], numberFormat: [] });
}
