/**
 * The port every spreadsheet host implements (Excel via Office.js, Google Sheets
 * via Apps Script, saved .xlsx files). Link, reconcile and summary logic in
 * `core` needs nothing else from a spreadsheet.
 *
 * Coarse-grained on purpose: every call moves whole blocks for many ranges at
 * once, so an implementation can turn one call into one round trip
 * (one `context.sync()`, one `getValues` per region) whatever the number of links.
 *
 * Cell values follow the hosts' own convention (Excel's `Range.values`,
 * Apps Script's `getValues`): numbers (dates as Excel serial numbers), strings,
 * booleans, `''` for an empty cell, and error values as their text (`#DIV/0!`).
 */

import type { SheetLayout } from '../core/sheet-layout';

export type CellValue = string | number | boolean;

/** A range on one sheet; `address` is A1 notation without the sheet (`C5:N9`, `B7`). */
export interface RangeRef {
  sheet: string;
  address: string;
}

/** What a host reads from one range: same shape in every array. */
export interface Block extends RangeRef {
  values: CellValue[][];
  /** The cell's formula (`=C5-6.4`), or `''` when it holds a plain value. */
  formulas: string[][];
  /** Number format codes (`General`, `0.0%`, `mmm-yy`). */
  numberFormats: string[][];
}

/** A block to write. Strings are always written as text, never as formulas. */
export interface BlockWrite extends RangeRef {
  values: CellValue[][];
  numberFormats?: string[][];
}

/** A workbook-level defined name and the range it refers to. */
export interface DefinedName extends RangeRef {
  name: string;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
}

/**
 * A conditional format Plumbline owns, identified by `id` so it can be replaced
 * or removed without touching the user's own formats. `formula` is relative to
 * the top-left cell of the range, in the host's A1 formula syntax, without `=`.
 */
export interface FlagFormat extends RangeRef {
  id: string;
  formula: string;
  fill: string;
  fontColor?: string;
}

/** A sheet written whole (values, formats, fills, indents, widths): the layout core computes. */
export type SheetContent = SheetLayout;

/**
 * Errors are `HostError`s (`host-error.ts`) or, in Excel, Office.js's own, both
 * with Office.js's codes. Every call first checks its arguments whole with
 * `port-checks.ts` and refuses bad ones with `InvalidArgument` before touching
 * the workbook, so a refused call changes nothing; an unknown sheet is
 * `ItemNotFound`.
 */
export interface SpreadsheetHost {
  /** A stable identity of the workbook (survives saving and reopening) and its display name. */
  workbookInfo(): Promise<{ id: string; name: string }>;
  listSheets(): Promise<SheetInfo[]>;
  /** Reads many ranges in one go. Fails with `ItemNotFound` for an unknown sheet. */
  readBlocks(refs: RangeRef[]): Promise<Block[]>;
  writeBlocks(writes: BlockWrite[]): Promise<void>;
  listNames(): Promise<DefinedName[]>;
  /** Adds the names, replacing any existing name of the same name. */
  setNames(names: DefinedName[]): Promise<void>;
  deleteNames(names: string[]): Promise<void>;
  /** The rows of the hidden `_plumbline` sheet ([] when it does not exist). */
  readMetadataRows(): Promise<string[][]>;
  /** Replaces the rows of the hidden `_plumbline` sheet, creating it (very hidden) when missing. */
  writeMetadataRows(rows: string[][]): Promise<void>;
  listFlagFormats(): Promise<FlagFormat[]>;
  /** Adds the flags, replacing Plumbline's flags of the same id; the user's own formats stay. */
  setFlagFormats(flags: FlagFormat[]): Promise<void>;
  removeFlagFormats(ids: string[]): Promise<void>;
  /** Creates the sheet, or replaces the content of an existing one, and shows it. */
  replaceSheet(name: string, content: SheetContent): Promise<void>;
}

/** The name of the hidden sheet that holds link metadata and canonical values. */
export const METADATA_SHEET = '_plumbline';
