/**
 * The spreadsheet port in the Sheets sidebar: each operation is one
 * `google.script.run` call to the add-on's server function of the same job
 * (`appsscript/src/server-functions.ts`), which checks the arguments with the
 * port's own checks and does the sheet I/O in whole blocks. Only plain data
 * crosses the bridge, which is all the port carries.
 */
import type { SpreadsheetHost } from '../host';
import type { Bridge } from './bridge';

export function createSheetsHost(bridge: Bridge): SpreadsheetHost {
  return {
    workbookInfo: () => bridge.plWorkbookInfo(),
    listSheets: () => bridge.plListSheets(),
    readBlocks: (refs) => bridge.plReadBlocks(refs),
    writeBlocks: (writes) => bridge.plWriteBlocks(writes),
    listNames: () => bridge.plListNames(),
    setNames: (names) => bridge.plSetNames(names),
    deleteNames: (names) => bridge.plDeleteNames(names),
    readMetadataRows: () => bridge.plReadMetadataRows(),
    writeMetadataRows: (rows) => bridge.plWriteMetadataRows(rows),
    listFlagFormats: () => bridge.plListFlagFormats(),
    setFlagFormats: (flags) => bridge.plSetFlagFormats(flags),
    removeFlagFormats: (ids) => bridge.plRemoveFlagFormats(ids),
    replaceSheet: (name, content) => bridge.plReplaceSheet(name, content),
  };
}
