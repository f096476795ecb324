import {
  cellA1,
  columnIndex,
  columnLetters,
  parseA1,
  parseSheetReference,
  rectA1,
  sheetReference,
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

test('sheet references quote names that need it and round-trip', () => {
  expect(sheetReference('Ops KPIs', 'C5:N5')).toBe("'Ops KPIs'!$C$5:$N$5");
  expect(sheetReference('Weekly', 'B2')).toBe('Weekly!$B$2');
  expect(sheetReference("Q'Pack", 'A1')).toBe("'Q''Pack'!$A$1");
  expect(sheetReference('AB12', 'A1')).toBe("'AB12'!$A$1");
  expect(parseSheetReference("'Q''Pack'!$A$1")).toEqual({ sheet: "Q'Pack", address: 'A1' });
  expect(parseSheetReference("='Ops KPIs'!$C$5:$N$5")).toEqual({ sheet: 'Ops KPIs', address: 'C5:N5' });
  expect(parseSheetReference('[1]Sheet1!A1')).toBeUndefined();
  expect(parseSheetReference('Sheet1!A1,Sheet1!B2')).toBeUndefined();
});
