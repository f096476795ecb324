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
  for (const item of items) {
    const size = utf8Length(JSON.stringify(item)) + 1;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
