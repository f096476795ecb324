import {
  cellA1,
  columnIndex,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  parseCellA1,
  rectA1,
  rectSize,
  requireA1,
} from '../../src/core/a1';

test.each([
  ['A', 0],
  ['Z', 25],
  ['AA', 26],
  ['AZ', 51],
  ['XFD', 16383],
])('column %s is index %i and back', (letters, index) => {
  expect(columnIndex(letters)).toBe(index);
  expect(columnLetters(index)).toBe(letters);
});

test('ranges parse either corner first and with $', () => {
  expect(parseA1('C5:N9')).toEqual({ top: 4, left: 2, bottom: 8, right: 13 });
  expect(parseA1('N9:C5')).toEqual(parseA1('C5:N9'));
  expect(parseA1('$C$5:$N$9')).toEqual(parseA1('C5:N9'));
  expect(rectA1(parseA1('B7')!)).toBe('B7');
  expect(cellA1(0, 27)).toBe('AB1');
});

test.each(['', 'C', '5', 'C5:', 'C5:N9:Z1', 'Sheet1!A1', 'A0', 'XFE1', 'A1048577'])(
  '"%s" is not a range',
  (text) => {
    expect(parseA1(text)).toBeUndefined();
  },
);

test('the last row and column are in the sheet', () => {
  expect(parseA1('XFD1048576')).toEqual({
    top: MAX_ROWS - 1,
    left: MAX_COLUMNS - 1,
    bottom: MAX_ROWS - 1,
    right: MAX_COLUMNS - 1,
  });
});

test('spaces around the address and each corner are ignored; a cell alone is parsed exactly', () => {
  expect(parseA1(' c5 : n9 ')).toEqual(parseA1('C5:N9'));
  expect(parseCellA1('$c$5')).toEqual({ row: 4, column: 2 });
  expect(parseCellA1(' C5')).toBeUndefined();
  expect(parseCellA1('C5:C6')).toBeUndefined();
});

test('relative and absolute forms', () => {
  const rect = parseA1('C5:N9')!;
  expect(rectA1(rect)).toBe('C5:N9');
  expect(rectA1(rect, true)).toBe('$C$5:$N$9');
  expect(rectA1(parseA1('b7')!, true)).toBe('$B$7');
  expect(cellA1(6, 1, true)).toBe('$B$7');
  expect(rectSize(rect)).toEqual({ rows: 5, columns: 12 });
});

test('requireA1 names what it could not read', () => {
  expect(requireA1('$C$5:$N$9')).toEqual(parseA1('C5:N9'));
  expect(() => requireA1('A:A')).toThrow(RangeError);
  expect(() => requireA1('A:A')).toThrow("'A:A' is not an A1 cell range such as B7 or C5:N9");
});
