/** The fake SpreadsheetApp keeps Apps Script's documented rules (each cited in src/sim/apps-script). */
import { ConditionalFormatRuleBuilder } from '../../../src/sim/apps-script/conditional-format';
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';

function book(timeZone = 'Etc/UTC') {
  const s = new FakeSpreadsheet(new ExecutionClock(), 'id-1', 'Book', timeZone);
  s.insertSheet('Data');
  return s;
}

describe('ranges', () => {
  test('values come as 2-D arrays, empty cells as empty strings, dates as Date objects', () => {
    const s = book();
    const range = s.getSheetByName('Data')!.getRange('A1:C2');
    range.setValues([
      [1, 'x', true],
      ['', null, new Date(Date.UTC(2026, 0, 1))],
    ]);
    const values = range.getValues();
    expect(values[0]).toEqual([1, 'x', true]);
    expect(values[1]?.slice(0, 2)).toEqual(['', '']);
    expect(values[1]?.[2]).toBeInstanceOf(Date);
    expect((values[1]?.[2] as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(range.getNumberFormats()[1]?.[2]).toBe('M/d/yyyy');
    expect(range.getDisplayValues()[1]?.[2]).toBe('1/1/2026');
  });

  test('a date cell is midnight in the spreadsheet time zone', () => {
    const s = book('Europe/Paris');
    const cell = s.getSheetByName('Data')!.getRange('A1');
    cell.setNumberFormat('yyyy-mm-dd');
    cell.setValues([[46023]]);
    expect((cell.getValues()[0]?.[0] as Date).toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  test('setValues reads strings as typed: formulas, numbers, booleans; an apostrophe keeps text', () => {
    const range = book().getSheetByName('Data')!.getRange('A1:E1');
    range.setValues([['=1+1', '007', 'TRUE', "'=x", "'007"]]);
    expect(range.getFormulas()).toEqual([['=1+1', '', '', '', '']]);
    expect(range.getValues()).toEqual([['', 7, true, '=x', '007']]);
  });

  test("a block that does not fit is refused with Apps Script's sentence", () => {
    const range = book().getSheetByName('Data')!.getRange('A1:B2');
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1], [2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setNumberFormats([['0']])).toThrow(/number of rows/);
  });

  test('Automatic cells report 0.###############; General sets Automatic back', () => {
    const range = book().getSheetByName('Data')!.getRange('A1:B1');
    range.setNumberFormats([['0.0%', 'General']]);
    expect(range.getNumberFormats()).toEqual([['0.0%', '0.###############']]);
  });

  test('a range past the grid does not exist; a sheet grows by inserting', () => {
    const sheet = book().getSheetByName('Data')!;
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange('AB1').getA1Notation()).toBe('AB1');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  test('text over 50,000 characters is refused', () => {
    const cell = book().getSheetByName('Data')!.getRange('A1');
    expect(() => cell.setValues([['x'.repeat(50_001)]])).toThrow(/maximum of 50000 characters/);
  });

  test('developer metadata: refused on a block of cells, taken on whole rows, columns and sheets', () => {
    const sheet = book().getSheetByName('Data')!;
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k', 'v')).toThrow(
      /Adding developer metadata to arbitrary ranges is not currently supported/,
    );
    sheet.getRange('2:2').addDeveloperMetadata('row');
    sheet.getRange('B:B').addDeveloperMetadata('column');
    sheet.addDeveloperMetadata('sheet');
    expect(sheet.developerMetadata.map((m) => m.key)).toEqual(['row', 'column', 'sheet']);
  });
});

describe('sheets', () => {
  test('names are unique without case; the last visible sheet cannot be hidden', () => {
    const s = book();
    expect(() => s.insertSheet('DATA')).toThrow(
      'A sheet with the name "DATA" already exists. Please enter another name.',
    );
    const data = s.getSheetByName('Data')!;
    expect(() => data.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    s.insertSheet('_plumbline').hideSheet();
    expect(s.getSheets().map((x) => [x.getName(), x.isSheetHidden()])).toEqual([
      ['Data', false],
      ['_plumbline', true],
    ]);
  });
});

describe('named ranges', () => {
  test("Sheets' naming rules, and a name set again moves", () => {
    const s = book();
    const sheet = s.getSheetByName('Data')!;
    s.setNamedRange('PL_1', sheet.getRange('A1:B2'));
    s.setNamedRange('pl_1', sheet.getRange('C3'));
    expect(s.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([
      ['PL_1', 'C3'],
    ]);
    for (const bad of ['my.name', '1st', 'A1', 'TrueName', 'has space', 'R1C1'])
      expect(() => s.setNamedRange(bad, sheet.getRange('A1'))).toThrow(`Invalid name: ${bad}`);
    s.removeNamedRange('PL_1');
    expect(s.getNamedRanges()).toEqual([]);
  });
});

describe('conditional format rules', () => {
  test("setConditionalFormatRules replaces all of a sheet's rules", () => {
    const sheet = book().getSheetByName('Data')!;
    const rule = (formula: string) =>
      new ConditionalFormatRuleBuilder()
        .whenFormulaSatisfied(formula)
        .setBackground('#FFC7CE')
        .setRanges([sheet.getRange('A1:B2')])
        .build();
    sheet.setConditionalFormatRules([rule('=A1>1'), rule('=A1>2')]);
    sheet.setConditionalFormatRules([rule('=A1>3')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()?.getCriteriaValues())).toEqual([['=A1>3']]);
    expect(rules[0]?.getBooleanCondition()?.getBackground()).toBe('#ffc7ce');
    expect(rules[0]?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    expect(() => new ConditionalFormatRuleBuilder().setRanges([sheet.getRange('A1')]).build()).toThrow();
  });
});

describe('the execution', () => {
  test('six minutes, then every service call throws', () => {
    let now = 0;
    const clock = new ExecutionClock(() => now);
    const s = new FakeSpreadsheet(clock, 'id', 'Book');
    clock.begin();
    s.insertSheet('A');
    now = 6 * 60 * 1000 + 1;
    expect(() => s.getSheets()).toThrow('Exceeded maximum execution time');
    clock.begin();
    expect(s.getSheets()).toHaveLength(1);
  });

  test('reads and writes are counted per call, not per cell', () => {
    const s = book();
    const range = s.getSheetByName('Data')!.getRange('A1:Z100');
    range.getValues();
    range.getFormulas();
    expect(s.clock.counters.cellReads).toBe(2);
  });
});
