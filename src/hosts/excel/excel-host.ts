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
 * (`flag-rule.ts`); the workbook id is the defined name the saved-workbook host
 * uses (`../workbook-id.ts`), so a file keeps its id across hosts.
 */
import { columnLetters, parseA1, rectA1, rectSize, type CellRect } from '../../core/a1';
import { isValidDefinedName, parseSheetReference, sheetReference } from '../../core/sheet-reference';
import {
  METADATA_SHEET,
  type Block,
  type BlockWrite,
  type CellValue,
  type DefinedName,
  type FlagFormat,
  type RangeRef,
  type SheetContent,
  type SheetInfo,
  type SheetVisibility,
  type SpreadsheetHost,
} from '../host';
import { isWorkbookIdName, newWorkbookId, workbookIdFromNames, workbookIdName } from '../workbook-id';
import { charactersToPoints, portFormula, protectRows } from './cell-conventions';
import type {
  ExcelConditionalFormat,
  ExcelRange,
  ExcelRequestContext,
  ExcelRun,
  ExcelSheetVisibility,
  ExcelWorksheet,
} from './excel-types';
import { flagRuleFormula, parseFlagRule } from './flag-rule';
import { ExcelHostError, hasOfficeCode } from './host-error';
import {
  FLAG_OVERHEAD,
  jsonBytes,
  OPERATION_OVERHEAD,
  packBatches,
  READ_CELL_BUDGET,
  REQUEST_BUDGET,
  rowRuns,
} from './payload';

type Ctx = ExcelRequestContext;
type RangeProperty = 'values' | 'formulas' | 'numberFormat';

const VISIBILITY: Record<ExcelSheetVisibility, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

interface Grid {
  values: CellValue[][];
  formulas: unknown[][];
  numberFormat: string[][];
}

interface Piece {
  sheet: string;
  rect: CellRect;
}

function rectOf(ref: RangeRef): CellRect {
  const rect = parseA1(ref.address);
  if (!rect)
    throw new ExcelHostError('InvalidArgument', `'${ref.address}' is not an A1 range such as B7 or C5:N9`);
  return rect;
}

