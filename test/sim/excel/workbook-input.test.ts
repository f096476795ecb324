import type { WorkbookSnapshot } from '../../../src/hosts/workbook-snapshot';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { InvalidWorkbookError } from '../../../src/sim/excel/workbook-input';
import type { SimWorkbookState } from '../../../src/sim/excel/workbook-state';
import { kpiWorkbook } from './fixtures';

/** The problems a load was refused for; fails the test when it was not refused. */
function refusal(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidWorkbookError);
    return (e as InvalidWorkbookError).problems;
  }
  throw new Error('expected the input to be refused');
}

function snapshotWith(edit: (s: WorkbookSnapshot) => void): WorkbookSnapshot {
  const snapshot = kpiWorkbook();
  edit(snapshot);
  return snapshot;
}

describe('the simulator refuses a snapshot Excel could not have given', () => {
  test('an unknown sheet visibility, naming the sheet and the value', () => {
    const snapshot = snapshotWith((s) => {
      (s.sheets[1] as { visibility: string }).visibility = 'secret';
    });
    const problems = refusal(() => ExcelSimulator.fromSnapshot(snapshot));
    expect(problems).toEqual([expect.stringContaining('sheets[1] ("Notes").visibility: ')]);
    expect(problems[0]).toContain('(got "secret")');
    expect(() => ExcelSimulator.fromSnapshot(snapshot)).toThrow(/^Invalid workbook snapshot: sheets\[1\]/);
  });

  test('cells that are no cell values: null, Infinity', () => {
    const snapshot = snapshotWith((s) => {
      const row = s.sheets[0]!.values[1] as unknown[];
      row[1] = null;
      row[2] = Infinity;
    });
    expect(refusal(() => ExcelSimulator.fromSnapshot(snapshot))).toEqual([
      expect.stringMatching(/^sheets\[0\] \("Ops KPIs"\)\.values\[1\]\[1\]: a cell value is a string/),
      expect.stringMatching(/^sheets\[0\] \("Ops KPIs"\)\.values\[1\]\[2\]: a cell value is a string/),
    ]);
  });

  test('formulas or formats that do not cover the values cell for cell', () => {
    const snapshot = snapshotWith((s) => {
      s.sheets[0]!.formulas.pop();
      s.sheets[0]!.numberFormats[1]!.pop();
      s.sheets[1]!.formulas[0]![0] = 'SUM(A1)';
    });
    expect(refusal(() => ExcelSimulator.fromSnapshot(snapshot))).toEqual([
      'sheets[0] ("Ops KPIs").formulas: 2 rows where values has 3',
      'sheets[0] ("Ops KPIs").numberFormats[1]: 2 cells where values has 3',
      'sheets[1] ("Notes").formulas[0][0]: a formula starts with = (got "SUM(A1)")',
    ]);
  });

  test('a name on a sheet that is not there, or with a bad address or name', () => {
    const snapshot = snapshotWith((s) => {
      s.names.push({ name: 'PL_2', sheet: 'Gone', address: 'A1' });
      s.names.push({ name: 'PL_3', sheet: 'Notes', address: 'A1:' });
      s.names.push({ name: 'A1', sheet: 'Notes', address: 'A1' });
      s.names.push({ name: 'pl_1', sheet: 'Notes', address: 'A1' });
    });
    expect(refusal(() => ExcelSimulator.fromSnapshot(snapshot))).toEqual([
      'names[1].sheet: no sheet of the snapshot has this name (got "Gone")',
      'names[2].address: not a range address (got "A1:")',
      'names[3].name: not a name Excel accepts (got "A1")',
      'names[4].name: another name has this name (got "pl_1")',
    ]);
  });

  test('sheets Excel would not keep: no visible one, the same name twice, a bad name', () => {
    const snapshot = snapshotWith((s) => {
      s.sheets[0]!.visibility = 'hidden';
      s.sheets[1]!.name = 'OPS KPIS';
      s.sheets.push({ ...s.sheets[1]!, name: 'a/b' });
    });
    const problems = refusal(() => ExcelSimulator.fromSnapshot(snapshot));
    expect(problems).toContain('sheets[1] ("OPS KPIS").name: another sheet has this name (got "OPS KPIS")');
    expect(problems).toContainEqual(expect.stringMatching(/^sheets\[2\] \("a\/b"\)\.name: /));
    expect(problems).toContain('sheets: a workbook keeps at least one visible sheet');
  });

  test('no sheets, or not a snapshot at all', () => {
    expect(refusal(() => ExcelSimulator.fromSnapshot({ sheets: [], names: [] }))).toEqual([
      'sheets: a workbook has at least one sheet',
      'sheets: a workbook keeps at least one visible sheet',
    ]);
    expect(refusal(() => ExcelSimulator.fromSnapshot(null as unknown as WorkbookSnapshot))).toEqual([
      expect.stringMatching(/^\(the whole input\): /),
    ]);
  });
});

describe('the simulator refuses a saved state it could not have saved', () => {
  function savedState(): SimWorkbookState {
    return ExcelSimulator.fromSnapshot(kpiWorkbook()).saveState();
  }

  test('a saved state loads back', () => {
    expect(ExcelSimulator.fromState(savedState()).saveState()).toEqual(savedState());
  });

  test('an unknown visibility (the snapshot spelling is not the state spelling)', () => {
    const state = savedState();
    (state.sheets[1] as { visibility: string }).visibility = 'hidden';
    expect(refusal(() => ExcelSimulator.fromState(state))).toEqual([
      expect.stringMatching(/^sheets\[1\] \("Notes"\)\.visibility: .*\(got "hidden"\)$/),
    ]);
  });

  test('ids that lead nowhere and cells outside the sheet', () => {
    const state = savedState();
    state.activeSheetId = '{missing}';
    state.names[0]!.target = {
      kind: 'range',
      sheetId: '{missing}',
      rect: { top: 0, left: 0, bottom: 0, right: 0 },
    };
    state.sheets[0]!.cells.push([-1, { value: 1 }]);
    // Every problem at once.
    expect(refusal(() => ExcelSimulator.fromState(state))).toEqual([
      expect.stringMatching(/^sheets\[0\] \("Ops KPIs"\)\.cells\[\d+\]\[0\]: .*\(got -1\)$/),
      'activeSheetId: no sheet has this id (got "{missing}")',
      'names[0].target.sheetId: no sheet has this id (got "{missing}")',
    ]);
  });
});
