/**
 * The hidden `_plumbline` sheet and the workbook id. The rows are the link
 * format's business (`core/link-format.ts`); here they are only cells, read
 * back as strings without trailing blanks so that what was written is what is
 * read. A workbook without an id gets one from `workbookInfo()` at once, but
 * it is written only by `save()` (with an empty `_plumbline` if there is
 * none), so asking for the id of a file that is never saved changes nothing.
 */
import { metadataRowsFromCells, rectangularRows } from '../../core/metadata-rows';
import { METADATA_SHEET } from '../host';
import { checkMetadataRows } from '../port-checks';
import { newWorkbookId } from '../workbook-id';
import { contentOf, findSheet, putOwnSheet, type WorkbookState } from './workbook-state';

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
  return metadataRowsFromCells((await contentOf(state, sheet)).values);
}

export async function writeMetadataRows(state: WorkbookState, rows: string[][]): Promise<void> {
  checkMetadataRows(rows);
  const values = rectangularRows(rows);
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
