import { batchBySize, REQUEST_BODY_BUDGET } from '../../src/core/request-batches';
import { BATCH_BODY_LIMIT } from '../../src/store/body-limits';

const item = (i: number) => ({ linkId: 'l', kpiId: 'k', period: '2026-01', value: i });

test('keeps every item, in order, in batches of at most maxCount', () => {
  const items = Array.from({ length: 25 }, (_, i) => item(i));
  const batches = batchBySize(items, 10);
  expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
  expect(batches.flat()).toEqual(items);
});

test('sizes batches by the bytes of their JSON, a comma between items', () => {
  const items = Array.from({ length: 10 }, (_, i) => item(i));
  const size = JSON.stringify(item(0)).length + 1;
  const batches = batchBySize(items, 1000, size * 3);
  expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
  // The list itself: the items, the commas between them and its two brackets.
  for (const batch of batches) expect(JSON.stringify(batch).length).toBeLessThanOrEqual(size * 3 + 1);
});

test('counts UTF-8 bytes, not UTF-16 units', () => {
  const wide = { text: 'é'.repeat(10) }; // 20 bytes of é
  const bytes = JSON.stringify(wide).length + 10 + 1;
  expect(batchBySize([wide, wide], 10, bytes * 2 - 1)).toHaveLength(2);
  expect(batchBySize([wide, wide], 10, bytes * 2)).toHaveLength(1);
});

test('an item bigger than a request gets one of its own; nothing yields no batch', () => {
  expect(batchBySize([{ a: 'x'.repeat(100) }, { a: 1 }], 10, 50)).toHaveLength(2);
  expect(batchBySize([], 10)).toEqual([]);
});

test("the budget stays under the store's body limit, with room for the request's envelope", () => {
  expect(REQUEST_BODY_BUDGET).toBeLessThan(BATCH_BODY_LIMIT - 100_000);
});

test('thousands of items of mixed sizes and scripts: the same batches as measuring item by item', () => {
  // The rule itself, one item at a time, in UTF-8 bytes.
  const reference = <T>(items: readonly T[], maxCount: number, maxBytes: number): T[][] => {
    const out: T[][] = [];
    let batch: T[] = [];
    let bytes = 0;
    for (const it of items) {
      const size = Buffer.byteLength(JSON.stringify(it)) + 1;
      if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
        out.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(it);
      bytes += size;
    }
    if (batch.length > 0) out.push(batch);
    return out;
  };
  const items = Array.from({ length: 5000 }, (_, i) => ({
    linkId: `link-${i % 7}`,
    kpiId: `k${i}`,
    period: '2026-01',
    value: i % 11 === 0 ? { unreadable: 'é'.repeat(i % 50) } : i % 13 === 0 ? 'x'.repeat(i % 900) : i,
  }));
  for (const [maxCount, maxBytes] of [
    [100_000, 4_000_000],
    [1000, 60_000],
    [333, 20_000],
    [10, 1_000],
    [100_000, 300],
  ] as const) {
    expect(batchBySize(items, maxCount, maxBytes)).toEqual(reference(items, maxCount, maxBytes));
  }
});
