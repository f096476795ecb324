/**
 * Splitting what goes to the store into as few requests as its limits allow:
 * the store refuses a body over 4 MiB (413) and a list over its schema's
 * maximum, so batches are sized by their JSON's bytes, not by a fixed count.
 */
import { utf8Length } from './utf8';

/**
 * Bytes of items per request: under the store's 4 MiB limit on batch bodies
 * (`BATCH_BODY_LIMIT`, 4,194,304) with room for the envelope around the list.
 */
export const REQUEST_BODY_BUDGET = 4_000_000;

/** Items measured together while a whole run of them fits in the batch being filled. */
const RUN = 512;

/**
 * Consecutive batches of `items`, in order, each at most `maxCount` items whose
 * JSON (with a comma between items) is at most `maxBytes`. An item too big for
 * a request of its own still gets one: the store will say why it refuses it.
 */
export function batchBySize<T>(
  items: readonly T[],
  maxCount: number,
  maxBytes: number = REQUEST_BODY_BUDGET,
): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  const add = (item: T, size: number) => {
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  };
  // Why runs: one JSON.stringify of 512 items costs about what one of a single item does,
  // and 150,000 observations were measured one by one. A run that fits whole is taken
  // whole (item by item it would fit too); only the run that fills a batch is measured item by item.
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN);
    // The run's JSON is its items, a comma between each and two brackets: each item and a comma, plus one.
    const size = jsonBytes(JSON.stringify(run)) - 1;
    if (batch.length + run.length <= maxCount && bytes + size <= maxBytes) {
      for (const item of run) batch.push(item);
      bytes += size;
      continue;
    }
    for (const item of run) add(item, jsonBytes(JSON.stringify(item)) + 1);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** UTF-8 bytes of JSON text: its length when it is all ASCII, as a store's requests nearly always are. */
function jsonBytes(json: string): number {
  return /[\u0080-\uffff]/.test(json) ? utf8Length(json) : json.length;
}