function unique(items: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  return [...seen.values()];
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

function missingSheets(known: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(known.map((n) => n.toLowerCase()));
  return unique(wanted).filter((n) => !have.has(n.toLowerCase()));
}

function noSuchSheet(missing: readonly string[], cause?: unknown): ExcelHostError {
  const what =
    missing.length === 1 ? `no sheet named ${quoted(missing)}` : `no sheets named ${quoted(missing)}`;
  return new ExcelHostError('ItemNotFound', `The workbook has ${what}`, { cause });
}

/** Runs `body`; an `ItemNotFound` from Excel is turned into an error that names the missing sheets. */
async function naming<T>(ctx: Ctx, sheets: readonly string[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (!hasOfficeCode(e, 'ItemNotFound')) throw e;
    const all = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const missing = missingSheets(
      all.items.map((s) => s.name),
      sheets,
    );
    throw missing.length > 0 ? noSuchSheet(missing, e) : e;
  }
}

/** One worksheet proxy per sheet name within a batch, so a request names each sheet once. */
function sheetCache(ctx: Ctx): (name: string) => ExcelWorksheet {
  const cache = new Map<string, ExcelWorksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}

function splitRows(piece: Piece): [Piece, Piece] {
  const middle = piece.rect.top + Math.floor((piece.rect.bottom - piece.rect.top + 1) / 2);
  return [
    { sheet: piece.sheet, rect: { ...piece.rect, bottom: middle - 1 } },
    { sheet: piece.sheet, rect: { ...piece.rect, top: middle } },
  ];
}

function concatGrids(a: Grid, b: Grid): Grid {
  return {
    values: [...a.values, ...b.values],
    formulas: [...a.formulas, ...b.formulas],
    numberFormat: [...a.numberFormat, ...b.numberFormat],
  };
}

/** Loads pieces in one sync; halves the batch while Excel says the response is too large. */
async function loadPieces(ctx: Ctx, pieces: Piece[], props: RangeProperty[]): Promise<Grid[]> {
  const sheet = sheetCache(ctx);
  const ranges = pieces.map((p) => sheet(p.sheet).getRange(rectA1(p.rect)).load(props));
  try {
    await ctx.sync();
  } catch (e) {
    if (!hasOfficeCode(e, 'ResponsePayloadSizeLimitExceeded')) throw e;
    if (pieces.length > 1) {
      const half = Math.ceil(pieces.length / 2);
      return [
        ...(await loadPieces(ctx, pieces.slice(0, half), props)),
        ...(await loadPieces(ctx, pieces.slice(half), props)),
      ];
    }
    const [piece] = pieces as [Piece];
    if (piece.rect.top === piece.rect.bottom) throw e;
    const [top, bottom] = splitRows(piece);
    const [a] = (await loadPieces(ctx, [top], props)) as [Grid];
    const [b] = (await loadPieces(ctx, [bottom], props)) as [Grid];
    return [concatGrids(a, b)];
  }
  const read = (r: ExcelRange, prop: RangeProperty): unknown[][] => (props.includes(prop) ? r[prop] : []);
  return ranges.map((r) => ({
    values: read(r, 'values') as CellValue[][],
    formulas: read(r, 'formulas'),
    numberFormat: read(r, 'numberFormat') as string[][],
  }));
}

/**
 * Reads rectangles, packed into syncs by cell count (a big rectangle is split
 * by rows), and puts each rectangle's rows back together.
 */
async function readGrids(ctx: Ctx, reads: readonly Piece[], props: RangeProperty[]): Promise<Grid[]> {
  const cellBudget = Math.floor((READ_CELL_BUDGET * 3) / props.length);
  const pieces: { bytes: number; item: { read: number; piece: Piece } }[] = [];
  reads.forEach((read, index) => {
    const { rows, columns } = rectSize(read.rect);
    const rowsPerPiece = Math.max(1, Math.floor(cellBudget / columns));
    for (let top = 0; top < rows; top += rowsPerPiece) {
      const bottom = Math.min(rows, top + rowsPerPiece) - 1;
      const rect = { ...read.rect, top: read.rect.top + top, bottom: read.rect.top + bottom };
      pieces.push({
        bytes: (bottom - top + 1) * columns,
        item: { read: index, piece: { sheet: read.sheet, rect } },
      });
    }
  });
  const grids: (Grid | undefined)[] = reads.map(() => undefined);
  for (const batch of packBatches(pieces, cellBudget)) {
    const loaded = await loadPieces(
      ctx,
      batch.map((b) => b.piece),
      props,
    );
    batch.forEach((b, i) => {
      const grid = loaded[i]!;
      const sofar = grids[b.read];
      grids[b.read] = sofar ? concatGrids(sofar, grid) : grid;
    });
  }
  return grids.map((g) => g ?? { values: [], formulas: [], numberFormat: [] });
}

/** One range write: a block of rows of values (already protected) and, optionally, their formats. */
interface CellsOp {
  kind: 'cells';
  sheet: string;
  rect: CellRect;
  values: CellValue[][];
  numberFormats?: string[][];
}

/** A format applied to a whole range: fills, bold, indents, column widths. */
interface FormatOp {
  kind: 'format';
  sheet: string;
  address: string;
  apply: (range: ExcelRange) => void;
}

type Op = CellsOp | FormatOp;

/** Splits a block into row runs that each fit in a request, sized as the JSON the library will send. */
function cellOps(
  sheet: string,
  rect: CellRect,
  values: CellValue[][],
  numberFormats?: string[][],
): { bytes: number; item: Op }[] {
  const rowBytes = values.map(
    (row, r) => jsonBytes(row) + (numberFormats ? jsonBytes(numberFormats[r]) : 0) + 2,
  );
  return rowRuns(rowBytes, REQUEST_BUDGET - OPERATION_OVERHEAD).map(({ start, end }) => ({
    bytes: OPERATION_OVERHEAD + rowBytes.slice(start, end).reduce((a, b) => a + b, 0),
    item: {
      kind: 'cells',
      sheet,
      rect: { ...rect, top: rect.top + start, bottom: rect.top + end - 1 },
      values: values.slice(start, end),
      ...(numberFormats ? { numberFormats: numberFormats.slice(start, end) } : {}),
    },
  }));
}

function queueOps(ws: (name: string) => ExcelWorksheet, ops: readonly Op[]): void {
  for (const op of ops) {
    if (op.kind === 'cells') {
      const range = ws(op.sheet).getRange(rectA1(op.rect));
      // Formats first: a cell formatted as text (`@`) before the value keeps it as text.
      if (op.numberFormats) range.numberFormat = op.numberFormats;
      range.values = op.values;
    } else {
      op.apply(ws(op.sheet).getRange(op.address));
    }
  }
}

function checkShape(
  what: string,
  grid: readonly (readonly unknown[])[],
  rows: number,
  columns: number,
): void {
  if (grid.length !== rows || grid.some((row) => row.length !== columns)) {
    throw new ExcelHostError('InvalidArgument', `${what} must be ${rows} × ${columns} to fit the range`);
  }
}

function isColor(value: string): boolean {
  return /^#[0-9A-Fa-f]{6}$/.test(value);
}

/** Runs of equal, non-default values along each row: `[row, first, last, value]`. */
function runsOf<T>(
  grid: readonly (readonly T[])[] | undefined,
  isSet: (v: T) => boolean,
): [number, number, number, T][] {
  const runs: [number, number, number, T][] = [];
  grid?.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const v = row[c] as T;
      let end = c;
      while (end + 1 < row.length && row[end + 1] === v) end++;
      if (isSet(v)) runs.push([r, c, end, v]);
      c = end + 1;
    }
  });
  return runs;
}

