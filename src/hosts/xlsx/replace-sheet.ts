/**
 * `replaceSheet`: a sheet Plumbline lays out (the summary) written whole, as
 * a new own sheet or over one it made earlier — never over a user's sheet or
 * over a chart sheet's name. Every cell's value and style is checked before
 * the sheet changes, so what `save()` will write is known to be writable.
 */
import { sheetNameProblem } from '../../core/sheet-reference';
import { METADATA_SHEET, type CellValue, type SheetContent, type SheetVisibility } from '../host';
import { requireStyle, requireValue } from './argument-checks';
import { refusal, XlsxHostError } from './host-error';
import { cellOf, cloneGrid, widthOf } from './sheet-grids';
import { findSheet, putOwnSheet, type SheetExtras, type WorkbookState } from './workbook-state';

const MAX_COLUMN_WIDTH = 255;

export async function replaceSheet(state: WorkbookState, name: string, content: SheetContent): Promise<void> {
  const problem = sheetNameProblem(name);
  if (problem) throw new XlsxHostError('InvalidArgument', `'${name}': ${problem}`);
  const existing = findSheet(state, name);
  if (existing && !existing.own) throw refusal(existing.name);
  const other = state.otherSheetNames.find((n) => n.toUpperCase() === name.toUpperCase());
  if (other)
    throw new XlsxHostError(
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
      const value = cellOf(content.values, r, c, '');
      requireValue(value);
      requireStyle({
        numberFormat: cellOf(content.numberFormats, r, c, 'General'),
        fill: cellOf(content.fills, r, c, ''),
        bold: cellOf(content.bold, r, c, false),
        indent: cellOf(content.indents, r, c, 0),
      });
      valueRow.push(value);
      formatRow.push(cellOf(content.numberFormats, r, c, 'General'));
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  for (const w of content.columnWidths ?? []) {
    if (!(Number.isFinite(w) && w >= 0 && w <= MAX_COLUMN_WIDTH)) {
      throw new XlsxHostError(
        'InvalidArgument',
        `column width ${w} is not from 0 to ${MAX_COLUMN_WIDTH} characters`,
      );
    }
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
