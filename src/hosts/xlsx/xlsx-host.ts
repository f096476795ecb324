/**
 * The saved-workbook host: the port over an .xlsx file, for the CLI and tests.
 *
 * Reads answer from a snapshot of the file (see read-workbook.ts) plus the
 * changes made since it was opened. `save()` never re-serialises the
 * workbook: it edits the package (see package.ts), changing only what
 * Plumbline owns — the parts of its own sheets, one `<sheet>` per new sheet and
 * the defined names in workbook.xml, the workbook's relationships and the
 * content types, and (only when an own sheet asks for formats) appended
 * entries in styles.xml. Every other part comes out byte for byte as it went in.
 *
 * It writes only Plumbline's own sheets: `_plumbline` and the sheets it creates
 * with `replaceSheet`. The user's sheets are read-only here.
 */
import JSZip from 'jszip';
import { rectA1, rectSize, requireA1, type CellRect } from '../../core/a1';
import { isValidDefinedName, sheetNameProblem, sheetReference } from '../../core/sheet-reference';
import type {
  Block,
  BlockWrite,
  CellValue,
  DefinedName,
  FlagFormat,
  RangeRef,
  SheetContent,
  SheetInfo,
  SheetVisibility,
  SpreadsheetHost,
} from '../host';
import { METADATA_SHEET } from '../host';
import { isWorkbookIdName, newWorkbookId, workbookIdFromNames, workbookIdName } from '../workbook-id';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook-snapshot';
import {
  addContentTypeOverrides,
  addRelationships,
  editWorkbookXml,
  freeWorksheetPaths,
  nextRelationshipIds,
  readPackageLayout,
  WORKSHEET_CONTENT_TYPE,
  WORKSHEET_REL_TYPE,
  type NameEntry,
  type NewSheetEntry,
  type PackageLayout,
} from './package';
import { readWorkbookFromPackage } from './read-workbook';
import { addCellStyles, cellStyleProblem, PLAIN_STYLE, styleKey, type CellStyle } from './styles-xml';
import { cellValueProblem, worksheetXml } from './worksheet-xml';

export interface XlsxHost extends SpreadsheetHost {
  /** The workbook with every change so far, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** The workbook's content now, changes included (a copy). */
  snapshot(): WorkbookSnapshot;
}

export interface XlsxHostOptions {
  /** The file's name (a path is fine: its last segment is used); the workbook's display name. */
  fileName?: string;
}

/** Error codes as Office.js names them, so callers handle every host alike. */
export type XlsxHostErrorCode = 'ItemNotFound' | 'InvalidArgument' | 'AccessDenied' | 'NotImplemented';

export class XlsxHostError extends Error {
  readonly code: XlsxHostErrorCode;

  constructor(code: XlsxHostErrorCode, message: string) {
    super(message);
    this.name = 'XlsxHostError';
    this.code = code;
  }
}

/** More cells than this in one read is a mistake (a whole-sheet range), not a link. */
const MAX_CELLS_PER_READ = 4_000_000;
const MAX_COLUMN_WIDTH = 255;

interface SheetExtras {
  fills?: string[][];
  bold?: boolean[][];
  indents?: number[][];
  columnWidths?: number[];
}

interface HostSheet {
  name: string;
  visibility: SheetVisibility;
  /** Plumbline's own: `_plumbline`, or created by this host. Only these are written. */
  own: boolean;
  /** Created by this host (not yet in the package it opened). */
  isNew: boolean;
  /** The zip entry of an existing sheet. */
  path: string | undefined;
  content: SheetSnapshot;
  extras: SheetExtras;
  /** Its part must be rewritten on save. */
  dirty: boolean;
}

function fileNameOf(path: string | undefined): string {
  const name = path?.split(/[\\/]/).pop();
  return name && name.length > 0 ? name : 'workbook.xlsx';
}

