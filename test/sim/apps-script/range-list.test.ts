/** The fake's RangeList keeps Apps Script's documented rules (cited in src/sim/apps-script/range-list.ts). */
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';

const sheet = () => new FakeSpreadsheet(new ExecutionClock(), 'id-1', 'Book').insertSheet('Data');

test('one call formats every range of the list', () => {
  const data = sheet();
  const before = data.env.clock.counters.cellWrites;
  data.getRangeList(['A1', 'C2:D3']).setNumberFormat('0.0%').setBackground('#FFEEEE');
  expect(data.env.clock.counters.cellWrites - before).toBe(2);
  expect(data.getRange('C2:D3').getNumberFormats()).toEqual([
    ['0.0%', '0.0%'],
    ['0.0%', '0.0%'],
  ]);
  expect(data.getRange('A1:B1').getBackgrounds()).toEqual([['#ffeeee', '#ffffff']]);
});

test('an empty list or a range off the sheet is refused', () => {
  const data = sheet();
  expect(() => data.getRangeList([])).toThrow(/getRangeList/);
  expect(() => data.getRangeList(['A1', 'AB1'])).toThrow(
    'The coordinates of the range are outside the dimensions of the sheet.',
  );
});
