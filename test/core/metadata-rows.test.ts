import { metadataRowsFromCells, rectangularRows } from '../../src/core/metadata-rows';

test('cells read back as text without trailing blank cells or rows', () => {
  expect(
    metadataRowsFromCells([
      ['plumbline', 'link-format', 1, ''],
      ['', '', ''],
      ['link', true, '', 'x', '', ''],
      ['', ''],
    ]),
  ).toEqual([['plumbline', 'link-format', '1'], [], ['link', 'TRUE', '', 'x']]);
  expect(metadataRowsFromCells([['', ''], []])).toEqual([]);
});

test('rows are padded to one width for a rectangular write', () => {
  expect(rectangularRows([['a'], ['b', 'c', 'd'], []])).toEqual([
    ['a', '', ''],
    ['b', 'c', 'd'],
    ['', '', ''],
  ]);
  expect(rectangularRows([])).toEqual([]);
});