function cellRange(r: number, first: number, last: number): string {
  return rectA1({ top: r, left: first, bottom: r, right: last });
}

/** Replaces a sheet's content: values and number formats in blocks, then formats as ranges. */
function sheetContentOps(name: string, content: SheetContent): { bytes: number; item: Op }[] {
  const width = Math.max(0, ...content.values.map((row) => row.length));
  const pad = <T>(grid: readonly (readonly T[])[] | undefined, fill: T): T[][] | undefined =>
    grid && content.values.map((_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? fill));
  const ops: { bytes: number; item: Op }[] = [];
  const rows = content.values.length;
  if (rows > 0 && width > 0) {
    const values = protectRows(pad(content.values, '') ?? []);
    const formats = pad(content.numberFormats, 'General');
    ops.push(...cellOps(name, { top: 0, left: 0, bottom: rows - 1, right: width - 1 }, values, formats));
  }
  const format = (address: string, apply: (range: ExcelRange) => void): { bytes: number; item: Op } => ({
    bytes: OPERATION_OVERHEAD,
    item: { kind: 'format', sheet: name, address, apply },
  });
  for (const [r, first, last, color] of runsOf(content.fills, (v) => v !== '')) {
    if (!isColor(color))
      throw new ExcelHostError('InvalidArgument', `'${color}' is not a color such as #FFC7CE`);
    ops.push(format(cellRange(r, first, last), (range) => (range.format.fill.color = color)));
  }
  for (const [r, first, last] of runsOf(content.bold, (v) => v === true)) {
    ops.push(format(cellRange(r, first, last), (range) => (range.format.font.bold = true)));
  }
  for (const [r, first, last, level] of runsOf(content.indents, (v) => v > 0)) {
    ops.push(format(cellRange(r, first, last), (range) => (range.format.indentLevel = level)));
  }
  content.columnWidths?.forEach((width, c) => {
    const column = columnLetters(c);
    ops.push(
      format(`${column}:${column}`, (range) => (range.format.columnWidth = charactersToPoints(width))),
    );
  });
  return ops;
}

interface FoundFlag {
  sheet: string;
  id: string;
  formula: string;
  fill: string;
  fontColor: string | null;
  format: ExcelConditionalFormat;
}

