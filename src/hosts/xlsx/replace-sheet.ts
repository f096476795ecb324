/**
 * `replaceSheet`: a sheet Plumbline lays out (the summary) written whole, as
 * a new own sheet or over one it made earlier — never over a user's sheet or
 * over a chart sheet's name. Every cell's value and style is checked before
 * the sheet changes (`../port-checks.ts`), so what `save()` will write is
 * known to be writable. A layout's charts are checked like the rest but not
 * drawn: this host writes no chart or drawing parts (yet), so a saved summary
 * keeps the cells a chart would plot, not the chart (see the README).
 */
import { METADATA_SHEET, type CellValue, type SheetContent, type SheetVisibility } from '../host';
import { HostError } from '../host-error';
import { checkSheetContent } from '../port-checks';
import { cellOf, cloneGrid, widthOf } from './sheet-grids';
import { findSheet, putOwnSheet, refusal, type SheetExtras, type WorkbookState } from './workbook-state';

export async function replaceSheet(state: WorkbookState, name: string, content: SheetContent): Promise<void> {
  checkSheetContent(name, content);
  const existing = findSheet(state, name);
  if (existing && !existing.own) throw refusal(existing.name);
  const other = state.otherSheetNames.find((n) => n.toUpperCase() === name.toUpperCase());
  if (other)
    throw new HostError(
      'InvalidArgument',
      `'${other}' is already the name of a chart or other non-worksheet sheet`,
    );

  const rows = content.values.length;
  const cols = widthOf(content.values);
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      valueRow.push(cellOf(content.values, r, c, ''));
      formatRow.push(cellOf(content.numberFormats, r, c, 'General'));
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  const visibility: SheetVisibility = name === METADATA_SHEET ? 'veryHidden' : 'visible';
  const extras: SheetExtras = {
    ...(content.fills ? { fills: cloneGrid(content.fills) } : {}),
    ...(content.bold ? { bold: cloneGrid(content.bold) } : {}),
    ...(content.indents ? { indents: cloneGrid(content.indents) } : {}),
    ...(content.columnWidths ? { columnWidths: [...content.columnWidths] } : {}),
  };
  putOwnSheet(
    state,
    existing?.name ?? name,
    visibility,
    {
      name: existing?.name ?? name,
      visibility,
      values,
      formulas: values.map((row) => row.map(() => '')),
      numberFormats,
    },
    extras,
  );
}
