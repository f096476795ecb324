import { readRegions, rowsOf } from '../../../src/hosts/excel/read-regions';

const rect = (top: number, bottom: number, left = 1, right = 12) => ({ top, bottom, left, right });

test('a block of rows and their shared header are one region; each read knows its own', () => {
  const reads = [
    { sheet: 'Pack', rect: rect(1, 1) },
    { sheet: 'Pack', rect: rect(0, 0) },
    { sheet: 'Pack', rect: rect(2, 2) },
    { sheet: 'Pack', rect: rect(0, 0) },
  ];
  const { regions, regionOf } = readRegions(reads);
  expect(regions).toEqual([{ sheet: 'Pack', rect: rect(0, 2) }]);
  expect(regionOf).toEqual([0, 0, 0, 0]);
  const grid = [['h'], ['r1'], ['r2']];
  expect(reads.map((r) => rowsOf(grid, regions[0]!.rect, r.rect))).toEqual([
    [['r1']],
    [['h']],
    [['r2']],
    [['h']],
  ]);
});

test('overlapping rows merge; other columns, other sheets and rows apart do not', () => {
  const reads = [
    { sheet: 'A', rect: rect(0, 5) },
    { sheet: 'A', rect: rect(3, 9) },
    { sheet: 'A', rect: rect(11, 11) },
    { sheet: 'A', rect: rect(0, 5, 1, 11) },
    { sheet: 'B', rect: rect(6, 6) },
  ];
  const { regions, regionOf } = readRegions(reads);
  expect(regions).toEqual([
    { sheet: 'A', rect: rect(0, 5, 1, 11) },
    { sheet: 'A', rect: rect(0, 9) },
    { sheet: 'A', rect: rect(11, 11) },
    { sheet: 'B', rect: rect(6, 6) },
  ]);
  expect(regionOf).toEqual([1, 1, 2, 0, 3]);
  const grid = Array.from({ length: 10 }, (_, r) => [r]);
  expect(rowsOf(grid, regions[1]!.rect, reads[1]!.rect)).toEqual([[3], [4], [5], [6], [7], [8], [9]]);
});
