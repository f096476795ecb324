/**
 * The port's contract for the Excel host, over Microsoft's real Excel library
 * talking to the simulated Excel. Open: the sample .xlsx as the xlsx reader
 * sees it, loaded into a simulator. Reopen: the simulator's snapshot (what a
 * saved file keeps: cells, sheets, names) loaded into a new one.
 */
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import { runHostContract } from '../contract/host-contract';

const simulators = new WeakMap<SpreadsheetHost, ExcelSimulator>();

function hostOn(sim: ExcelSimulator): SpreadsheetHost {
  const host = createExcelHost(loadExcelLibrary(sim).Excel.run);
  simulators.set(host, sim);
  return host;
}

async function open(bytes: Uint8Array): Promise<SpreadsheetHost> {
  return hostOn(await loadXlsx(bytes, { name: 'sample.xlsx' }));
}

async function reopen(host: SpreadsheetHost): Promise<SpreadsheetHost> {
  const sim = simulators.get(host);
  if (!sim) throw new Error('not a host of this test');
  return hostOn(ExcelSimulator.fromSnapshot(sim.snapshot(), { name: sim.workbook.name }));
}

runHostContract('excel (simulated)', open, reopen);
