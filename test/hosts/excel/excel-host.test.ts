import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import { flagRuleFormula, parseFlagRule } from '../../../src/hosts/flag-rule';
import {
  METADATA_SHEET,
  type BlockWrite,
  type DefinedName,
  type FlagFormat,
  type RangeRef,
} from '../../../src/hosts/host';
import type { WorkbookSnapshot } from '../../../src/hosts/workbook-snapshot';
import { workbookIdName } from '../../../src/hosts/workbook-id';
import { EXCEL_WEB_PAYLOAD_LIMIT, ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';

const ROWS = 40;
const COLUMNS = 14;

/** A sheet of ROWS × COLUMNS numbers with a formula in its last column, and an empty second sheet. */
function workbook(): WorkbookSnapshot {
  const values = Array.from({ length: ROWS }, (_, r) =>
    Array.from({ length: COLUMNS }, (_, c) => r * 100 + c),
  );
  const formulas = values.map((row, r) => row.map((_, c) => (c === COLUMNS - 1 ? `=A${r + 1}+1` : '')));
  return {
    sheets: [
      {
        name: 'Ops KPIs',
        visibility: 'visible',
        values,
        formulas,
        numberFormats: values.map((row) => row.map(() => 'General')),
      },
      { name: 'Data', visibility: 'visible', values: [], formulas: [], numberFormats: [] },
    ],
    names: [],
  };
}

function open() {
  const sim = ExcelSimulator.fromSnapshot(workbook(), { name: 'Ops.xlsx' });
  return { sim, host: createExcelHost(loadExcelLibrary(sim).Excel.run) };
}

/** `count` one-cell ranges spread over the KPI sheet. */
function refs(count: number): RangeRef[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: 'Ops KPIs',
    address: `${String.fromCharCode(65 + (i % 10))}${1 + (i % ROWS)}`,
  }));
}

function names(count: number): DefinedName[] {
  return refs(count).map((r, i) => ({ name: `PL_${i + 1}`, ...r }));
}

function flags(count: number): FlagFormat[] {
  return refs(count).map((r, i) => ({
    id: `link-${i}`,
    ...r,
    formula: `A1<>_plumbline!B${i + 1}`,
    fill: '#FFC7CE',
  }));
}

describe('Excel host: a constant number of syncs per operation', () => {
  /** Syncs (requests that reached Excel, reference clean-ups aside) for one operation on a fresh workbook. */
  async function syncsFor(
    prepare: (n: number) => {
      run: (host: ReturnType<typeof open>['host']) => Promise<unknown>;
      before?: (host: ReturnType<typeof open>['host']) => Promise<unknown>;
    },
    n: number,
  ): Promise<number> {
    const { sim, host } = open();
    const step = prepare(n);
    await step.before?.(host);
    sim.resetCounters();
    await step.run(host);
    return sim.counters.syncs;
  }

  const operations: [string, number, Parameters<typeof syncsFor>[0]][] = [
    ['readBlocks', 1, (n) => ({ run: (h) => h.readBlocks(refs(n)) })],
    [
      'writeBlocks',
      1,
      (n) => ({ run: (h) => h.writeBlocks(refs(n).map((r, i): BlockWrite => ({ ...r, values: [[i]] }))) }),
    ],
    ['setNames', 2, (n) => ({ run: (h) => h.setNames(names(n)) })],
    [
      'setNames over existing names',
      2,
      (n) => ({ before: (h) => h.setNames(names(n)), run: (h) => h.setNames(names(n)) }),
    ],
    ['listNames', 1, (n) => ({ before: (h) => h.setNames(names(n)), run: (h) => h.listNames() })],
    [
      'deleteNames',
      2,
      (n) => ({
        before: (h) => h.setNames(names(n)),
        run: (h) => h.deleteNames(names(n).map((x) => x.name)),
      }),
    ],
    ['setFlagFormats', 3, (n) => ({ run: (h) => h.setFlagFormats(flags(n)) })],
    [
      'setFlagFormats over existing flags',
      3,
      (n) => ({ before: (h) => h.setFlagFormats(flags(n)), run: (h) => h.setFlagFormats(flags(n)) }),
    ],
    [
      'listFlagFormats',
      3,
      (n) => ({ before: (h) => h.setFlagFormats(flags(n)), run: (h) => h.listFlagFormats() }),
    ],
    [
      'removeFlagFormats',
      3,
      (n) => ({
        before: (h) => h.setFlagFormats(flags(n)),
        run: (h) => h.removeFlagFormats(flags(n).map((f) => f.id)),
      }),
    ],
    [
      'writeMetadataRows',
      1,
      (n) => ({
        before: (h) => h.writeMetadataRows([['x']]),
        run: (h) => h.writeMetadataRows(Array.from({ length: n }, (_, i) => ['link', `PL_${i}`, 'series'])),
      }),
    ],
    [
      'readMetadataRows',
      1,
      (n) => ({
        before: (h) => h.writeMetadataRows(Array.from({ length: n }, (_, i) => ['link', `PL_${i}`])),
        run: (h) => h.readMetadataRows(),
      }),
    ],
  ];

  test.each(operations)('%s: %i whatever the count (10, 100, 1,000)', async (_name, expected, prepare) => {
    const counts = [];
    for (const n of [10, 100, 1000]) counts.push(await syncsFor(prepare, n));
    expect(counts).toEqual([expected, expected, expected]);
  });

  test('listSheets and workbookInfo: 1 sync once the id exists', async () => {
    const { sim, host } = open();
    const first = await host.workbookInfo();
    sim.resetCounters();
    await host.listSheets();
    expect(sim.counters.syncs).toBe(1);
    sim.resetCounters();
    expect(await host.workbookInfo()).toEqual(first);
    expect(sim.counters.syncs).toBe(1);
  });
});