function cloneGrid<T>(grid: T[][]): T[][] {
  return grid.map((row) => [...row]);
}

function cloneSheet(sheet: SheetSnapshot): SheetSnapshot {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    values: cloneGrid(sheet.values),
    formulas: cloneGrid(sheet.formulas),
    numberFormats: cloneGrid(sheet.numberFormats),
  };
}

function emptySheet(name: string, visibility: SheetVisibility): SheetSnapshot {
  return { name, visibility, values: [], formulas: [], numberFormats: [] };
}

function widthOf(grid: unknown[][]): number {
  return grid.reduce((max, row) => Math.max(max, row.length), 0);
}

/** Grows a sheet's dense arrays to at least `rows` × `cols`. */
function ensureSize(sheet: SheetSnapshot, rows: number, cols: number): void {
  const width = Math.max(cols, widthOf(sheet.values));
  while (sheet.values.length < rows) {
    sheet.values.push([]);
    sheet.formulas.push([]);
    sheet.numberFormats.push([]);
  }
  for (let r = 0; r < sheet.values.length; r++) {
    const values = sheet.values[r] as CellValue[];
    const formulas = sheet.formulas[r] as string[];
    const formats = sheet.numberFormats[r] as string[];
    while (values.length < width) values.push('');
    while (formulas.length < width) formulas.push('');
    while (formats.length < width) formats.push('General');
  }
}

function cellOf<T>(grid: T[][] | undefined, row: number, col: number, fallback: T): T {
  return grid?.[row]?.[col] ?? fallback;
}

function refusal(sheet: string): XlsxHostError {
  return new XlsxHostError(
    'AccessDenied',
    `saved-workbook host writes only Plumbline's own sheets; open the workbook in Excel or Sheets to write into '${sheet}'`,
  );
}

class XlsxWorkbookHost implements XlsxHost {
  private readonly sheets: HostSheet[];
  /** Sheets that are not worksheets (chart sheets…): their names are taken. */
  private readonly otherSheetNames: string[];
  /** Workbook-level names that refer to a range, by upper-case name (Excel compares names so). */
  private readonly names = new Map<string, DefinedName>();
  /** Names to write (a value) or delete (`null`) on save, by upper-case name. */
  private readonly nameChanges = new Map<string, DefinedName | null>();
  private workbookId: string | undefined;
  private workbookIdPending = false;

