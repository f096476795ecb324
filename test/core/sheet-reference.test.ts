import {
  isValidDefinedName,
  parseSheetReference,
  quoteSheet,
  sheetNameProblem,
  sheetNeedsQuotes,
  sheetReference,
} from '../../src/core/sheet-reference';

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

test.each([
  [{ sheet: 'Ops KPIs', address: 'C5:N5' }, "'Ops KPIs'!$C$5:$N$5"],
  [{ sheet: 'Data', address: 'b7' }, 'Data!$B$7'],
  [{ sheet: "Bob's", address: 'A1' }, "'Bob''s'!$A$1"],
  [{ sheet: 'A1', address: 'A1' }, "'A1'!$A$1"],
  [{ sheet: 'R2C3', address: 'A1' }, "'R2C3'!$A$1"],
  [{ sheet: '2026', address: 'A1' }, "'2026'!$A$1"],
  [{ sheet: 'Données', address: 'A1' }, "'Données'!$A$1"],
  [{ sheet: '_plumbline', address: 'A1' }, '_plumbline!$A$1'],
])('%j is written %s and read back', (ref, text) => {
  expect(sheetReference(ref.sheet, ref.address)).toBe(text);
  expect(parseSheetReference(text)).toEqual({ sheet: ref.sheet, address: ref.address.toUpperCase() });
});

test.each([
  '#REF!',
  '0.2',
  '"x"',
  'Data!$A$1,Data!$B$2',
  'Data!$A:$A',
  '[1]Data!$A$1',
  'SUM(Data!A1)',
  "'A:B'!$A$1",
])('%s is not a link range', (text) => {
  expect(parseSheetReference(text)).toBeUndefined();
});

test('sheet names that read as cells, R1C1 references or booleans are quoted', () => {
  for (const sheet of ['A1', 'xfd9', 'R', 'C', 'R1C1', 'r2c', 'C12', 'TRUE', 'false'])
    expect(sheetNeedsQuotes(sheet)).toBe(true);
  for (const sheet of ['Data', 'Q_Pack', 'Sheet1', 'ABCD1', 'Rc2x', 'TRUEish'])
    expect(sheetNeedsQuotes(sheet)).toBe(false);
  expect(quoteSheet('TRUE')).toBe("'TRUE'");
  expect(quoteSheet('Data')).toBe('Data');
});

test('a reference to something other than a cell range cannot be written', () => {
  expect(() => sheetReference('Data', 'A:A')).toThrow(/not an A1 cell range/);
});

test('name and sheet-name rules', () => {
  expect(isValidDefinedName('PL_1')).toBe(true);
  expect(isValidDefinedName('_Private.name')).toBe(true);
  expect(isValidDefinedName('PL1')).toBe(false);
  expect(isValidDefinedName('C')).toBe(false);
  expect(isValidDefinedName('x'.repeat(256))).toBe(false);
  expect(sheetNameProblem('Summary')).toBeUndefined();
  expect(sheetNameProblem('History')).toMatch(/reserved/);
  expect(sheetNameProblem("'x")).toMatch(/apostrophe/);
});

test('defined names: letters of any script, never a cell, R1C1 reference or boolean', () => {
  expect(isValidDefinedName('Données_2026')).toBe(true);
  expect(isValidDefinedName('\\path.name')).toBe(true);
  expect(isValidDefinedName('XFE1')).toBe(true); // beyond the last column, so not a cell
  for (const name of ['', '1st', 'a b', 'A1', 'xfd1048576', 'R', 'r1c1', 'R2', 'C3', 'TRUE', 'False'])
    expect(isValidDefinedName(name)).toBe(false);
  expect(isValidDefinedName('x'.repeat(255))).toBe(true);
});

test('sheet names: 1 to 31 characters, no : \\ / ? * [ ]', () => {
  expect(sheetNameProblem('')).toMatch(/1 to 31/);
  expect(sheetNameProblem('x'.repeat(31))).toBeUndefined();
  expect(sheetNameProblem('x'.repeat(32))).toMatch(/1 to 31/);
  for (const name of ['a:b', 'a\\b', 'a/b', 'a?', 'a*', '[a]'])
    expect(sheetNameProblem(name)).toMatch(/contain/);
  expect(sheetNameProblem("Bob's")).toBeUndefined();
  expect(sheetNameProblem('HISTORY')).toMatch(/reserved/);
});
