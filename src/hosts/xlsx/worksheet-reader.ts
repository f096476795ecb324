/**
 * One worksheet part read as a stream, keeping only the cells asked for: a
 * link's block in a sheet of a million rows costs the time to pass over the
 * rows, not the memory to hold them. Shared formulas are resolved for the
 * cells kept (their master may lie outside what is kept), and the merged
 * areas are collected, since a cell inside one other than its top-left reads
 * as empty.
 */
import type JSZip from 'jszip';
import { parseA1, parseCellA1, type CellRect } from '../../core/a1';
import { slideFormula } from './shared-formula';
import { UnsupportedWorkbookError } from './workbook-errors';
import { parsePart, SKIP_REST } from './xml-stream';

/**
 * In raw text (any prefix), for the part of a sheet past the rows read: a
 * `<row r>` (group 1), a `<c r>` (group 2) or a `<mergeCell ref>` (group 3).
 */
const TAIL_TAG =
  /<(?:[\w.-]+:)?(?:row\s[^>]*?\br\s*=\s*["']([^"']*)|c\s[^>]*?\br\s*=\s*["']([^"']*)|mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*))["']/g;

/**
 * The 0-based rows a merged area's `ref` spans, from its runs of digits (a
 * cell range has one or two, its rows) without parsing it: most merged areas
 * of a big sheet are far from the ranges read, and this is several times
 * cheaper. Undefined when it has no digits.
 */
function refRows(ref: string): [number, number] | undefined {
  let first = -1;
  let last = -1;
  let run = -1;
  for (let i = 0; i <= ref.length; i++) {
    const code = i < ref.length ? ref.charCodeAt(i) : 0;
    if (code >= 48 && code <= 57) run = (run < 0 ? 0 : run) * 10 + code - 48;
    else if (run >= 0) {
      if (first < 0) first = run;
      last = run;
      run = -1;
    }
  }
  return first < 0 ? undefined : [Math.min(first, last) - 1, Math.max(first, last) - 1];
}

/**
 * Where raw text cannot be searched as markup: inside a comment, CDATA or a
 * processing instruction a `<mergeCell` is only text. Their ends count too,
 * as the text searched may start inside one.
 */
const NOT_MARKUP = /<!--|-->|<!\[CDATA\[|\]\]>|<\?|\?>/;

/** Merged areas one read keeps: far more than any real sheet has, few enough to hold and check quickly. */
export const MAX_MERGES = 100_000;

/** The 0-based row of a `<row r>`, or of the row after `previous` when `r` is missing or not a row number. */
function rowOf(r: string | undefined, previous: number): number {
  const n = r === undefined ? NaN : Number(r);
  return Number.isInteger(n) && n >= 1 ? n - 1 : previous + 1;
}

export interface RawCell {
  row: number;
  col: number;
  /** The cell's `t`: `n` (the default), `s`, `str`, `inlineStr`, `b`, `e` or `d`. */
  type: string;
  /** The `<v>` text, or an inline string's text. */
  value: string;
  hasValue: boolean;
  /** Index into the styles' `cellXfs`. */
  style: number;
  /** As stored, without `=`; shared formulas resolved; '' when none. */
  formula: string;
}

export interface WorksheetScan {
  cells: RawCell[];
  merges: CellRect[];
}

type Capture = 'v' | 'f' | 't' | undefined;

export interface ScanOptions {
  /**
   * The last row (0-based) holding a wanted cell. Rows normally come in
   * order, so parsing stops after it; should a row or cell at or above it
   * come later after all, the part is read again without stopping.
   */
  lastRow?: number;
  /** More cells kept than this is refused, with `tooMany`'s message. */
  maxCells?: number;
  tooMany?: (n: number) => string;
  /** Only the merged areas over one of these are kept (those that can cover a wanted cell); all when absent. */
  mergesOver?: CellRect[];
  /** More merged areas kept than {@link MAX_MERGES} is refused with this message. */
  tooManyMerges?: (n: number) => string;
}

/**
 * Reads the cells of the worksheet part at `path` for which `wants(row, col)`
 * holds (0-based), and its merged areas (those over `mergesOver`). Past
 * `lastRow`, or past the cells (`</sheetData>`), the rest of the part is only
 * searched for merged areas and for rows out of order, which costs a fraction
 * of parsing it; where that search cannot be exact (a comment or CDATA, a row
 * out of order), the part is parsed again in full instead.
 */
export async function scanWorksheet(
  zip: JSZip,
  path: string,
  wants: (row: number, col: number) => boolean,
  options: ScanOptions = {},
): Promise<WorksheetScan> {
  return (
    (await scanPart(zip, path, wants, options, true)) ??
    (await scanPart(zip, path, wants, { ...options, lastRow: undefined }, false))!
  );
}

/** {@link scanWorksheet}, searching the rest of the part as raw text only with `skim`; undefined when that search cannot do. */
async function scanPart(
  zip: JSZip,
  path: string,
  wants: (row: number, col: number) => boolean,
  options: ScanOptions,
  skim: boolean,
): Promise<WorksheetScan | undefined> {
  const lastRow = options.lastRow ?? Number.POSITIVE_INFINITY;
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  const tooMany = options.tooMany ?? ((n: number) => `more than ${n.toLocaleString('en')} cells`);
  const cells: RawCell[] = [];
  const over = options.mergesOver;
  const rowsOver = (top: number, bottom: number) =>
    !over || over.some((r) => r.top <= bottom && top <= r.bottom);
  const keepMerge = (m: CellRect) =>
    !over ||
    over.some((r) => r.top <= m.bottom && m.top <= r.bottom && r.left <= m.right && m.left <= r.right);
  const tooManyMerges =
    options.tooManyMerges ??
    ((n: number) => `${path} lists more than ${n.toLocaleString('en')} merged areas`);
  const merges = new Map<string, CellRect>();
  const addMerge = (ref: string | undefined) => {
    const rect = ref === undefined ? undefined : parseA1(ref);
    if (!rect || ref === undefined || !keepMerge(rect) || merges.has(ref)) return;
    if (merges.size >= MAX_MERGES) throw new UnsupportedWorkbookError(tooManyMerges(MAX_MERGES));
    merges.set(ref, rect);
  };
  let past = false;
  /** Only `<sheetData>` holds cells: rows and cells elsewhere (in no valid file) are not read in any pass. */
  let inCells = false;
  let cellsDone = false;
  /**
   * After the stop, a row or cell at or above `lastRow` (the cells read are
   * not all there are) or text the search cannot read as markup.
   */
  let rescan = false;
  const early = (rowIndex: number | undefined) => {
    if (rowIndex !== undefined && rowIndex <= lastRow) rescan = true;
    return rescan;
  };
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  let cell: RawCell | undefined;
  let kept = false;
  let capture: Capture;
  let buffer = '';
  let inInline = false;
  let phonetic = 0;
  let formulaType = '';
  let sharedIndex = '';
  let formulaText = '';
  let hasFormula = false;

  await parsePart(zip, path, {
    open(local, attrs) {
      if (cellsDone && skim) past = true;
      if (past) {
        if (local === 'mergeCell') addMerge(attrs.ref);
        else if (local === 'row' && attrs.r !== undefined) early(rowOf(attrs.r, lastRow));
        else if (local === 'c' && attrs.r !== undefined) early(parseCellA1(attrs.r)?.row);
        return SKIP_REST;
      }
      if (phonetic > 0) {
        if (local === 'rPh') phonetic++;
        return;
      }
      if (!inCells) {
        if (local === 'sheetData') inCells = true;
        else if (local === 'mergeCell') addMerge(attrs.ref);
        return undefined;
      }
      switch (local) {
        case 'row': {
          row = rowOf(attrs.r, row);
          col = -1;
          if (row > lastRow && skim) {
            past = true;
            return SKIP_REST;
          }
          return undefined;
        }
        case 'c': {
          const at = attrs.r === undefined ? undefined : parseCellA1(attrs.r);
          if (at) {
            row = at.row;
            col = at.column;
          } else col++;
          const style = attrs.s === undefined ? 0 : Number(attrs.s);
          cell = {
            row,
            col,
            type: attrs.t ?? 'n',
            value: '',
            hasValue: false,
            style: Number.isInteger(style) && style >= 0 ? style : 0,
            formula: '',
          };
          kept = wants(row, col);
          hasFormula = false;
          formulaText = '';
          inInline = false;
          return;
        }
        case 'v':
          if (cell && kept) {
            capture = 'v';
            buffer = '';
          }
          return;
        case 'f':
          if (cell) {
            capture = 'f';
            buffer = '';
            hasFormula = true;
            formulaType = attrs.t ?? '';
            sharedIndex = attrs.si ?? '';
          }
          return;
        case 'is':
          if (cell && kept) {
            inInline = true;
            buffer = '';
          }
          return;
        case 'rPh':
          phonetic = 1;
          return;
        case 't':
          if (inInline) capture = 't';
          return;
      }
      return undefined;
    },
    tail(text) {
      if (NOT_MARKUP.test(text)) {
        rescan = true;
        return SKIP_REST;
      }
      for (const m of text.matchAll(TAIL_TAG)) {
        if (m[3] !== undefined) {
          const rows = refRows(m[3]);
          if (rows && rowsOver(rows[0], rows[1])) addMerge(m[3]);
        } else if (early(m[1] !== undefined ? rowOf(m[1], lastRow) : parseCellA1(m[2] ?? '')?.row)) {
          return SKIP_REST;
        }
      }
      return undefined;
    },
    text(text) {
      if (capture !== undefined && phonetic === 0) buffer += text;
    },
    close(local) {
      if (past) return;
      if (phonetic > 0) {
        if (local === 'rPh') phonetic--;
        return;
      }
      if (local === 'sheetData') {
        inCells = false;
        cellsDone = true;
      }
      if (!cell) return;
      switch (local) {
        case 'v':
          if (capture === 'v') {
            cell.value = buffer;
            cell.hasValue = true;
            capture = undefined;
          }
          return;
        case 't':
          if (capture === 't') capture = undefined;
          return;
        case 'is':
          if (inInline) {
            cell.value = buffer;
            cell.hasValue = true;
            inInline = false;
          }
          return;
        case 'f':
          formulaText = buffer;
          capture = undefined;
          return;
        case 'c': {
          if (hasFormula) {
            if (formulaType === 'shared') {
              const master = masters.get(sharedIndex);
              if (formulaText !== '' || !master) {
                masters.set(sharedIndex, { formula: formulaText, row: cell.row, col: cell.col });
                cell.formula = formulaText;
              } else {
                cell.formula = slideFormula(master.formula, master, cell);
              }
            } else cell.formula = formulaText;
          }
          if (kept) {
            if (cells.length >= maxCells) throw new UnsupportedWorkbookError(tooMany(maxCells));
            cells.push(cell);
          }
          cell = undefined;
          return;
        }
      }
    },
  });
  if (rescan) return undefined;
  return { cells, merges: [...merges.values()] };
}
