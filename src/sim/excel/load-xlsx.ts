/** A simulator holding a saved workbook, read with the saved-workbook host's reader (Node only). */
import { readWorkbook } from '../../hosts/xlsx/read-workbook';
import { ExcelSimulator, type SimulatorOptions } from './excel-simulator';

export async function loadXlsx(bytes: Uint8Array, options: SimulatorOptions = {}): Promise<ExcelSimulator> {
  return ExcelSimulator.fromSnapshot(await readWorkbook(bytes), options);
}
