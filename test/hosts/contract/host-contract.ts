/**
 * The contract every SpreadsheetHost implementation must pass: the saved-workbook
 * host, the Excel host over the simulator, the Sheets fake. Run it from a host's
 * own test file:
 *
 *   runHostContract('xlsx', (bytes) => openXlsxHost(bytes), { reopen: reopenAfterSave });
 *
 * `open` turns a sample .xlsx into a host holding that workbook; the options
 * say what else the host can show (see {@link HostContractOptions}).
 *
 * Conventions pinned here, beyond host.ts:
 * - cell values as Excel's `Range.values`: dates as 1900-system serials, `''` for
 *   empty, only the top-left cell of a merged area holds its value;
 * - a blank cell keeps its own number format (`0.0%` on an empty November cell);
 * - blocks come back in the order asked, with the sheet and address asked;
 * - `readMetadataRows` returns the rows without trailing empty cells and without
 *   trailing empty rows (an empty cell and a missing one are the same in a sheet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_SHEET, type SpreadsheetHost } from '../../../src/hosts/host';
import { runFlagContract, type UserFormats } from './flags';
import { runRefusalContract } from './refusals';
import { runReplaceSheetContract, type SheetCharts } from './replace-sheet';

export type OpenHost = (xlsx: Uint8Array) => Promise<SpreadsheetHost>;
export type ReopenHost = (host: SpreadsheetHost) => Promise<SpreadsheetHost>;

export interface HostContractOptions {
  /**
   * A host over the same workbook after a save-and-reopen, or whatever round
   * trip the host has, so persistence is checked too.
   */
  reopen?: ReopenHost;
  /**
   * For a host that writes flags: how a user's own conditional format is made
   * and seen without the port. Without it the host must refuse flags with
   * `NotImplemented` and list none.
   */
  userFormats?: UserFormats;
  /**
   * For a host that draws a layout's charts: how they are seen, and how a
   * user's own chart is made, without the port. Without it the host must still
   * take a layout with charts and write its cells.
   */
  charts?: SheetCharts;
}

const WORKBOOKS = join(__dirname, '..', '..', 'fixtures', 'workbooks');

export function sampleWorkbook(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(WORKBOOKS, name)));
}

/** 2026-01-01 and 2026-12-01 as Excel serials. */
const JAN_2026 = 46023;
const DEC_2026 = 46357;

