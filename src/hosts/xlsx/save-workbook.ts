/**
 * `save()`: the workbook with its changes, as .xlsx bytes, by editing the
 * package rather than re-serialising it — a re-save through a library loses
 * what it does not model (the user's formatting, charts, pivot caches), and a
 * Plumbline save must never cost the user anything. Only what Plumbline owns
 * is rewritten (see `package.ts`); every other part comes out byte for byte.
 */
import { sheetReference } from '../../core/sheet-reference';
import { METADATA_SHEET, type DefinedName } from '../host';
import { HostError } from '../host-error';
import { workbookIdName } from '../workbook-id';
import {
  addContentTypeOverrides,
  addRelationships,
  editWorkbookXml,
  freeWorksheetPaths,
  nextRelationshipIds,
  WORKSHEET_CONTENT_TYPE,
  WORKSHEET_REL_TYPE,
  type NameEntry,
  type NewSheetEntry,
  type PackageLayout,
} from './package';
import { readPartText } from './part-stream';
import { cellOf, emptySheet } from './sheet-grids';
import { addCellStyles, PLAIN_STYLE, styleKey, type CellStyle } from './styles-xml';
import { findSheet, loadedContent, putOwnSheet, type HostSheet, type WorkbookState } from './workbook-state';
import { worksheetXml } from './worksheet-xml';

export async function saveWorkbook(state: WorkbookState): Promise<Uint8Array> {
  const layout = state.layout;
  if (state.workbookIdPending && !findSheet(state, METADATA_SHEET)) {
    putOwnSheet(state, METADATA_SHEET, 'veryHidden', emptySheet(METADATA_SHEET, 'veryHidden'), {});
  }
  const write = (path: string, text: string) => state.zip.file(path, text, { createFolders: false });

  // New sheets: parts, relationships, content types, <sheet> elements.
  const created = state.sheets.filter((s) => s.isNew);
  const paths = freeWorksheetPaths(layout, created.length);
  const relIds = nextRelationshipIds(layout.relationships, created.length);
  let sheetId = layout.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
  const newSheets: NewSheetEntry[] = created.map((s, i) => ({
    name: s.name,
    sheetId: ++sheetId,
    relId: relIds[i] as string,
    visibility: s.visibility,
    target: (paths[i] as { target: string }).target,
    path: (paths[i] as { path: string }).path,
  }));

  // Own sheets' parts, with the styles their formats need.
  const dirty = state.sheets.filter((s) => s.dirty);
  const partOf = (s: HostSheet) => (s.isNew ? newSheets[created.indexOf(s)]?.path : s.path);
  const styleKeys = new Map<string, CellStyle>();
  const styleAt = (s: HostSheet, r: number, c: number): CellStyle => ({
    numberFormat: cellOf(loadedContent(s).numberFormats, r, c, 'General'),
    fill: cellOf(s.extras.fills, r, c, ''),
    bold: cellOf(s.extras.bold, r, c, false),
    indent: cellOf(s.extras.indents, r, c, 0),
  });
  for (const s of dirty) {
    loadedContent(s).values.forEach((row, r) =>
      row.forEach((_, c) => {
        const style = styleAt(s, r, c);
        styleKeys.set(styleKey(style), style);
      }),
    );
  }
  const styles = [...styleKeys.values()];
  const stylesRel = layout.relationships.find((r) => r.kind === 'styles' && r.path);
  const stylesPath = stylesRel?.path;
  let styleIndex = new Map<string, number>();
  if (styles.some((s) => styleKey(s) !== styleKey(PLAIN_STYLE))) {
    state.originalStylesXml ??=
      stylesPath && state.zip.file(stylesPath) ? await readPartText(state.zip, stylesPath) : undefined;
    const stylesXml = state.originalStylesXml;
    if (stylesXml === undefined)
      throw new HostError('NotImplemented', 'this workbook has no styles part to add formats to');
    const added = addCellStyles(stylesXml, styles);
    styleIndex = new Map(styles.map((s, i) => [styleKey(s), added.indexes[i] ?? 0]));
    write(stylesPath as string, added.xml);
  }
  for (const s of dirty) {
    const path = partOf(s);
    if (!path) throw new HostError('ItemNotFound', `the part of sheet '${s.name}' is missing`);
    write(
      path,
      worksheetXml({
        values: loadedContent(s).values,
        styleAt: (r, c) => styleIndex.get(styleKey(styleAt(s, r, c))) ?? 0,
        ...(s.extras.columnWidths ? { columnWidths: s.extras.columnWidths } : {}),
      }),
    );
  }

  // workbook.xml: new <sheet>s and defined names.
  const add: NameEntry[] = [...state.nameChanges.values()]
    .filter((n): n is DefinedName => n !== null)
    .map((n) => ({ name: n.name, formula: sheetReference(n.sheet, n.address) }));
  const remove = new Set([...state.nameChanges.keys()]);
  if (state.workbookIdPending && state.workbookId) {
    const idName = workbookIdName(state.workbookId);
    add.push({ name: idName.name, formula: sheetReference(idName.sheet, idName.address) });
  }
  if (newSheets.length > 0 || add.length > 0 || remove.size > 0) {
    write(layout.workbookPath, editWorkbookXml(layout.workbookXml, newSheets, remove, add));
  }
  if (newSheets.length > 0) {
    write(
      layout.workbookRelsPath,
      addRelationships(
        layout.relsXml,
        newSheets.map((s) => ({ id: s.relId, type: WORKSHEET_REL_TYPE, target: s.target })),
      ),
    );
    write(
      contentTypesPath(layout),
      addContentTypeOverrides(
        layout.contentTypesXml,
        newSheets.map((s) => ({ path: s.path, contentType: WORKSHEET_CONTENT_TYPE })),
      ),
    );
  }
  return state.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

function contentTypesPath(layout: PackageLayout): string {
  return layout.entries.find((e) => e.toLowerCase() === '[content_types].xml') ?? '[Content_Types].xml';
}
