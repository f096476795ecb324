/**
 * Reads a saved workbook into the port's conventions, exactly as Excel's
 * `Range.values` / `formulas` / `numberFormat` would give them, using exceljs
 * for the cells and Plumbline's own reading of workbook.xml for the sheets'
 * states and the defined names.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseA1 } from '../../core/a1';
import { epochDateToExcelSerial } from '../../core/excel-date';
import { parseSheetReference } from '../../core/sheet-reference';
import type { CellValue, DefinedName } from '../host';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook-snapshot';
import {
  findEntry,
  readPackageLayout,
  relsPathOf,
  UnsupportedWorkbookError,
  type PackageLayout,
} from './package';
import { escapeXmlAttr } from './xml-text';

/** Excel shows formulas without the `_xlfn.`/`_xlws.` prefixes that files store for newer functions. */
function displayFormula(formula: string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/_xlfn\.|_xlws\./g, '') : part))
    .join('"');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

// Text needs no unescaping here: exceljs already turns the `_xHHHH_` escapes
// of stored text (shared strings, inline strings, rich-text runs) into characters.
function richTextOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return undefined;
}

/** A plain value (not a formula) in the port's convention. */
function plainValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  // exceljs turns a date-formatted number into a Date on its own epoch; this gives back the stored serial.
  if (value instanceof Date) return epochDateToExcelSerial(value, date1904);
  if (isRecord(value)) {
    if (typeof value.error === 'string') return value.error;
    const rich = richTextOf(value);
    if (rich !== undefined) return rich;
    if ('hyperlink' in value) return richTextOf(value.text) ?? '';
  }
  return '';
}

interface CellReading {
  value: CellValue;
  formula: string;
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): CellReading {
  // exceljs repeats a merged area's value into every cell of the area; Excel
  // keeps it in the top-left cell only, and a cell of a merged area other than
  // the top-left one reads as empty.
  if (cell.type === ExcelJS.ValueType.Merge) return { value: '', formula: '' };
  const value: unknown = cell.value;
  if (isRecord(value) && ('formula' in value || 'sharedFormula' in value)) {
    const formula = cell.formula;
    return {
      value: plainValue(value.result, date1904),
      formula: typeof formula === 'string' && formula !== '' ? `=${displayFormula(formula)}` : '',
    };
  }
  return { value: plainValue(value, date1904), formula: '' };
}

function sheetSnapshot(
  ws: ExcelJS.Worksheet,
  name: string,
  layoutSheet: PackageLayout['sheets'][number],
  date1904: boolean,
): SheetSnapshot {
  const found: { row: number; col: number; value: CellValue; formula: string; format: string }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const { value, formula } = readCell(cell, date1904);
      const format = cell.numFmt || 'General';
      if (value === '' && formula === '' && format === 'General') return;
      found.push({ row: rowNumber - 1, col: colNumber - 1, value, formula, format });
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
    });
  });
  // A merged area belongs to the used range even where its cells are empty.
  for (const merge of ws.model.merges ?? []) {
    const range = parseA1(merge);
    if (!range) continue;
    rows = Math.max(rows, range.bottom + 1);
    cols = Math.max(cols, range.right + 1);
  }
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const values = grid<CellValue>('');
  const formulas = grid('');
  const numberFormats = grid('General');
  for (const cell of found) {
    (values[cell.row] as CellValue[])[cell.col] = cell.value;
    (formulas[cell.row] as string[])[cell.col] = cell.formula;
    (numberFormats[cell.row] as string[])[cell.col] = cell.format;
  }
  return { name, visibility: layoutSheet.visibility, values, formulas, numberFormats };
}

const EXCELJS_WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs finds parts by fixed names (`xl/workbook.xml`, `xl/styles.xml`,
 * `xl/sharedStrings.xml`, `xl/worksheets/sheet<n>.xml`, case-sensitively) and
 * silently drops what it does not find. Real files name parts otherwise
 * (`xl/worksheets/Sheet1.xml`), so for exceljs only, a copy of the package
 * gets the names it expects. The user's file is never written from this copy.
 */
