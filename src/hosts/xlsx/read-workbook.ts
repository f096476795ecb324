/**
 * Reads a saved workbook's cells into the port's conventions, exactly as
 * Excel's `Range.values` / `formulas` / `numberFormat` would give them, part
 * by part and only the parts needed: a worksheet is streamed for the cells
 * asked of it, the shared strings for the strings those cells use, the
 * styles for their number formats (see worksheet-reader.ts, part-stream.ts).
 */
import JSZip from 'jszip';
import { MAX_COLUMNS, parseA1, type CellRect } from '../../core/a1';
import { epochDateToExcelSerial } from '../../core/excel-date';
import { parseSheetReference } from '../../core/sheet-reference';
import type { CellValue, DefinedName } from '../host';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook-snapshot';
import { readNumberFormats } from './number-formats';
import { readPackageLayout, type PackageLayout, type PackageSheet } from './package';
import { decodeXstring, readSharedStrings } from './shared-strings';
import { UnsupportedWorkbookError } from './workbook-errors';
import { scanWorksheet, type RawCell, type ScanOptions } from './worksheet-reader';

/**
 * Filled cells a whole-workbook snapshot may hold (the workbench, the
 * simulator): a snapshot is dense arrays, and a million-row sheet is for the
 * CLI, which reads only its linked ranges.
 */
export const MAX_SNAPSHOT_CELLS = 1_000_000;
/** Rows × columns of the used ranges a snapshot may hold. */
export const MAX_SNAPSHOT_AREA = 4_000_000;

/** What is worth keeping between reads of one package: the styles' formats and strings already resolved. */
export interface CellSource {
  readonly zip: JSZip;
  readonly layout: PackageLayout;
  formats?: Promise<string[]>;
  readonly strings: Map<number, string>;
}

export function cellSource(zip: JSZip, layout: PackageLayout): CellSource {
  return { zip, layout, strings: new Map() };
}

export interface CellReading {
  value: CellValue;
  formula: string;
  format: string;
}

export interface SheetCells {
  /** By `row * MAX_COLUMNS + col` (0-based). */
  cells: Map<number, CellReading>;
  merges: CellRect[];
}

export const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

/** Excel shows formulas without the `_xlfn.`/`_xlws.` prefixes that files store for newer functions. */
function displayFormula(formula: string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/_xlfn\.|_xlws\./g, '') : part))
    .join('"');
}

function partPath(layout: PackageLayout, kind: string): string | undefined {
  return layout.relationships.find((r) => r.kind === kind && r.path)?.path;
}

/** ISO 8601 as a `t="d"` cell holds it: a date, a time of day, an optional zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A `t="d"` cell's text as the Date whose UTC fields are its date and time. A
 * serial is a wall-clock time, so a value without a zone is read as UTC, not
 * in the zone of the machine reading it (which `new Date` would use). Text
 * that is not ISO 8601 gives undefined.
 */
function wallClockDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const date = new Date(text.includes('T') && m[1] === undefined ? `${text.trim()}Z` : text.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function valueOf(cell: RawCell, strings: Map<number, string>, date1904: boolean): CellValue {
  if (!cell.hasValue) return '';
  switch (cell.type) {
    case 's':
      return strings.get(Number(cell.value)) ?? '';
    case 'inlineStr':
      return decodeXstring(cell.value);
    case 'str':
    case 'e':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true';
    case 'd': {
      const date = wallClockDate(cell.value);
      return date === undefined ? cell.value : epochDateToExcelSerial(date, date1904);
    }
    default: {
      if (cell.value.trim() === '') return '';
      const n = Number(cell.value);
      return Number.isFinite(n) ? n : cell.value;
    }
  }
}

/** The cells of `sheet` for which `wants(row, col)` holds, in the port's conventions, before merged areas apply. */
async function scanCells(
  source: CellSource,
  sheet: PackageSheet,
  wants: (row: number, col: number) => boolean,
  options: ScanOptions,
): Promise<SheetCells> {
  if (!sheet.path || !source.zip.file(sheet.path)) {
    throw new UnsupportedWorkbookError(`The sheet '${sheet.name}' could not be read: its part is missing.`);
  }
  const scan = await scanWorksheet(source.zip, sheet.path, wants, {
    tooManyMerges: (n) =>
      `'${sheet.name}' has more than ${n.toLocaleString('en')} merged areas${options.mergesOver ? ' in the ranges read' : ''}, ` +
      'more than a read takes.',
    ...options,
  });
  const sstPath = partPath(source.layout, 'sharedStrings');
  const missing = new Set<number>();
  for (const c of scan.cells) {
    if (c.type === 's' && c.hasValue && !source.strings.has(Number(c.value))) missing.add(Number(c.value));
  }
  if (missing.size > 0 && sstPath && source.zip.file(sstPath)) {
    for (const [i, text] of await readSharedStrings(source.zip, sstPath, missing))
      source.strings.set(i, text);
  }
  // Style 0 is cellXfs[0], whose format need not be General: a kept cell's format never depends on the others kept.
  if (scan.cells.length > 0) {
    source.formats ??= readNumberFormats(source.zip, partPath(source.layout, 'styles'));
  }
  const formats = scan.cells.length > 0 ? await source.formats : [];
  const cells = new Map<number, CellReading>();
  for (const c of scan.cells) {
    cells.set(cellKey(c.row, c.col), {
      value: valueOf(c, source.strings, source.layout.date1904),
      formula: c.formula === '' ? '' : `=${displayFormula(c.formula)}`,
      format: formats?.[c.style] ?? 'General',
    });
  }
  return { cells, merges: scan.merges };
}

const overlap = (a: CellRect, b: CellRect): CellRect | undefined => {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : undefined;
};

const cellCount = (r: CellRect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/**
 * Calls `blank` for each cell of `within` that a merged area covers other
 * than its top-left (so reads as empty, keeping its own format, as in Excel),
 * a cell once per area covering it. Areas that do not overlap one another
 * cover at most the cells of `within`: more means they overlap (which Excel
 * does not allow) past what can be checked, and the sheet is refused.
 */
function blankCovered(
  sheetName: string,
  merges: CellRect[],
  within: CellRect[],
  blank: (row: number, col: number) => void,
): void {
  const parts: { merge: CellRect; part: CellRect }[] = [];
  let work = 0;
  for (const merge of merges) {
    for (const rect of within) {
      const part = overlap(merge, rect);
      if (!part) continue;
      parts.push({ merge, part });
      work += cellCount(part);
    }
  }
  if (work > within.reduce((n, r) => n + cellCount(r), 0)) {
    throw new UnsupportedWorkbookError(
      `'${sheetName}' lists merged areas that overlap one another, which Excel does not allow: the file is damaged.`,
    );
  }
  for (const { merge, part } of parts) {
    for (let row = part.top; row <= part.bottom; row++) {
      for (let col = part.left; col <= part.right; col++) {
        if (row !== merge.top || col !== merge.left) blank(row, col);
      }
    }
  }
}

/**
 * The cells of `rects` in `sheet` that the file holds, in the port's
 * conventions; a cell of a merged area other than its top-left reads as
 * empty (keeping its own format), as in Excel.
 */
export async function readSheetCells(
  source: CellSource,
  sheet: PackageSheet,
  rects: CellRect[],
): Promise<SheetCells> {
  const within = (row: number, col: number) =>
    rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const { cells, merges } = await scanCells(source, sheet, within, {
    lastRow: Math.max(...rects.map((r) => r.bottom)),
    mergesOver: rects,
  });
  blankCovered(sheet.name, merges, rects, (row, col) => {
    const cell = cells.get(cellKey(row, col));
    if (cell) cells.set(cellKey(row, col), { value: '', formula: '', format: cell.format });
  });
  return { cells, merges };
}

/** A whole sheet, as dense arrays from A1 to the bottom-right of its used range. */
export async function readWholeSheet(
  source: CellSource,
  sheet: PackageSheet,
  budget: { cells: number; area: number } = { cells: MAX_SNAPSHOT_CELLS, area: MAX_SNAPSHOT_AREA },
): Promise<SheetSnapshot> {
  const tooMany = (n: number) =>
    `The workbook holds more than ${n.toLocaleString('en')} filled cells, more than a whole-workbook ` +
    `read takes ('${sheet.name}' reached it); plumbline link and reconcile read only the linked ranges.`;
  const { cells, merges } = await scanCells(source, sheet, () => true, {
    maxCells: budget.cells,
    tooMany,
    tooManyMerges: (n) =>
      `'${sheet.name}' has more than ${n.toLocaleString('en')} merged areas, more than a whole-workbook read ` +
      'takes; plumbline link and reconcile read only the linked ranges.',
  });
  budget.cells -= cells.size;
  let rows = 0;
  let cols = 0;
  for (const [key, cell] of cells) {
    if (cell.value === '' && cell.formula === '' && cell.format === 'General') continue;
    rows = Math.max(rows, Math.floor(key / MAX_COLUMNS) + 1);
    cols = Math.max(cols, (key % MAX_COLUMNS) + 1);
  }
  // A merged area belongs to the used range even where its cells are empty (so covered cells never count).
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  budget.area -= rows * cols;
  if (budget.area < 0) {
    throw new UnsupportedWorkbookError(
      `'${sheet.name}' spans ${rows.toLocaleString('en')} rows × ${cols.toLocaleString('en')} columns, more than a ` +
        `whole-workbook read takes; plumbline link and reconcile read only the linked ranges.`,
    );
  }
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const values = grid<CellValue>('');
  const formulas = grid('');
  const numberFormats = grid('General');
  for (const [key, cell] of cells) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    if (r >= rows || c >= cols) continue;
    (values[r] as CellValue[])[c] = cell.value;
    (formulas[r] as string[])[c] = cell.formula;
    (numberFormats[r] as string[])[c] = cell.format;
  }
  if (rows > 0 && cols > 0) {
    blankCovered(sheet.name, merges, [{ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }], (r, c) => {
      (values[r] as CellValue[])[c] = '';
      (formulas[r] as string[])[c] = '';
    });
  }
  return { name: sheet.name, visibility: sheet.visibility, values, formulas, numberFormats };
}

/** Reads a workbook from an already opened package, every worksheet whole. */
export async function readWorkbookFromPackage(zip: JSZip, layout: PackageLayout): Promise<WorkbookSnapshot> {
  const source = cellSource(zip, layout);
  const budget = { cells: MAX_SNAPSHOT_CELLS, area: MAX_SNAPSHOT_AREA };
  const sheets: SheetSnapshot[] = [];
  // Chart sheets, dialog sheets and macro sheets hold no cells.
  for (const sheet of layout.sheets) {
    if (sheet.kind === 'worksheet') sheets.push(await readWholeSheet(source, sheet, budget));
  }
  return { sheets, names: workbookNames(layout, sheets) };
}

/**
 * Workbook-level names that refer to one cell range on a worksheet of this
 * workbook. Sheet-scoped names, Excel's built-ins (`_xlnm.Print_Area`…),
 * constants, formulas, several areas, whole rows or columns and references to
 * other workbooks are left out: none of them can be a link.
 */
export function workbookNames(layout: PackageLayout, sheets: { name: string }[]): DefinedName[] {
  const sheetByUpper = new Map(sheets.map((s) => [s.name.toUpperCase(), s.name]));
  const names: DefinedName[] = [];
  for (const n of layout.names) {
    if (n.localSheetId !== undefined || n.name.startsWith('_xlnm.')) continue;
    const ref = parseSheetReference(n.formula);
    const sheet = ref && sheetByUpper.get(ref.sheet.toUpperCase());
    if (!ref || !sheet || !parseA1(ref.address)) continue;
    names.push({ name: n.name, sheet, address: ref.address });
  }
  return names;
}

/** Opens the zip, saying in words when it is not one (truncated, damaged, another format). */
export async function openPackage(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnsupportedWorkbookError(
      `This file is not a readable .xlsx (a zip package): ${error instanceof Error ? error.message : String(error)}. ` +
        'It may be truncated or damaged.',
    );
  }
}

/** Reads a saved .xlsx workbook into a {@link WorkbookSnapshot}. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const zip = await openPackage(bytes);
  return readWorkbookFromPackage(zip, await readPackageLayout(zip));
}
