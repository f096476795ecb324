/**
 * A whole workbook's content as plain data: what the xlsx reader produces and
 * what the Excel simulator loads from and saves to. Dense arrays from A1 to the
 * bottom-right of each sheet's used range, in the port's cell conventions.
 */
import type { CellValue, DefinedName, SheetVisibility } from './host';

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  values: CellValue[][];
  /** `=…` for a formula cell, `''` otherwise. */
  formulas: string[][];
  numberFormats: string[][];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: DefinedName[];
}