describe('Excel host: payload limits', () => {
  /** About `bytes` of JSON: rows of 10 strings of 100 characters. */
  function bigValues(bytes: number): string[][] {
    const rows = Math.ceil(bytes / (10 * 103));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => `${r}:${c}:`.padEnd(100, 'x')),
    );
  }

  test('a write of more than 5 MB succeeds, in requests each under the limit', async () => {
    const { sim, host } = open();
    const values = bigValues(EXCEL_WEB_PAYLOAD_LIMIT * 1.5);
    await host.writeBlocks([{ sheet: 'Data', address: `A1:J${values.length}`, values }]);
    const counters = sim.counters;
    expect(counters.rejectedRequests).toBe(0);
    expect(counters.syncs).toBeGreaterThanOrEqual(2);
    expect(counters.largestRequestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(counters.requestBytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT * 1.5);
    const sheet = sim.workbook.findSheet('Data')!;
    expect(sheet.get(values.length - 1, 9)?.value).toBe(values.at(-1)![9]);
  });

  test('a read of more than 5 MB succeeds, in responses each under the limit', async () => {
    const { sim, host } = open();
    const values = bigValues(EXCEL_WEB_PAYLOAD_LIMIT * 1.5);
    await host.writeBlocks([{ sheet: 'Data', address: `A1:J${values.length}`, values }]);
    sim.resetCounters();
    const [block] = await host.readBlocks([{ sheet: 'Data', address: `A1:J${values.length}` }]);
    expect(block?.values).toEqual(values);
    expect(sim.counters.largestResponseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  test('thousands of small operations are split so each request stays under the limit', async () => {
    const { sim, host } = open();
    const cells = Array.from({ length: 8000 }, (_, i): BlockWrite => ({
      sheet: 'Data',
      address: `A${i + 1}`,
      values: [[i]],
    }));
    await host.writeBlocks(cells);
    await host.setFlagFormats(
      Array.from({ length: 3500 }, (_, i) => ({
        id: `flag-${i}`,
        sheet: 'Data',
        address: `B${i + 1}`,
        formula: `B${i + 1}<>_plumbline!B${i + 1}`,
        fill: '#FFC7CE',
      })),
    );
    expect(sim.counters.rejectedRequests).toBe(0);
    expect(sim.counters.largestRequestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(sim.workbook.findSheet('Data')!.get(7999, 0)?.value).toBe(7999);
    expect(sim.workbook.findSheet('Data')!.conditionalFormats).toHaveLength(3500);
  });

  test('metadata of more than 5 MB is written and read back', async () => {
    const { sim, host } = open();
    const rows = bigValues(EXCEL_WEB_PAYLOAD_LIMIT * 1.2);
    await host.writeMetadataRows(rows);
    expect(await host.readMetadataRows()).toEqual(rows);
    expect(sim.counters.largestRequestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });
});

describe('Excel host: cells', () => {
  test('text that Excel would read as something else stays text', async () => {
    const { sim, host } = open();
    const tricky = [['=1+1', '+1', '-x', '@y', '007', 'TRUE', '12%', '2026-11-30', "'q", '#N/A']];
    await host.writeBlocks([{ sheet: 'Data', address: 'A1:J1', values: tricky }]);
    const [block] = await host.readBlocks([{ sheet: 'Data', address: 'A1:J1' }]);
    expect(block?.values).toEqual(tricky);
    expect(block?.formulas).toEqual([Array(10).fill('')]);
    expect(sim.workbook.findSheet('Data')!.get(0, 0)?.formula).toBeUndefined();
  });

  test('numbers, booleans and blanks are written as they are, with their number formats', async () => {
    const { host } = open();
    await host.writeBlocks([
      {
        sheet: 'Data',
        address: 'A1:C1',
        values: [[0.125, true, '']],
        numberFormats: [['0.0%', 'General', '@']],
      },
    ]);
    const [block] = await host.readBlocks([{ sheet: 'Data', address: 'A1:C1' }]);
    expect(block?.values).toEqual([[0.125, true, '']]);
    expect(block?.numberFormats).toEqual([['0.0%', 'General', '@']]);
  });

  test('formulas survive a write of other cells', async () => {
    const { host } = open();
    await host.writeBlocks([{ sheet: 'Ops KPIs', address: 'A5:M5', values: [Array(13).fill(7)] }]);
    const [block] = await host.readBlocks([{ sheet: 'Ops KPIs', address: 'L5:N6' }]);
    expect(block?.values[0]?.slice(0, 2)).toEqual([7, 7]);
    expect(block?.formulas).toEqual([
      ['', '', '=A5+1'],
      ['', '', '=A6+1'],
    ]);
  });

  test('a block whose values do not fit its address is refused before anything is sent', async () => {
    const { sim, host } = open();
    await expect(host.writeBlocks([{ sheet: 'Data', address: 'A1:B2', values: [[1, 2]] }])).rejects.toThrow(
      /2 × 2/,
    );
    expect(sim.counters.roundTrips).toBe(0);
  });

  test('a value Excel cannot hold fails a write of several syncs before the first', async () => {
    const { sim, host } = open();
    const big = Array.from({ length: 6000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => `${r}:${c}:`.padEnd(100, 'x')),
    );
    for (const bad of [Number.NaN, Infinity, 'x'.repeat(32_768)]) {
      const last: (string | number)[] = [...big.at(-1)!];
      last[9] = bad;
      sim.resetCounters();
      await expect(
        host.writeBlocks([
          { sheet: 'Data', address: `A1:J${big.length}`, values: [...big.slice(0, -1), last] },
        ]),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
      expect(sim.counters.roundTrips).toBe(0);
      expect(sim.workbook.findSheet('Data')!.get(0, 0)).toBeUndefined();
    }
    // The same write without the bad value takes more than one sync.
    await host.writeBlocks([{ sheet: 'Data', address: `A1:J${big.length}`, values: big }]);
    expect(sim.counters.syncs).toBeGreaterThan(1);
  });

  test('text of exactly 32,767 characters is written behind its apostrophe and read back whole', async () => {
    const { host } = open();
    const text = 'y'.repeat(32_767);
    await host.writeBlocks([{ sheet: 'Data', address: 'A1', values: [[text]] }]);
    const [block] = await host.readBlocks([{ sheet: 'Data', address: 'A1' }]);
    expect(block?.values).toEqual([[text]]);
  });

  test('a write to an unknown sheet names it and writes nothing', async () => {
    const { sim, host } = open();
    await expect(
      host.writeBlocks([
        { sheet: 'Data', address: 'A1', values: [[1]] },
        { sheet: 'Gone', address: 'A1', values: [[2]] },
      ]),
    ).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringContaining("'Gone'") });
    expect(sim.workbook.findSheet('Data')!.get(0, 0)).toBeUndefined();
  });
});

describe('Excel host: flags, names, sheets, identity', () => {
  test('flags are listed, replaced by id and removed, and the user’s own formats stay', async () => {
    const { sim, host } = open();
    sim.workbook.findSheet('Ops KPIs')!.conditionalFormats.push({
      id: 'user-1',
      rect: { top: 0, left: 0, bottom: 9, right: 0 },
      type: 'Custom',
      formula: '=A1>100',
      fill: '#00FF00',
      fontColor: null,
      bold: null,
      stopIfTrue: false,
    });
    await host.setFlagFormats([
      {
        id: 'PL_1',
        sheet: 'Ops KPIs',
        address: 'C5:N5',
        formula: 'C5<>_plumbline!C2',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      },
      { id: 'PL_2', sheet: 'Data', address: 'B2', formula: 'B2<>_plumbline!C3', fill: '#FFEB9C' },
    ]);
    expect(await host.listFlagFormats()).toEqual([
      {
        id: 'PL_1',
        sheet: 'Ops KPIs',
        address: 'C5:N5',
        formula: 'C5<>_plumbline!C2',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      },
      { id: 'PL_2', sheet: 'Data', address: 'B2', formula: 'B2<>_plumbline!C3', fill: '#FFEB9C' },
    ]);
    await host.setFlagFormats([
      { id: 'PL_1', sheet: 'Ops KPIs', address: 'C6:N6', formula: 'C6<>1', fill: '#FFC7CE' },
    ]);
    expect((await host.listFlagFormats()).map((f) => [f.id, f.address])).toEqual([
      ['PL_1', 'C6:N6'],
      ['PL_2', 'B2'],
    ]);
    await host.removeFlagFormats(['PL_1', 'PL_2', 'PL_404']);
    expect(await host.listFlagFormats()).toEqual([]);
    expect(sim.workbook.findSheet('Ops KPIs')!.conditionalFormats.map((cf) => cf.id)).toEqual(['user-1']);
  });

  test('a flag keeps its id in its rule, behind a marker that is always true', async () => {
    const { sim, host } = open();
    await host.setFlagFormats([
      { id: 'say "hi"', sheet: 'Data', address: 'B2:C2', formula: 'B2>1', fill: '#FFC7CE' },
    ]);
    const [cf] = sim.workbook.findSheet('Data')!.conditionalFormats;
    expect(cf?.formula).toBe('=AND("plumbline:flag:say ""hi"""<>"",(B2>1))');
    expect(parseFlagRule(cf!.formula)).toEqual({ id: 'say "hi"', formula: 'B2>1' });
    expect(parseFlagRule('=B2>1')).toBeUndefined();
    expect(flagRuleFormula('x', '=A1<>1')).toBe('=AND("plumbline:flag:x"<>"",(A1<>1))');
  });

  test('the workbook id is the defined name the saved-workbook host uses', async () => {
    const { sim, host } = open();
    const { id, name } = await host.workbookInfo();
    expect(name).toBe('Ops.xlsx');
    const idName = sim.workbook.findName(workbookIdName(id).name);
    expect(idName?.target).toMatchObject({ kind: 'range', rect: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(sim.workbook.findSheet(METADATA_SHEET)?.visibility).toBe('VeryHidden');
    expect(await host.listNames()).toEqual([]);
    await expect(
      host.setNames([{ name: workbookIdName(id).name, sheet: 'Data', address: 'A1' }]),
    ).rejects.toThrow(/reserved/);
  });

  test('replaceSheet creates a sheet with formats and shows it, then replaces its content', async () => {
    const { sim, host } = open();
    sim.resetCounters();
    await host.replaceSheet('Summary', {
      values: [
        ['Node', 'Value'],
        ['Claims', 0.91],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', '0.0%'],
      ],
      fills: [
        ['#1F4E78', '#1F4E78'],
        ['', ''],
      ],
      bold: [
        [true, true],
        [false, false],
      ],
      indents: [
        [0, 0],
        [1, 0],
      ],
      columnWidths: [30, 12],
    });
    const summary = sim.workbook.findSheet('Summary')!;
    expect(sim.workbook.activeSheet).toBe(summary);
    expect(summary.get(0, 0)).toMatchObject({ value: 'Node', fill: '#1F4E78', bold: true });
    expect(summary.get(1, 0)).toMatchObject({ value: 'Claims', indent: 1 });
    expect(summary.get(1, 1)).toMatchObject({ value: 0.91, numberFormat: '0.0%' });
    expect(summary.get(1, 1)?.fill).toBeUndefined();
    expect(summary.columnWidths.get(0)).toBeCloseTo(161.25);
    // Two syncs to create (the first finds no sheet), one to replace.
    expect(sim.counters.syncs).toBe(2);
    sim.resetCounters();
    await host.replaceSheet('Summary', { values: [['Only']] });
    expect(sim.counters.syncs).toBe(1);
    expect([...summary.cells.keys()]).toEqual([0]);
    expect(summary.get(0, 0)).toEqual({ value: 'Only', quotePrefix: true });
  });
});