  constructor(
    private readonly zip: JSZip,
    private readonly layout: PackageLayout,
    snapshot: WorkbookSnapshot,
    private readonly fileName: string,
  ) {
    const byName = new Map(layout.sheets.map((s) => [s.name, s]));
    this.sheets = snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      own: sheet.name.toUpperCase() === METADATA_SHEET.toUpperCase(),
      isNew: false,
      path: byName.get(sheet.name)?.path,
      content: cloneSheet(sheet),
      extras: {},
      dirty: false,
    }));
    this.otherSheetNames = layout.sheets.filter((s) => s.kind !== 'worksheet').map((s) => s.name);
    for (const name of snapshot.names) {
      if (!isWorkbookIdName(name.name)) this.names.set(name.name.toUpperCase(), { ...name });
    }
    // The id is read from every workbook-level name, whatever it refers to,
    // so it survives a reference broken into #REF!.
    this.workbookId = workbookIdFromNames(layout.names.filter((n) => n.localSheetId === undefined));
  }

  // --- reading -------------------------------------------------------------

  async workbookInfo(): Promise<{ id: string; name: string }> {
    if (!this.workbookId) {
      this.workbookId = newWorkbookId();
      this.workbookIdPending = true;
    }
    return { id: this.workbookId, name: this.fileName };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  async readBlocks(refs: RangeRef[]): Promise<Block[]> {
    const reads = refs.map((ref) => ({
      ref,
      sheet: this.requireSheet(ref.sheet),
      range: this.requireRange(ref),
    }));
    return reads.map(({ ref, sheet, range }) => {
      const { rows, columns } = rectSize(range);
      if (rows * columns > MAX_CELLS_PER_READ) {
        throw new XlsxHostError('InvalidArgument', `'${ref.address}' is more cells than one read may take`);
      }
      const slice = <T>(grid: T[][], fallback: T): T[][] =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => cellOf(grid, range.top + r, range.left + c, fallback)),
        );
      return {
        sheet: ref.sheet,
        address: ref.address,
        values: slice<CellValue>(sheet.content.values, ''),
        formulas: slice(sheet.content.formulas, ''),
        numberFormats: slice(sheet.content.numberFormats, 'General'),
      };
    });
  }

  async listNames(): Promise<DefinedName[]> {
    return [...this.names.values()].map((n) => ({ ...n }));
  }

  async readMetadataRows(): Promise<string[][]> {
    const sheet = this.findSheet(METADATA_SHEET);
    if (!sheet) return [];
    const rows = sheet.content.values.map((row) => {
      const cells = row.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
    while (rows.length > 0 && (rows[rows.length - 1] as string[]).length === 0) rows.pop();
    return rows;
  }

  async listFlagFormats(): Promise<FlagFormat[]> {
    // This host writes no conditional formats, and cannot tell Plumbline's
    // flags from the user's own formats in a saved file.
    return [];
  }

  snapshot(): WorkbookSnapshot {
    const names = [...this.names.values()].map((n) => ({ ...n }));
    if (this.workbookId && this.findSheet(METADATA_SHEET)) names.push(workbookIdName(this.workbookId));
    return { sheets: this.sheets.map((s) => cloneSheet(s.content)), names };
  }

  // --- writing -------------------------------------------------------------

  async writeBlocks(writes: BlockWrite[]): Promise<void> {
    const checked = writes.map((write) => {
      const sheet = this.requireOwnSheet(write.sheet);
      const range = this.requireRange(write);
      this.requireShape(write.values, range, `values for ${write.sheet}!${write.address}`);
      if (write.numberFormats)
        this.requireShape(write.numberFormats, range, `numberFormats for ${write.sheet}!${write.address}`);
      write.values.forEach((row) => row.forEach((v) => this.requireValue(v)));
      write.numberFormats?.forEach((row) =>
        row.forEach((f) => this.requireStyle({ ...PLAIN_STYLE, numberFormat: f })),
      );
      return { write, sheet, range };
    });
    for (const { write, sheet, range } of checked) {
      ensureSize(sheet.content, range.bottom + 1, range.right + 1);
      write.values.forEach((row, r) =>
        row.forEach((value, c) => {
          (sheet.content.values[range.top + r] as CellValue[])[range.left + c] = value;
          (sheet.content.formulas[range.top + r] as string[])[range.left + c] = '';
          const format = write.numberFormats?.[r]?.[c];
          if (format !== undefined)
            (sheet.content.numberFormats[range.top + r] as string[])[range.left + c] = format;
        }),
      );
      sheet.dirty = true;
    }
  }

  async setNames(names: DefinedName[]): Promise<void> {
    const checked = names.map((n) => {
      if (!isValidDefinedName(n.name))
        throw new XlsxHostError('InvalidArgument', `'${n.name}' is not a valid defined name`);
      if (isWorkbookIdName(n.name)) {
        throw new XlsxHostError('InvalidArgument', `'${n.name}' is reserved for the workbook's Plumbline id`);
      }
      const sheet = this.requireSheet(n.sheet);
      const range = this.requireRange(n);
      return { name: n.name, sheet: sheet.name, address: rectA1(range) };
    });
    for (const n of checked) {
      const key = n.name.toUpperCase();
      this.names.delete(key);
      this.names.set(key, n);
      this.nameChanges.set(key, n);
    }
  }

  async deleteNames(names: string[]): Promise<void> {
    for (const name of names) {
      if (isWorkbookIdName(name)) continue;
      const key = name.toUpperCase();
      this.names.delete(key);
      this.nameChanges.set(key, null);
    }
  }

  async writeMetadataRows(rows: string[][]): Promise<void> {
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') {
          throw new XlsxHostError('InvalidArgument', `metadata cell ${r + 1}:${c + 1} is not a string`);
        }
        this.requireValue(cell);
      }),
    );
    const width = widthOf(rows);
    const values = rows.map((row) => [...row, ...new Array<string>(width - row.length).fill('')]);
    this.putOwnSheet(
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

  async setFlagFormats(flags: FlagFormat[]): Promise<void> {
    for (const flag of flags) {
      this.requireOwnSheet(flag.sheet);
      throw new XlsxHostError(
        'NotImplemented',
        `saved-workbook host does not write conditional formats; open the workbook in Excel or Sheets to flag '${flag.sheet}'`,
      );
    }
  }

  async removeFlagFormats(_ids: string[]): Promise<void> {
    // Nothing to remove: this host never writes flags (see listFlagFormats).
  }

  async replaceSheet(name: string, content: SheetContent): Promise<void> {
    const problem = sheetNameProblem(name);
    if (problem) throw new XlsxHostError('InvalidArgument', `'${name}': ${problem}`);
    const existing = this.findSheet(name);
    if (existing && !existing.own) throw refusal(existing.name);
    const other = this.otherSheetNames.find((n) => n.toUpperCase() === name.toUpperCase());
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
        this.requireValue(value);
        this.requireStyle({
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
    this.putOwnSheet(
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

  // --- saving --------------------------------------------------------------

  async save(): Promise<Uint8Array> {
    const layout = this.layout;
    if (this.workbookIdPending && !this.findSheet(METADATA_SHEET)) {
      this.putOwnSheet(METADATA_SHEET, 'veryHidden', emptySheet(METADATA_SHEET, 'veryHidden'), {});
    }
    const write = (path: string, text: string) => this.zip.file(path, text, { createFolders: false });

    // New sheets: parts, relationships, content types, <sheet> elements.
    const created = this.sheets.filter((s) => s.isNew);
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
    const dirty = this.sheets.filter((s) => s.dirty);
    const partOf = (s: HostSheet) => (s.isNew ? newSheets[created.indexOf(s)]?.path : s.path);
    const styleKeys = new Map<string, CellStyle>();
    const styleAt = (s: HostSheet, r: number, c: number): CellStyle => ({
      numberFormat: cellOf(s.content.numberFormats, r, c, 'General'),
      fill: cellOf(s.extras.fills, r, c, ''),
      bold: cellOf(s.extras.bold, r, c, false),
      indent: cellOf(s.extras.indents, r, c, 0),
    });
    for (const s of dirty) {
      s.content.values.forEach((row, r) =>
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
      const stylesXml = stylesPath ? await this.zip.file(stylesPath)?.async('string') : undefined;
      if (stylesXml === undefined)
        throw new XlsxHostError('NotImplemented', 'this workbook has no styles part to add formats to');
      const added = addCellStyles(stylesXml, styles);
      styleIndex = new Map(styles.map((s, i) => [styleKey(s), added.indexes[i] ?? 0]));
      write(stylesPath as string, added.xml);
    }
    for (const s of dirty) {
      const path = partOf(s);
      if (!path) throw new XlsxHostError('ItemNotFound', `the part of sheet '${s.name}' is missing`);
      write(
        path,
        worksheetXml({
          values: s.content.values,
          styleAt: (r, c) => styleIndex.get(styleKey(styleAt(s, r, c))) ?? 0,
          ...(s.extras.columnWidths ? { columnWidths: s.extras.columnWidths } : {}),
        }),
      );
    }

    // workbook.xml: new <sheet>s and defined names.
    const add: NameEntry[] = [...this.nameChanges.values()]
      .filter((n): n is DefinedName => n !== null)
      .map((n) => ({ name: n.name, formula: sheetReference(n.sheet, n.address) }));
    const remove = new Set([...this.nameChanges.keys()]);
    if (this.workbookIdPending && this.workbookId) {
      const idName = workbookIdName(this.workbookId);
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
        this.contentTypesPath(),
        addContentTypeOverrides(
          layout.contentTypesXml,
          newSheets.map((s) => ({ path: s.path, contentType: WORKSHEET_CONTENT_TYPE })),
        ),
      );
    }
    return this.zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }

  // --- helpers -------------------------------------------------------------

  private contentTypesPath(): string {
    return (
      this.layout.entries.find((e) => e.toLowerCase() === '[content_types].xml') ?? '[Content_Types].xml'
    );
  }

  /** A worksheet by name: exact first, then ignoring case as Excel does. */
  private findSheet(name: string): HostSheet | undefined {
    return (
      this.sheets.find((s) => s.name === name) ??
      this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase())
    );
  }

  private requireSheet(name: string): HostSheet {
    const sheet = this.findSheet(name);
    if (sheet) return sheet;
    if (this.otherSheetNames.some((n) => n.toUpperCase() === name.toUpperCase())) {
      throw new XlsxHostError('InvalidArgument', `'${name}' is a chart sheet or another sheet without cells`);
    }
    throw new XlsxHostError('ItemNotFound', `The workbook has no sheet named '${name}'`);
  }

  private requireOwnSheet(name: string): HostSheet {
    const sheet = this.requireSheet(name);
    if (!sheet.own) throw refusal(sheet.name);
    return sheet;
  }

  private requireRange(ref: RangeRef): CellRect {
    try {
      return requireA1(ref.address);
    } catch (e) {
      throw new XlsxHostError('InvalidArgument', (e as Error).message);
    }
  }

  private requireShape(grid: unknown[][], range: CellRect, what: string): void {
    const { rows, columns } = rectSize(range);
    if (grid.length !== rows || grid.some((row) => row.length !== columns)) {
      throw new XlsxHostError('InvalidArgument', `${what}: expected ${rows} rows of ${columns} cells`);
    }
  }

  private requireValue(value: unknown): void {
    const problem = cellValueProblem(value);
    if (problem) throw new XlsxHostError('InvalidArgument', problem);
  }

  private requireStyle(style: CellStyle): void {
    const problem = cellStyleProblem(style);
    if (problem) throw new XlsxHostError('InvalidArgument', problem);
  }

  private putOwnSheet(
    name: string,
    visibility: SheetVisibility,
    content: SheetSnapshot,
    extras: SheetExtras,
  ): void {
    const existing = this.findSheet(name);
    if (existing) {
      if (!existing.own) throw refusal(existing.name);
      existing.content = { ...content, name: existing.name, visibility: existing.visibility };
      existing.extras = extras;
      existing.dirty = true;
      return;
    }
    if (this.otherSheetNames.some((n) => n.toUpperCase() === name.toUpperCase())) {
      throw new XlsxHostError(
        'InvalidArgument',
        `'${name}' is already the name of a chart or other non-worksheet sheet`,
      );
    }
    this.sheets.push({
      name,
      visibility,
      own: true,
      isNew: true,
      path: undefined,
      content,
      extras,
      dirty: true,
    });
  }
}

/** Opens an .xlsx file as a {@link SpreadsheetHost}; nothing is written until `save()`. */
export async function openXlsxHost(bytes: Uint8Array, options: XlsxHostOptions = {}): Promise<XlsxHost> {
  const zip = await JSZip.loadAsync(bytes);
  const layout = await readPackageLayout(zip);
  const snapshot = await readWorkbookFromPackage(zip, layout, bytes);
  return new XlsxWorkbookHost(zip, layout, snapshot, fileNameOf(options.fileName));
}