export function runHostContract(hostName: string, open: OpenHost, options: HostContractOptions = {}): void {
  const { reopen } = options;
  const withReopen = reopen ? test : test.skip;
  const openOps = () => open(sampleWorkbook('ops-monthly.xlsx'));

  describe(`${hostName} host: the SpreadsheetHost contract`, () => {
    let ops: SpreadsheetHost;
    beforeEach(async () => {
      ops = await open(sampleWorkbook('ops-monthly.xlsx'));
    });

    describe('reading blocks', () => {
      test('values, formulas and number formats of a KPI × month block', async () => {
        const [block] = await ops.readBlocks([{ sheet: 'Ops KPIs', address: 'A4:N11' }]);
        if (!block) throw new Error('no block');
        expect(block.sheet).toBe('Ops KPIs');
        expect(block.address).toBe('A4:N11');
        for (const grid of [block.values, block.formulas, block.numberFormats]) {
          expect(grid).toHaveLength(8);
          for (const row of grid) expect(row).toHaveLength(14);
        }
        const [header, turnaround, manual, , fcr, , , vsTarget] = block.values;
        expect(header?.slice(0, 2)).toEqual(['KPI', 'Unit']);
        // Month headers are real dates: serials, shown with mmm-yy.
        expect(header?.[2]).toBe(JAN_2026);
        expect(header?.[13]).toBe(DEC_2026);
        expect(block.numberFormats[0]?.[2]).toBe('mmm-yy');
        expect(turnaround?.slice(0, 3)).toEqual(['Claims turnaround time', 'days', 8.1]);
        expect(turnaround?.[11]).toBe(6.7);
        // November and December are blank.
        expect(turnaround?.slice(12)).toEqual(['', '']);
        expect(manual?.[2]).toBe(0.19);
        expect(block.numberFormats[2]?.[2]).toBe('0.0%');
        // A blank cell keeps its own format.
        expect(block.numberFormats[2]?.[12]).toBe('0.0%');
        expect(block.numberFormats[1]?.[2]).toBe('General');
        expect(fcr?.[2]).toBe(71.5);
        // The formula row: cached results as values, formulas with '='.
        expect(vsTarget?.[0]).toBe('Turnaround vs target');
        expect(vsTarget?.[2]).toBeCloseTo(1.7, 10);
        expect(block.formulas[7]?.[2]).toBe('=C5-6.4');
        expect(block.formulas[7]?.[11]).toBe('=L5-6.4');
        expect(block.formulas[7]?.[0]).toBe('');
        expect(block.formulas[1]?.[2]).toBe('');
      });

      test('a merged title is held by its top-left cell only', async () => {
        const [block] = await ops.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N1' }]);
        expect(block?.values[0]?.[0]).toBe('Claims Operations — Monthly Pack 2026');
        expect(block?.values[0]?.slice(1)).toEqual(new Array(13).fill(''));
        expect(block?.formulas[0]).toEqual(new Array(14).fill(''));
      });

      test('text where a number is expected stays text', async () => {
        const north = await open(sampleWorkbook('ops-monthly-north.xlsx'));
        const [block] = await north.readBlocks([{ sheet: 'Ops KPIs', address: 'J7:L7' }]);
        expect(block?.values).toEqual([[425, 'n/a', 419]]);
      });

      test('dates down a column come back as serials with their format', async () => {
        const weekly = await open(sampleWorkbook('weekly-backlog.xlsx'));
        const [block] = await weekly.readBlocks([{ sheet: 'Weekly', address: 'A2:C3' }]);
        expect(block?.values).toEqual([
          [46174, 5200, 0.41],
          [46181, 5156, 0.417],
        ]);
        expect(block?.numberFormats[0]).toEqual(['dd/mm/yyyy', 'General', '0.0%']);
      });

      test('several ranges in one call, in the order asked', async () => {
        const blocks = await ops.readBlocks([
          { sheet: 'Notes', address: 'A1' },
          { sheet: 'Ops KPIs', address: 'B7' },
          { sheet: 'Ops KPIs', address: 'C5:E5' },
          { sheet: 'Ops KPIs', address: 'Z100:AA101' },
        ]);
        expect(blocks.map((b) => [b.sheet, b.address])).toEqual([
          ['Notes', 'A1'],
          ['Ops KPIs', 'B7'],
          ['Ops KPIs', 'C5:E5'],
          ['Ops KPIs', 'Z100:AA101'],
        ]);
        expect(blocks[0]?.values).toEqual([['Uptime dip in June: data-centre failover.']]);
        expect(blocks[1]?.values).toEqual([['FTE']]);
        expect(blocks[2]?.values).toEqual([[8.1, 7.9, 7.6]]);
        // Beyond the used range: empty cells in the General format.
        expect(blocks[3]?.values).toEqual([
          ['', ''],
          ['', ''],
        ]);
        expect(blocks[3]?.numberFormats).toEqual([
          ['General', 'General'],
          ['General', 'General'],
        ]);
      });

      test('an unknown sheet fails the read with ItemNotFound, naming it', async () => {
        await expect(ops.readBlocks([{ sheet: 'No Such Sheet', address: 'A1' }])).rejects.toMatchObject({
          code: 'ItemNotFound',
          message: expect.stringMatching(/No Such Sheet/),
        });
        await expect(
          ops.readBlocks([
            { sheet: 'Ops KPIs', address: 'A1' },
            { sheet: 'Missing', address: 'A1' },
          ]),
        ).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringMatching(/Missing/) });
      });
    });

    describe('sheets', () => {
      test('lists the user sheets, then _plumbline very hidden once metadata is written', async () => {
        expect(await ops.listSheets()).toEqual([
          { name: 'Ops KPIs', visibility: 'visible' },
          { name: 'Notes', visibility: 'visible' },
        ]);
        await ops.writeMetadataRows([['plumbline']]);
        const sheets = await ops.listSheets();
        expect(sheets.slice(0, 2).map((s) => s.name)).toEqual(['Ops KPIs', 'Notes']);
        expect(sheets.find((s) => s.name === METADATA_SHEET)).toEqual({
          name: METADATA_SHEET,
          visibility: 'veryHidden',
        });
      });

      withReopen('_plumbline stays very hidden after a round trip', async () => {
        await ops.writeMetadataRows([['plumbline']]);
        const again = await (reopen as ReopenHost)(ops);
        const sheets = await again.listSheets();
        expect(sheets.find((s) => s.name === METADATA_SHEET)?.visibility).toBe('veryHidden');
        expect(sheets.filter((s) => s.name === METADATA_SHEET)).toHaveLength(1);
      });
    });

    describe('defined names', () => {
      test('a workbook without names lists none', async () => {
        expect(await ops.listNames()).toEqual([]);
      });

      test('set, list, replace and delete', async () => {
        await ops.setNames([
          { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' },
          { name: 'PL_2', sheet: 'Notes', address: 'A1' },
          { name: 'Budget', sheet: 'Ops KPIs', address: 'C7:N7' },
        ]);
        const byName = async () => new Map((await ops.listNames()).map((n) => [n.name, n]));
        expect((await byName()).get('PL_1')).toEqual({ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' });
        expect((await byName()).get('PL_2')).toEqual({ name: 'PL_2', sheet: 'Notes', address: 'A1' });

        await ops.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C6:N6' }]);
        const replaced = await ops.listNames();
        expect(replaced.filter((n) => n.name === 'PL_1')).toEqual([
          { name: 'PL_1', sheet: 'Ops KPIs', address: 'C6:N6' },
        ]);
        // Other names, Plumbline's or the user's, are left alone.
        expect((await byName()).get('Budget')).toEqual({
          name: 'Budget',
          sheet: 'Ops KPIs',
          address: 'C7:N7',
        });
        expect((await byName()).has('PL_2')).toBe(true);

        await ops.deleteNames(['PL_2']);
        expect([...(await byName()).keys()].sort()).toEqual(['Budget', 'PL_1']);
      });

      test('a name on an unknown sheet is refused with ItemNotFound, and no name is set', async () => {
        await expect(
          ops.setNames([
            { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' },
            { name: 'PL_9', sheet: 'No Such Sheet', address: 'A1' },
          ]),
        ).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringMatching(/No Such Sheet/) });
        expect(await ops.listNames()).toEqual([]);
      });

      withReopen('names survive a round trip', async () => {
        await ops.setNames([
          { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N9' },
          { name: 'PL_2', sheet: 'Ops KPIs', address: 'L5' },
        ]);
        const again = await (reopen as ReopenHost)(ops);
        const names = (await again.listNames()).sort((a, b) => a.name.localeCompare(b.name));
        expect(names).toEqual([
          { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N9' },
          { name: 'PL_2', sheet: 'Ops KPIs', address: 'L5' },
        ]);
      });
    });

    describe('metadata rows', () => {
      test('none before the first write', async () => {
        expect(await ops.readMetadataRows()).toEqual([]);
      });

      test('round trip, and a write replaces the whole sheet', async () => {
        const rows = [
          ['plumbline', 'links', '1'],
          ['PL_1', 'series', 'claims.turnaround', 'Ops KPIs!C4:N4', '1'],
          ['PL_2', 'cell', 'claims.fte'],
        ];
        await ops.writeMetadataRows(rows);
        expect(await ops.readMetadataRows()).toEqual(rows);
        await ops.writeMetadataRows([['plumbline', 'links', '2']]);
        expect(await ops.readMetadataRows()).toEqual([['plumbline', 'links', '2']]);
      });

      test('text starting with =, +, - or @ stays text', async () => {
        const tricky = [['=SUM(A1)', '+1', '-x', '@foo', '=1+1', '-1', "'quoted", ' padded ', 'a&b<c>"d"']];
        await ops.writeMetadataRows(tricky);
        expect(await ops.readMetadataRows()).toEqual(tricky);
        const [block] = await ops.readBlocks([{ sheet: METADATA_SHEET, address: 'A1:I1' }]);
        expect(block?.values).toEqual(tricky);
        expect(block?.formulas).toEqual([new Array(9).fill('')]);
      });

      test('numbers written into the metadata sheet are numbers', async () => {
        await ops.writeMetadataRows([['canonical']]);
        await ops.writeBlocks([{ sheet: METADATA_SHEET, address: 'B1:C1', values: [[6.4, 0.145]] }]);
        const [block] = await ops.readBlocks([{ sheet: METADATA_SHEET, address: 'A1:C1' }]);
        expect(block?.values).toEqual([['canonical', 6.4, 0.145]]);
      });

      withReopen('rows survive a round trip', async () => {
        const rows = [
          ['plumbline', 'links', '1'],
          ['PL_1', '=SUM(A1)', '@x', '+1', '-2'],
        ];
        await ops.writeMetadataRows(rows);
        const again = await (reopen as ReopenHost)(ops);
        expect(await again.readMetadataRows()).toEqual(rows);
      });
    });

    describe('workbook identity', () => {
      test('an id and a name', async () => {
        const info = await ops.workbookInfo();
        expect(typeof info.id).toBe('string');
        expect(info.id.length).toBeGreaterThan(0);
        expect(typeof info.name).toBe('string');
        expect((await ops.workbookInfo()).id).toBe(info.id);
      });

      withReopen('the id is stable across a round trip', async () => {
        const { id } = await ops.workbookInfo();
        await ops.writeMetadataRows([['plumbline']]);
        const again = await (reopen as ReopenHost)(ops);
        expect((await again.workbookInfo()).id).toBe(id);
        const third = await (reopen as ReopenHost)(again);
        expect((await third.workbookInfo()).id).toBe(id);
      });

      test('two workbooks have two ids', async () => {
        const other = await open(sampleWorkbook('weekly-backlog.xlsx'));
        expect((await other.workbookInfo()).id).not.toBe((await ops.workbookInfo()).id);
      });
    });

    runRefusalContract(openOps);
    runReplaceSheetContract(openOps, reopen, options.charts);
    runFlagContract(openOps, options.userFormats);
  });
}
