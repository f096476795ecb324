/**
 * The spreadsheet port (`../host.ts`) over Office.js, for the Excel add-in.
 *
 * Office.js habits (DESIGN §5), and what each operation costs in `context.sync()`
 * calls whatever the number of ranges, names or flags:
 * - every read of an operation is queued before one sync; objects that may be
 *   missing are asked for with `getItemOrNullObject` or an optimistic `getItem`
 *   whose `ItemNotFound` is then explained (a second sync only on that path);
 * - only the properties that are read are loaded; blocks are written as whole
 *   2-D arrays;
 * - requests stay under Excel on the web's 5 MB limit: writes are estimated as
 *   the JSON the library sends, big blocks split by rows and packed into
 *   batches (`payload.ts`); reads are packed by cell count and halved if Excel
 *   still answers `ResponsePayloadSizeLimitExceeded`. Only the volume of data,
 *   never the number of ranges, adds syncs.
 *
 * | operation | syncs |
 * |---|---|
 * | `listSheets`, `listNames`, `readMetadataRows` | 1 |
 * | `readBlocks`, `writeBlocks` | 1 (a second one only to name a missing sheet in the error) |
 * | `workbookInfo` | 1 (2 the first time: the id is written) |
 * | `setNames`, `deleteNames` | 2 (list, then change) |
 * | `writeMetadataRows`, `replaceSheet` | 1 (2 when the sheet is created) |
 * | `listFlagFormats`, `setFlagFormats`, `removeFlagFormats` | 3 (sheets, their formats, then ranges or changes) |
 *
 * Text is written behind an apostrophe so Excel keeps it as text
 * (`cell-conventions.ts`); flags carry their id in the rule formula
 * (`../flag-rule.ts`); the workbook id is the defined name the saved-workbook host
 * uses (`../workbook-id.ts`), so a file keeps its id across hosts.
 *
 * This file only composes the port; each concern lives in its own module:
 * `blocks.ts` (cells), `defined-names.ts`, `metadata-sheet.ts` (`_plumbline`
 * and the workbook id), `flag-formats.ts`, `replace-sheet.ts`, over
 * `read-grids.ts` and `write-ops.ts` (requests sized for the payload limit),
 * and `worksheets.ts` (sheet lookup). Arguments are checked by the port's
 * `../port-checks.ts`, as in every host, before the first sync.
 */
import type { SpreadsheetHost } from '../host';
import { readBlocks, writeBlocks } from './blocks';
import { deleteNames, listNames, setNames } from './defined-names';
import type { ExcelRun } from './excel-types';
import { listFlagFormats, removeFlagFormats, setFlagFormats } from './flag-formats';
import { readMetadataRows, workbookInfo, writeMetadataRows } from './metadata-sheet';
import { replaceSheet } from './replace-sheet';
import { listSheets } from './worksheets';

/** The port over Office.js: pass `Excel.run` (or the simulator's, in tests). */
export function createExcelHost(run: ExcelRun): SpreadsheetHost {
  return {
    workbookInfo: () => workbookInfo(run),
    listSheets: () => listSheets(run),
    readBlocks: (refs) => readBlocks(run, refs),
    writeBlocks: (writes) => writeBlocks(run, writes),
    listNames: () => listNames(run),
    setNames: (names) => setNames(run, names),
    deleteNames: (names) => deleteNames(run, names),
    readMetadataRows: () => readMetadataRows(run),
    writeMetadataRows: (rows) => writeMetadataRows(run, rows),
    listFlagFormats: () => listFlagFormats(run),
    setFlagFormats: (flags) => setFlagFormats(run, flags),
    removeFlagFormats: (ids) => removeFlagFormats(run, ids),
    replaceSheet: (name, content) => replaceSheet(run, name, content),
  };
}
