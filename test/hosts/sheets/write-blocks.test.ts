/**
 * The add-on's writes in whole blocks: blocks side by side that take one
 * number format get it in one RangeList call, not one call per block; the
 * built Code.js in the Apps Script fake, over google.script.run.
 */
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';
import { addOnOn } from './load-addon';

function sheetWithAddOn() {
  const book = new FakeSpreadsheet(new ExecutionClock(), 'blocks', 'Blocks');
  const sheet = book.insertSheet('Pack');
  return { ...addOnOn(book), sheet };
}

test('three blocks in one format: one RangeList call for the formats, one setValues each', async () => {
  const { host, project, sheet } = sheetWithAddOn();
  const before = project.clock.counters.cellWrites;
  await host.writeBlocks(
    ['C5', 'E5:F5', 'H7'].map((address) => ({
      sheet: 'Pack',
      address,
      values: address.includes(':') ? [[0.1, 0.2]] : [[0.3]],
      numberFormats: address.includes(':') ? [['0.0%', '0.0%']] : [['0.0%']],
    })),
  );
  expect(project.clock.counters.cellWrites - before).toBe(1 + 3);
  expect(
    sheet
      .getRange('C5:H7')
      .getNumberFormats()
      .flat()
      .filter((f) => f === '0.0%'),
  ).toHaveLength(4);
  expect(sheet.getRange('E5:F5').getValues()).toEqual([[0.1, 0.2]]);
});

test('blocks of their own formats keep them, each in its own call', async () => {
  const { host, project, sheet } = sheetWithAddOn();
  const before = project.clock.counters.cellWrites;
  await host.writeBlocks([
    { sheet: 'Pack', address: 'A1:B1', values: [[1, 2]], numberFormats: [['0.0', '0.00']] },
    { sheet: 'Pack', address: 'A2', values: [[3]], numberFormats: [['0%']] },
  ]);
  expect(project.clock.counters.cellWrites - before).toBe(2 + 2);
  expect(sheet.getRange('A1:B2').getNumberFormats()).toEqual([
    ['0.0', '0.00'],
    ['0%', '0.###############'],
  ]);
});
