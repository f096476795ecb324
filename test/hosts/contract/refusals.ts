/**
 * The contract's refusals: every host refuses the same bad arguments with the
 * same code, `InvalidArgument` (the port's checks, src/hosts/port-checks.ts),
 * and a refused call changes nothing — read back after, a good part of the
 * same batch is not there. Writes go to a sheet Plumbline made, the one kind
 * every host writes (the saved-workbook host writes no user sheet).
 */
import type {
  BlockWrite,
  CellValue,
  FlagFormat,
  SheetContent,
  SpreadsheetHost,
} from '../../../src/hosts/host';
import { workbookIdName } from '../../../src/hosts/workbook-id';

/** Excel's limit on one cell's text. */
const MAX_TEXT = 32_767;

async function expectInvalid(call: Promise<unknown>): Promise<void> {
  await expect(call).rejects.toMatchObject({ code: 'InvalidArgument' });
}

const SCRATCH = 'Scratch';
const SCRATCH_BEFORE: CellValue[][] = [
  ['before', 1],
  ['', ''],
];

async function scratchNow(host: SpreadsheetHost): Promise<CellValue[][] | undefined> {
  const [block] = await host.readBlocks([{ sheet: SCRATCH, address: 'A1:B2' }]);
  return block?.values;
}

/** A good write, to show that the batch it shares with a bad one is not applied in part. */
const GOOD: BlockWrite = { sheet: SCRATCH, address: 'A2:B2', values: [['written', 2]] };

const BAD_WRITES: [string, BlockWrite][] = [
  ['values that do not fit the range', { sheet: SCRATCH, address: 'A1:B1', values: [[1]] }],
  ['rows that do not fit the range', { sheet: SCRATCH, address: 'A1', values: [[1], [2]] }],
  ['NaN', { sheet: SCRATCH, address: 'B1', values: [[Number.NaN]] }],
  ['Infinity', { sheet: SCRATCH, address: 'B1', values: [[Infinity]] }],
  ['-Infinity', { sheet: SCRATCH, address: 'B1', values: [[-Infinity]] }],
  ['text over 32,767 characters', { sheet: SCRATCH, address: 'B1', values: [['x'.repeat(MAX_TEXT + 1)]] }],
  ['null', { sheet: SCRATCH, address: 'B1', values: [[null as unknown as CellValue]] }],
  ['an object', { sheet: SCRATCH, address: 'B1', values: [[{} as unknown as CellValue]] }],
  ['formats that do not fit', { sheet: SCRATCH, address: 'A1:B1', values: [[1, 2]], numberFormats: [['0']] }],
  ['an empty number format', { sheet: SCRATCH, address: 'B1', values: [[1]], numberFormats: [['']] }],
  ['a whole column', { sheet: SCRATCH, address: 'B:B', values: [[1]] }],
  ['an address with a sheet', { sheet: SCRATCH, address: 'Scratch!B1', values: [[1]] }],
  ['no address', { sheet: SCRATCH, address: '', values: [[1]] }],
];

const BAD_NAMES = ['1PL', 'A1', 'xfd1048576', 'PL 1', 'R1C1', 'R', 'TRUE', '', 'a'.repeat(256)];

const FLAG: FlagFormat = {
  id: 'PL_1',
  sheet: SCRATCH,
  address: 'A1:B1',
  formula: 'A1<>_plumbline!B1',
  fill: '#FFC7CE',
};

const BAD_FLAGS: [string, FlagFormat][] = [
  ['a fill that is not #RRGGBB', { ...FLAG, fill: 'red' }],
  ['a short fill', { ...FLAG, fill: '#FFF' }],
  ['a font colour that is not #RRGGBB', { ...FLAG, fontColor: '9C0006' }],
  ['no formula', { ...FLAG, formula: '' }],
  ['a blank formula', { ...FLAG, formula: ' = ' }],
  ['no id', { ...FLAG, id: '' }],
  ['a whole row', { ...FLAG, address: '1:1' }],
];

const BAD_SHEET_NAMES = ['a/b', 'a\\b', 'a:b', 'a?b', 'a*b', 'a[b', 'a]b', '', 'x'.repeat(32), "'x", "x'"];

const BAD_CONTENT: [string, SheetContent][] = [
  ['NaN', { values: [['KPI', Number.NaN]] }],
  ['text over 32,767 characters', { values: [['x'.repeat(MAX_TEXT + 1)]] }],
  ['a fill that is not #RRGGBB', { values: [['KPI']], fills: [['blue']] }],
  ['an empty number format', { values: [['KPI']], numberFormats: [['']] }],
  ['a negative indent', { values: [['KPI']], indents: [[-1]] }],
  ['an indent past 250', { values: [['KPI']], indents: [[251]] }],
  ['a column past 255 characters', { values: [['KPI']], columnWidths: [256] }],
  ['a format past the values', { values: [['KPI']], bold: [[true, true]] }],
  [
    'a chart over cells past the values',
    {
      values: [
        ['KPI', 'Jan'],
        ['Uptime', 0.99],
      ],
      charts: [{ title: 'Trend', type: 'line', source: 'A1:C2', seriesBy: 'rows', position: 'E1:J10' }],
    },
  ],
  [
    'a chart without a title',
    {
      values: [
        ['KPI', 'Jan'],
        ['Uptime', 0.99],
      ],
      charts: [{ title: '', type: 'line', source: 'A1:B2', seriesBy: 'rows', position: 'E1:J10' }],
    },
  ],
];