async function packageForExceljs(zip: JSZip, layout: PackageLayout, bytes: Uint8Array): Promise<ArrayBuffer> {
  if (layout.workbookPath !== 'xl/workbook.xml') {
    throw new UnsupportedWorkbookError(
      `The workbook part is at ${layout.workbookPath}; only xl/workbook.xml is supported.`,
    );
  }
  const exceljsPath = (target: string) => `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
  const worksheetRels = layout.relationships.filter((r) => r.kind === 'worksheet' && r.path);
  const numbers = worksheetRels.map((r) => EXCELJS_WORKSHEET.exec(r.path ?? '')?.[1]);
  const fine =
    layout.workbookRelsPath === 'xl/_rels/workbook.xml.rels' &&
    worksheetRels.every((r, i) => numbers[i] !== undefined && exceljsPath(r.target) === r.path) &&
    new Set(numbers).size === numbers.length &&
    layout.relationships.every(
      (r) =>
        (r.kind !== 'styles' || r.path === 'xl/styles.xml') &&
        (r.kind !== 'sharedStrings' || r.path === 'xl/sharedStrings.xml'),
    );
  if (fine) return bytes.slice().buffer;

  const renamed = new Map<string, string>();
  worksheetRels.forEach((r, i) => renamed.set(r.path ?? '', `xl/worksheets/sheet${i + 1}.xml`));
  for (const r of layout.relationships) {
    if (r.kind === 'styles' && r.path) renamed.set(r.path, 'xl/styles.xml');
    if (r.kind === 'sharedStrings' && r.path) renamed.set(r.path, 'xl/sharedStrings.xml');
  }
  const copy = new JSZip();
  const skip = new Set([...renamed.keys(), ...renamed.values(), layout.workbookRelsPath]);
  for (const [from] of renamed) skip.add(relsPathOf(from));
  for (const entry of layout.entries) {
    if (
      skip.has(entry) ||
      EXCELJS_WORKSHEET.test(entry) ||
      /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(entry)
    ) {
      continue;
    }
    copy.file(entry, await (zip.file(entry) as JSZip.JSZipObject).async('uint8array'));
  }
  for (const [from, to] of renamed) {
    const part = zip.file(from);
    if (!part) continue;
    copy.file(to, await part.async('uint8array'));
    const relsEntry = findEntry(layout.entries, relsPathOf(from));
    const rels = relsEntry ? zip.file(relsEntry) : null;
    if (rels) copy.file(relsPathOf(to), await rels.async('uint8array'));
  }
  const relsXml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    ...layout.relationships.map((r) => {
      const to = r.path ? renamed.get(r.path) : undefined;
      const target = to ? to.slice('xl/'.length) : r.target;
      const mode = r.external ? ' TargetMode="External"' : '';
      return `<Relationship Id="${escapeXmlAttr(r.id)}" Type="${escapeXmlAttr(r.type)}" Target="${escapeXmlAttr(target)}"${mode}/>`;
    }),
    '</Relationships>',
  ].join('');
  copy.file('xl/_rels/workbook.xml.rels', relsXml);
  return copy.generateAsync({ type: 'arraybuffer', compression: 'STORE' });
}

/** Reads a workbook from an already opened package (the xlsx host reuses its zip). */
export async function readWorkbookFromPackage(
  zip: JSZip,
  layout: PackageLayout,
  bytes: Uint8Array,
): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await packageForExceljs(zip, layout, bytes));
  const byName = new Map(workbook.worksheets.map((ws) => [ws.name, ws]));
  const sheets: SheetSnapshot[] = [];
  for (const sheet of layout.sheets) {
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (sheet.kind !== 'worksheet') continue;
    const ws = byName.get(sheet.name);
    if (!ws) throw new UnsupportedWorkbookError(`The sheet '${sheet.name}' could not be read.`);
    sheets.push(sheetSnapshot(ws, sheet.name, sheet, layout.date1904));
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
    if (!ref || !sheet) continue;
    names.push({ name: n.name, sheet, address: ref.address });
  }
  return names;
}

/** Reads a saved .xlsx workbook into a {@link WorkbookSnapshot}. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(bytes);
  return readWorkbookFromPackage(zip, await readPackageLayout(zip), bytes);
}
