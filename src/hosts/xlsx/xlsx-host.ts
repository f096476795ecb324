/**
 * The saved-workbook host: the port over an .xlsx file, for the CLI and tests.
 *
 * Reads stream from the file only the parts and ranges they need (see
 * read-workbook.ts), or answer from the sheets Plumbline holds in memory
 * because it wrote them or needed them whole. `save()` never re-serialises the
 * workbook: it edits the package (see package.ts), changing only what
 * Plumbline owns — the parts of its own sheets, one `<sheet>` per new sheet and
 * the defined names in workbook.xml, the workbook's relationships and the
 * content types, and (only when an own sheet asks for formats) appended
 * entries in styles.xml. Every other part comes out byte for byte as it went in.
 *
 * It writes only Plumbline's own sheets: `_plumbline` and the sheets it creates
 * with `replaceSheet`. The user's sheets are read-only here.
 *
 * This file only opens the workbook and composes the port; each concern lives
 * in its own module: `blocks.ts`, `defined-names.ts`, `metadata-sheet.ts`
 * (`_plumbline` and the workbook id), `flag-formats.ts`, `replace-sheet.ts`,
 * `save-workbook.ts`, over `workbook-state.ts` (what is open and the sheet
 * lookups) and `sheet-grids.ts`. Arguments are checked by the port's
 * `../port-checks.ts`, as in every host, before anything changes; errors are
 * the port's `HostError` (`../host-error.ts`).
 */
import type { SpreadsheetHost } from '../host';
import type { WorkbookSnapshot } from '../workbook-snapshot';
import { readBlocks, writeBlocks } from './blocks';
import { deleteNames, listNames, setNames } from './defined-names';
import { listFlagFormats, removeFlagFormats, setFlagFormats } from './flag-formats';
import { readMetadataRows, workbookInfo, writeMetadataRows } from './metadata-sheet';
import { readPackageLayout } from './package';
import { openPackage } from './read-workbook';
import { replaceSheet } from './replace-sheet';
import { saveWorkbook } from './save-workbook';
import { listSheets, snapshotOf, workbookState } from './workbook-state';

export interface XlsxHost extends SpreadsheetHost {
  /** The workbook with every change so far, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** The workbook's content now, changes included (a copy): every sheet read whole. */
  snapshot(): Promise<WorkbookSnapshot>;
}

export interface XlsxHostOptions {
  /** The file's name (a path is fine: its last segment is used); the workbook's display name. */
  fileName?: string;
}

function fileNameOf(path: string | undefined): string {
  const name = path?.split(/[\\/]/).pop();
  return name && name.length > 0 ? name : 'workbook.xlsx';
}

/**
 * Opens an .xlsx file as a {@link SpreadsheetHost}; nothing is written until
 * `save()`. Opening reads only the package's map (content types,
 * relationships, workbook.xml); cells are read when asked for.
 */
export async function openXlsxHost(bytes: Uint8Array, options: XlsxHostOptions = {}): Promise<XlsxHost> {
  const zip = await openPackage(bytes);
  const layout = await readPackageLayout(zip);
  const state = workbookState(zip, layout, fileNameOf(options.fileName));
  return {
    workbookInfo: () => workbookInfo(state),
    listSheets: () => listSheets(state),
    readBlocks: (refs) => readBlocks(state, refs),
    writeBlocks: (writes) => writeBlocks(state, writes),
    listNames: () => listNames(state),
    setNames: (names) => setNames(state, names),
    deleteNames: (names) => deleteNames(state, names),
    readMetadataRows: () => readMetadataRows(state),
    writeMetadataRows: (rows) => writeMetadataRows(state, rows),
    listFlagFormats: () => listFlagFormats(),
    setFlagFormats: (flags) => setFlagFormats(state, flags),
    removeFlagFormats: (ids) => removeFlagFormats(ids),
    replaceSheet: (name, content) => replaceSheet(state, name, content),
    save: () => saveWorkbook(state),
    snapshot: () => snapshotOf(state),
  };
}