export function runRefusalContract(openOps: () => Promise<SpreadsheetHost>): void {
  describe('refusals: InvalidArgument, and nothing changes', () => {
    let ops: SpreadsheetHost;
    beforeEach(async () => {
      ops = await openOps();
      await ops.replaceSheet(SCRATCH, { values: SCRATCH_BEFORE.slice(0, 1) });
    });

    test.each(['A:A', '3:3', 'B', 'A0', 'XFE1', 'nonsense', 'Ops KPIs!A1', ''])(
      'readBlocks of %p',
      async (address) => {
        await expectInvalid(
          ops.readBlocks([
            { sheet: 'Ops KPIs', address: 'A1' },
            { sheet: 'Ops KPIs', address },
          ]),
        );
      },
    );

    test.each(BAD_WRITES)('writeBlocks of %s, after a good block', async (_what, bad) => {
      expect(await scratchNow(ops)).toEqual(SCRATCH_BEFORE);
      await expectInvalid(ops.writeBlocks([GOOD, bad]));
      expect(await scratchNow(ops)).toEqual(SCRATCH_BEFORE);
    });

    test('the arguments are refused before the sheets are looked up', async () => {
      await expectInvalid(
        ops.writeBlocks([{ sheet: 'No Such Sheet', address: 'A1', values: [[Number.NaN]] }]),
      );
    });

    test('text of exactly 32,767 characters is taken and read back whole', async () => {
      const text = 'y'.repeat(MAX_TEXT);
      await ops.writeBlocks([{ sheet: SCRATCH, address: 'B2', values: [[text]] }]);
      const [block] = await ops.readBlocks([{ sheet: SCRATCH, address: 'B2' }]);
      expect(block?.values).toEqual([[text]]);
    });

    test.each(BAD_NAMES)('setNames of %p, after a good name', async (name) => {
      await expectInvalid(
        ops.setNames([
          { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' },
          { name, sheet: 'Ops KPIs', address: 'A1' },
        ]),
      );
      expect(await ops.listNames()).toEqual([]);
    });

    test('setNames of the workbook id name or of a range that is not A1', async () => {
      const good = { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' };
      const idName = workbookIdName('0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6').name;
      await expectInvalid(ops.setNames([good, { name: idName, sheet: 'Ops KPIs', address: 'A1' }]));
      await expectInvalid(ops.setNames([good, { name: 'PL_2', sheet: 'Ops KPIs', address: 'C:C' }]));
      expect(await ops.listNames()).toEqual([]);
    });

    test('deleteNames of something that is not a name', async () => {
      await ops.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
      await expectInvalid(ops.deleteNames(['PL_1', 7 as unknown as string]));
      expect((await ops.listNames()).map((n) => n.name)).toEqual(['PL_1']);
    });

    test('metadata cells that are not text, or too long', async () => {
      const rows = [['plumbline', 'links', '1']];
      await ops.writeMetadataRows(rows);
      await expectInvalid(ops.writeMetadataRows([['PL_1', 1 as unknown as string]]));
      await expectInvalid(ops.writeMetadataRows([['PL_1'], ['x'.repeat(MAX_TEXT + 1)]]));
      expect(await ops.readMetadataRows()).toEqual(rows);
      await ops.writeMetadataRows([['x'.repeat(MAX_TEXT)]]);
      expect(await ops.readMetadataRows()).toEqual([['x'.repeat(MAX_TEXT)]]);
    });

    test.each(BAD_FLAGS)('setFlagFormats with %s, after a good flag', async (_what, bad) => {
      await expectInvalid(ops.setFlagFormats([{ ...FLAG, id: 'good' }, bad]));
      expect(await ops.listFlagFormats()).toEqual([]);
    });

    test('removeFlagFormats of something that is not an id', async () => {
      await expectInvalid(ops.removeFlagFormats([7 as unknown as string]));
    });

    test.each(BAD_SHEET_NAMES)('replaceSheet named %p', async (name) => {
      const before = await ops.listSheets();
      await expectInvalid(ops.replaceSheet(name, { values: [['x']] }));
      expect(await ops.listSheets()).toEqual(before);
    });

    test.each(BAD_CONTENT)('replaceSheet with %s', async (_what, content) => {
      const before = await ops.listSheets();
      await expectInvalid(ops.replaceSheet('New sheet', content));
      await expectInvalid(ops.replaceSheet(SCRATCH, content));
      expect(await ops.listSheets()).toEqual(before);
      expect(await scratchNow(ops)).toEqual(SCRATCH_BEFORE);
    });

    test('the good parts alone are taken, so the tests above would see them', async () => {
      await ops.writeBlocks([GOOD]);
      expect(await scratchNow(ops)).toEqual([SCRATCH_BEFORE[0], ['written', 2]]);
      await ops.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
      expect((await ops.listNames()).map((n) => n.name)).toEqual(['PL_1']);
    });
  });
}
