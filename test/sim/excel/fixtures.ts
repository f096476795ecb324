/** Workbooks for the simulator's tests, built from snapshots (what the xlsx reader produces). */
import type { WorkbookSnapshot } from '../../../src/hosts/workbook-snapshot';
import { ExcelSimulator, type SimulatorOptions } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary, type LoadedExcel } from '../../../src/sim/excel/load-library';

/** A KPI sheet: a header row of periods and two KPI rows, one cell a formula; a hidden sheet; one name. */
export function kpiWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Ops KPIs',
        visibility: 'visible',
        values: [
          ['KPI', 'Nov-26', 'Dec-26'],
          ['On-time delivery', 0.91, 0.93],
          ['Backlog', 120, 114],
        ],
        formulas: [
          ['', '', ''],
          ['', '', ''],
          ['', '', '=B3-6'],
        ],
        numberFormats: [
          ['General', 'mmm-yy', 'mmm-yy'],
          ['General', '0.0%', '0.0%'],
          ['General', 'General', 'General'],
        ],
      },
      {
        name: 'Notes',
        visibility: 'hidden',
        values: [['x']],
        formulas: [['']],
        numberFormats: [['General']],
      },
    ],
    names: [{ name: 'PL_1', sheet: 'Ops KPIs', address: 'B2:C3' }],
  };
}

export function openKpiWorkbook(options: SimulatorOptions = {}): LoadedExcel {
  return loadExcelLibrary(ExcelSimulator.fromSnapshot(kpiWorkbook(), { name: 'Ops.xlsx', ...options }));
}
