import { FREE_CELLS, planRegions } from '../../appsscript/src/read-regions';

const rect = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

test("one region per sheet: the ranges' bounding rectangle, with the ranges it covers", () => {
  expect(
    planRegions([
      { sheet: 'A', rect: rect(1, 1, 1, 12) },
      { sheet: 'B', rect: rect(0, 0) },
      { sheet: 'A', rect: rect(0, 1, 0, 12) },
      { sheet: 'A', rect: rect(1000, 1, 1000, 12) },
    ]),
  ).toEqual([
    { sheet: 'A', rect: rect(0, 1, 1000, 12), members: [0, 2, 3] },
    { sheet: 'B', rect: rect(0, 0), members: [1] },
  ]);
});

test('ranges far apart are read alone rather than a rectangle of mostly unasked cells', () => {
  const far = planRegions([
    { sheet: 'A', rect: rect(0, 0) },
    { sheet: 'A', rect: rect(FREE_CELLS, 10) },
  ]);
  expect(far.map((r) => r.members)).toEqual([[0], [1]]);
});
