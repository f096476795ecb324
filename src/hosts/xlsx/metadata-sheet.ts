/**
 * The hidden `_plumbline` sheet and the workbook id. The rows are the link
 * format's business (`core/link-format.ts`); here they are only cells, read
 * back as strings without trailing blanks so that what was written is what is
 * read. A workbook without an id gets one from `workbookInfo()` at once, but
 * it is written only by `save()` (with an empty `_plumbline` if there is
 * none), so asking for the id of a file that is never saved changes nothing.
 */
import { METADATA_SHEET } from '../host';
import { newWorkbookId } from '../workbook-id';
import { requireValue } from './argument-checks';
import { XlsxHostError } from './host-error';
import { widthOf } from './sheet-grids';
import { findSheet, putOwnSheet, type WorkbookState } from './workbook-state';

export async function workbookInfo(state: WorkbookState): Promise<{ id: string; name: string }> {
  if (!state.workbookId) {
    state.workbookId = newWorkbookId();
    state.workbookIdPending = true;
  }
  return { id: state.workbookId, name: state.fileName };
}

export async function readMetadataRows(state: WorkbookState): Promise<string[][]> {
  const sheet = findSheet(state, METADATA_SHEET);
  if (!sheet) return [];
  const rows = sheet.content.values.map((row) => {
    const cells = row.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).length === 0) rows.pop();
  return rows;
}

export async function writeMetadataRows(state: WorkbookState, rows: string[][]): Promise<void> {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== 'string') {
        throw new XlsxHostError('InvalidArgument', `metadata cell ${r + 1}:${c + 1} is not a string`);
      }
      requireValue(cell);
    }),
  );
  const width = widthOf(rows);
  const values = rows.map((row) => [...row, ...new Array<string>(width - row.length).fill('')]);
  putOwnSheet(
    state,
    METADATA_SHEET,
    'veryHidden',
    {
      name: METADATA_SHEET,
      visibility: 'veryHidden',
      values,
      formulas: values.map((row) => row.map(() => '')),
      numberFormats: values.map((row) => row.map(() => 'General')),
    },
    {},
  );
}
