/**
 * Saves the simulated workbook as a new .xlsx file (exceljs: a new file, so no
 * user part can be lost): sheets and their visibility, values, formulas with
 * their last values, number formats, fills, defined names and Plumbline's
 * custom-formula conditional formats. What the xlsx host's reader reads back is
 * what the simulator held, so tests and demos can hand files between hosts.
 */
import ExcelJS from 'exceljs';
import { MAX_COLUMNS, rectA1 } from '../../core/a1';
import { sheetReference } from '../../core/sheet-reference';
import type { ExcelSimulator } from './excel-simulator';
import type { SimVisibility } from './workbook-model';

const STATE: Record<SimVisibility, ExcelJS.WorksheetState> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export async function saveXlsx(sim: ExcelSimulator): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const model = sim.workbook;
  for (const sheet of model.sheets.filter((s) => !s.deleted)) {
    const ws = workbook.addWorksheet(sheet.name, { state: STATE[sheet.visibility] });
    sheet.cells.forEach((cell, key) => {
      const { row, column } = sheetPosition(key);
      const target = ws.getCell(row + 1, column + 1);
      if (cell.formula) {
        target.value = {
          formula: cell.formula.replace(/^=/, ''),
          result: formulaResult(cell.value, cell.error),
        };
      } else if (cell.error && typeof cell.value === 'string') {
        target.value = { error: cell.value as ExcelJS.CellErrorValue['error'] };
      } else if (cell.value !== '') {
        // A string is a string: exceljs writes a formula only for `{ formula }`.
        target.value = cell.value;
      }
      if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
      if (cell.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      if (cell.bold || cell.fontColor) {
        target.font = {
          bold: cell.bold ?? false,
          ...(cell.fontColor ? { color: { argb: argb(cell.fontColor) } } : {}),
        };
      }
    });
    sheet.conditionalFormats.forEach((cf, priority) => {
      ws.addConditionalFormatting({
        ref: rectA1(cf.rect),
        rules: [
          {
            type: 'expression',
            priority: priority + 1,
            formulae: [cf.formula.replace(/^=/, '')],
            style: {
              ...(cf.fill
                ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } }
                : {}),
              ...(cf.fontColor || cf.bold
                ? {
                    font: {
                      bold: cf.bold ?? false,
                      ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}),
                    },
                  }
                : {}),
            },
          },
        ],
      });
    });
  }
  for (const name of model.names) {
    if (name.target.kind !== 'range') continue;
    workbook.definedNames.add(sheetReference(name.target.sheet.name, rectA1(name.target.rect)), name.name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function sheetPosition(key: number): { row: number; column: number } {
  // The inverse of SimSheet.key: row * MAX_COLUMNS + column.
  return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
}

function formulaResult(
  value: string | number | boolean,
  error?: boolean,
): ExcelJS.CellFormulaValue['result'] {
  if (error && typeof value === 'string') return { error: value as ExcelJS.CellErrorValue['error'] };
  return value === '' ? undefined : value;
}