/** Plumbline's flags on every sheet, in two syncs: the sheets, then their conditional formats. */
async function findFlags(ctx: Ctx): Promise<{ sheets: string[]; flags: FoundFlag[] }> {
  const worksheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const perSheet = worksheets.items.map((ws) => ({
    sheet: ws.name,
    formats: ws
      .getRange()
      .conditionalFormats.load([
        'items/id',
        'items/type',
        'items/customOrNullObject/rule/formula',
        'items/customOrNullObject/format/fill/color',
        'items/customOrNullObject/format/font/color',
      ]),
  }));
  await ctx.sync();
  const flags: FoundFlag[] = [];
  for (const { sheet, formats } of perSheet) {
    for (const format of formats.items) {
      if (format.type !== 'Custom') continue;
      const custom = format.customOrNullObject;
      const rule = parseFlagRule(custom.rule.formula);
      if (!rule) continue;
      flags.push({
        sheet,
        ...rule,
        fill: custom.format.fill.color,
        fontColor: custom.format.font.color || null,
        format,
      });
    }
  }
  return { sheets: worksheets.items.map((ws) => ws.name), flags };
}

/** Runs batches of operations, one sync each. */
async function runBatches(
  ctx: Ctx,
  batches: readonly Op[][],
  ws: (name: string) => ExcelWorksheet,
): Promise<void> {
  for (const batch of batches) {
    queueOps(ws, batch);
    await ctx.sync();
  }
}

class ExcelHost implements SpreadsheetHost {
  constructor(private readonly run: ExcelRun) {}

