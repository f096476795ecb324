/**
 * Keeping each `context.sync()` under Excel on the web's 5 MB request limit:
 * sizes estimated as the UTF-8 length of the JSON the library will send, big
 * blocks split by rows, operations packed into batches under a budget.
 */
import { utf8Length } from '../../core/utf8';

/**
 * Bytes of cell data per request. The limit is 5 MB; the rest is headroom for
 * what the library adds around the data: object paths and actions per range,
 * and its own splitting of arrays over 1,500 cells into row chunks.
 */
export const REQUEST_BUDGET = 4_000_000;

/**
 * Cells per read of values, formulas and number formats together, so that a
 * workbook's 10,000 links of 12 months with their header (120,012 cells) are
 * one read: at the 22 bytes of response per cell measured on a pack of monthly
 * figures (`0.912,` twice, `"General",`) that is 2.9 MB, and up to 38 bytes
 * per cell stay under the 5 MB response limit. Longer text or full-precision
 * doubles are caught by Excel's `ResponsePayloadSizeLimitExceeded`, and the
 * read halved (two syncs more).
 */
export const READ_CELL_BUDGET = 130_000;

/**
 * What reading one range costs in the request, whatever its size: about 480
 * bytes to get a sheet's range and load values, formulas and number formats
 * (object paths, actions, and the keep-reference that follows), measured on
 * the library's requests.
 */
export const READ_OVERHEAD = 600;

/**
 * What one range operation costs besides its data, measured on the library's
 * requests: about 560 bytes to get a sheet's range and set its values (object
 * paths, instantiate and keep-reference actions), about 600 for a format.
 */
export const OPERATION_OVERHEAD = 700;

/** What adding one flag costs besides its formula: the range, the format, its rule, fill and font (about 1,600 bytes). */
export const FLAG_OVERHEAD = 2_000;

/** The UTF-8 bytes of `value` as JSON, as the library will send it. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/**
 * Splits rows `0..n-1` into consecutive runs whose summed sizes stay under
 * `budget`; a single row over budget gets a run of its own.
 */
export function rowRuns(rowBytes: readonly number[], budget: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  rowBytes.forEach((bytes, r) => {
    if (r > start && size + bytes > budget) {
      runs.push({ start, end: r });
      start = r;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > start) runs.push({ start, end: rowBytes.length });
  return runs;
}

/** Packs sized items, in order, into batches whose sizes stay under `budget`. */
export function packBatches<T>(items: readonly { bytes: number; item: T }[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const { bytes, item } of items) {
    if (current.length > 0 && size + bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