  workbookInfo(): Promise<{ id: string; name: string }> {
    return this.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name');
      const workbook = ctx.workbook.load('name');
      const metadata = ctx.workbook.worksheets.getItemOrNullObject(METADATA_SHEET).load('name');
      await ctx.sync();
      const existing = workbookIdFromNames(names.items);
      if (existing) return { id: existing, name: workbook.name };
      const id = newWorkbookId();
      if (metadata.isNullObject) {
        ctx.workbook.worksheets.add(METADATA_SHEET).visibility = 'VeryHidden';
      }
      const ref = workbookIdName(id);
      ctx.workbook.names.add(ref.name, `=${sheetReference(ref.sheet, ref.address)}`);
      await ctx.sync();
      return { id, name: workbook.name };
    });
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] }));
    });
  }

  async readBlocks(refs: RangeRef[]): Promise<Block[]> {
    if (refs.length === 0) return [];
    const reads = refs.map((ref) => ({ sheet: ref.sheet, rect: rectOf(ref) }));
    return this.run((ctx) =>
      naming(
        ctx,
        refs.map((r) => r.sheet),
        async () => {
          const grids = await readGrids(ctx, reads, ['values', 'formulas', 'numberFormat']);
          return refs.map((ref, i) => {
            const grid = grids[i]!;
            return {
              sheet: ref.sheet,
              address: ref.address,
              values: grid.values,
              formulas: grid.formulas.map((row, r) => row.map((f, c) => portFormula(f, grid.values[r]?.[c]))),
              numberFormats: grid.numberFormat,
            };
          });
        },
      ),
    );
  }

  async writeBlocks(writes: BlockWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const ops = writes.flatMap((w) => {
      const rect = rectOf(w);
      const { rows, columns } = rectSize(rect);
      checkShape(`The values for ${w.sheet}!${w.address}`, w.values, rows, columns);
      if (w.numberFormats)
        checkShape(`The number formats for ${w.sheet}!${w.address}`, w.numberFormats, rows, columns);
      return cellOps(w.sheet, rect, protectRows(w.values), w.numberFormats);
    });
    const sheets = unique(writes.map((w) => w.sheet));
    await this.run((ctx) =>
      naming(ctx, sheets, async () => {
        const ws = sheetCache(ctx);
        // Ask for every sheet first, so a missing one fails the request before anything is written.
        for (const sheet of sheets) ws(sheet).load('name');
        await runBatches(ctx, packBatches(ops, REQUEST_BUDGET), ws);
      }),
    );
  }

  listNames(): Promise<DefinedName[]> {
    return this.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/type,items/formula');
      await ctx.sync();
      return names.items.flatMap((n) => {
        if (n.type !== 'Range' || isWorkbookIdName(n.name)) return [];
        const ref = parseSheetReference(n.formula);
        return ref ? [{ name: n.name, sheet: ref.sheet, address: ref.address }] : [];
      });
    });
  }

  async setNames(names: DefinedName[]): Promise<void> {
    const last = new Map<string, DefinedName>();
    for (const n of names) {
      if (!isValidDefinedName(n.name))
        throw new ExcelHostError('InvalidArgument', `'${n.name}' is not a valid defined name`);
      if (isWorkbookIdName(n.name)) {
        throw new ExcelHostError(
          'InvalidArgument',
          `'${n.name}' is reserved for the workbook's Plumbline id`,
        );
      }
      rectOf(n);
      last.delete(n.name.toLowerCase());
      last.set(n.name.toLowerCase(), n);
    }
    if (last.size === 0) return;
    await this.run(async (ctx) => {
      const existing = ctx.workbook.names.load('items/name');
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      const missing = missingSheets(
        sheets.items.map((s) => s.name),
        [...last.values()].map((n) => n.sheet),
      );
      if (missing.length > 0) throw noSuchSheet(missing);
      const present = new Map(existing.items.map((n) => [n.name.toLowerCase(), n.name]));
      const changes = [...last.values()].map((n) => ({ bytes: OPERATION_OVERHEAD, item: n }));
      for (const batch of packBatches(changes, REQUEST_BUDGET)) {
        for (const n of batch) {
          const old = present.get(n.name.toLowerCase());
          if (old) ctx.workbook.names.getItem(old).delete();
          ctx.workbook.names.add(n.name, `=${sheetReference(n.sheet, rectA1(rectOf(n)))}`);
        }
        await ctx.sync();
      }
    });
  }

  async deleteNames(names: string[]): Promise<void> {
    const wanted = new Set(names.filter((n) => !isWorkbookIdName(n)).map((n) => n.toLowerCase()));
    if (wanted.size === 0) return;
    await this.run(async (ctx) => {
      const existing = ctx.workbook.names.load('items/name');
      await ctx.sync();
      const doomed = existing.items.filter((n) => wanted.has(n.name.toLowerCase()));
      if (doomed.length === 0) return;
      for (const n of doomed) ctx.workbook.names.getItem(n.name).delete();
      await ctx.sync();
    });
  }

  readMetadataRows(): Promise<string[][]> {
    return this.run(async (ctx) => {
      let grid: { values: CellValue[][]; top: number; left: number };
      const usedRange = () => ctx.workbook.worksheets.getItem(METADATA_SHEET).getUsedRangeOrNullObject(true);
      try {
        const used = usedRange().load('values,rowIndex,columnIndex');
        await ctx.sync();
        if (used.isNullObject) return [];
        grid = { values: used.values, top: used.rowIndex, left: used.columnIndex };
      } catch (e) {
        if (hasOfficeCode(e, 'ItemNotFound')) return [];
        if (!hasOfficeCode(e, 'ResponsePayloadSizeLimitExceeded')) throw e;
        // Too much for one response: learn the size, then read it in pieces (a new proxy: the failed request's is spent).
        const used = usedRange().load('rowIndex,columnIndex,rowCount,columnCount');
        await ctx.sync();
        const rect = {
          top: used.rowIndex,
          left: used.columnIndex,
          bottom: used.rowIndex + used.rowCount - 1,
          right: used.columnIndex + used.columnCount - 1,
        };
        const [read] = await readGrids(ctx, [{ sheet: METADATA_SHEET, rect }], ['values']);
        grid = { values: read!.values, top: rect.top, left: rect.left };
      }
      const rows: string[][] = Array.from({ length: grid.top }, () => []);
      for (const row of grid.values) {
        const cells = [...Array<string>(grid.left).fill(''), ...row.map((v) => (v === '' ? '' : String(v)))];
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        rows.push(cells);
      }
      while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
      return rows;
    });
  }

  async writeMetadataRows(rows: string[][]): Promise<void> {
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') {
          throw new ExcelHostError('InvalidArgument', `metadata cell ${r + 1}:${c + 1} is not a string`);
        }
      }),
    );
    const width = Math.max(0, ...rows.map((row) => row.length));
    const values = protectRows(rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]));
    const ops =
      width > 0
        ? cellOps(METADATA_SHEET, { top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }, values)
        : [];
    await this.replaceContent(METADATA_SHEET, ops, 'VeryHidden', false);
  }

  async listFlagFormats(): Promise<FlagFormat[]> {
    return this.run(async (ctx) => {
      const { flags } = await findFlags(ctx);
      const ranges = flags.map((f) => f.format.getRange().load('address'));
      if (flags.length > 0) await ctx.sync();
      return flags.flatMap((f, i) => {
        const ref = parseSheetReference(ranges[i]!.address);
        if (!ref) return [];
        return [
          {
            id: f.id,
            sheet: f.sheet,
            address: ref.address,
            formula: f.formula,
            fill: f.fill,
            ...(f.fontColor ? { fontColor: f.fontColor } : {}),
          },
        ];
      });
    });
  }

  async setFlagFormats(flags: FlagFormat[]): Promise<void> {
    const byId = new Map<string, FlagFormat>();
    for (const f of flags) {
      rectOf(f);
      if (!isColor(f.fill) || (f.fontColor !== undefined && !isColor(f.fontColor))) {
        throw new ExcelHostError('InvalidArgument', `The colors of flag '${f.id}' must be like #FFC7CE`);
      }
      if (f.formula.trim() === '')
        throw new ExcelHostError('InvalidArgument', `Flag '${f.id}' has no formula`);
      byId.delete(f.id);
      byId.set(f.id, f);
    }
    if (byId.size === 0) return;
    await this.run(async (ctx) => {
      const { sheets, flags: existing } = await findFlags(ctx);
      const missing = missingSheets(
        sheets,
        [...byId.values()].map((f) => f.sheet),
      );
      if (missing.length > 0) throw noSuchSheet(missing);
      const ws = sheetCache(ctx);
      const ops = [
        ...existing
          .filter((f) => byId.has(f.id))
          .map((f) => ({ bytes: OPERATION_OVERHEAD, item: () => f.format.delete() })),
        ...[...byId.values()].map((f) => ({
          bytes: FLAG_OVERHEAD + jsonBytes(flagRuleFormula(f.id, f.formula)) + jsonBytes(f.address),
          item: () => {
            const format = ws(f.sheet).getRange(f.address).conditionalFormats.add('Custom');
            format.custom.rule.formula = flagRuleFormula(f.id, f.formula);
            format.custom.format.fill.color = f.fill;
            if (f.fontColor) format.custom.format.font.color = f.fontColor;
          },
        })),
      ];
      for (const batch of packBatches(ops, REQUEST_BUDGET)) {
        batch.forEach((queue) => queue());
        await ctx.sync();
      }
    });
  }

  async removeFlagFormats(ids: string[]): Promise<void> {
    const wanted = new Set(ids);
    if (wanted.size === 0) return;
    await this.run(async (ctx) => {
      const doomed = (await findFlags(ctx)).flags.filter((f) => wanted.has(f.id));
      if (doomed.length === 0) return;
      for (const f of doomed) f.format.delete();
      await ctx.sync();
    });
  }

  async replaceSheet(name: string, content: SheetContent): Promise<void> {
    await this.replaceContent(name, sheetContentOps(name, content), 'Visible', true);
  }

  /**
   * Clears a sheet (creating it when missing, with `visibility`) and writes
   * `ops` into it. The first batch goes to the sheet by name; if Excel answers
   * that it does not exist, nothing was done and the batch is sent again to a
   * new sheet.
   */
  private replaceContent(
    name: string,
    ops: { bytes: number; item: Op }[],
    visibility: ExcelSheetVisibility,
    show: boolean,
  ): Promise<void> {
    const batches = packBatches(ops, REQUEST_BUDGET);
    if (batches.length === 0) batches.push([]);
    return this.run(async (ctx) => {
      let sent = 0;
      const send = async (sheet: ExcelWorksheet, created: boolean) => {
        const ws = () => sheet;
        if (created || show) sheet.visibility = visibility;
        sheet.getRange().clear();
        for (let i = 0; i < batches.length; i++) {
          queueOps(ws, batches[i]!);
          if (show && i === batches.length - 1) sheet.activate();
          await ctx.sync();
          sent++;
        }
      };
      try {
        await send(ctx.workbook.worksheets.getItem(name), false);
      } catch (e) {
        if (sent > 0 || !hasOfficeCode(e, 'ItemNotFound')) throw e;
        await send(ctx.workbook.worksheets.add(name), true);
      }
    });
  }
}

/** The port over Office.js: pass `Excel.run` (or the simulator's, in tests). */
export function createExcelHost(run: ExcelRun): SpreadsheetHost {
  return new ExcelHost(run);
}
