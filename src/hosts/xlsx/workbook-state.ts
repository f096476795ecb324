/**
 * What an open saved workbook holds between `openXlsxHost` and `save()`: the
 * package as it was opened plus every change since, kept apart so `save()`
 * can touch only what changed. Also the sheet lookups every operation shares,
 * because they enforce the host's one rule about writing — only Plumbline's
 * own sheets (`_plumbline`, and sheets this host created) are ever written.
 */
import type JSZip from 'jszip';
import { METADATA_SHEET, type DefinedName, type SheetInfo, type SheetVisibility } from '../host';
import { HostError } from '../host-error';
import { isWorkbookIdName, workbookIdFromNames, workbookIdName } from '../workbook-id';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook-snapshot';
import type { PackageLayout, PackageSheet } from './package';
import { cellSource, readWholeSheet, workbookNames, type CellSource } from './read-workbook';
import { cloneSheet } from './sheet-grids';

export interface SheetExtras {
  fills?: string[][];
  bold?: boolean[][];
  indents?: number[][];
  columnWidths?: number[];
}

export interface HostSheet {
  name: string;
  visibility: SheetVisibility;
  /** Plumbline's own: `_plumbline`, or created by this host. Only these are written. */
  own: boolean;
  /** Created by this host (not yet in the package it opened). */
  isNew: boolean;
  /** The zip entry of an existing sheet. */
  path: string | undefined;
  /** Where an existing sheet is read from. */
  part: PackageSheet | undefined;
  /**
   * The whole sheet, once something needed it whole (Plumbline's own sheets,
   * a snapshot) or once it was written; until then the file holds it and reads
   * stream only the ranges they ask for.
   */
  content: SheetSnapshot | undefined;
  extras: SheetExtras;
  /** Its part must be rewritten on save. */
  dirty: boolean;
}

export interface WorkbookState {
  readonly zip: JSZip;
  readonly layout: PackageLayout;
  /** Reads cells from the package, keeping what later reads can reuse. */
  readonly source: CellSource;
  readonly fileName: string;
  readonly sheets: HostSheet[];
  /** Sheets that are not worksheets (chart sheets…): their names are taken. */
  readonly otherSheetNames: string[];
  /** Workbook-level names that refer to a range, by upper-case name (Excel compares names so). */
  readonly names: Map<string, DefinedName>;
  /** Names to write (a value) or delete (`null`) on save, by upper-case name. */
  readonly nameChanges: Map<string, DefinedName | null>;
  workbookId: string | undefined;
  workbookIdPending: boolean;
  /**
   * styles.xml as the file was opened. Each save edits the zip in place, so a
   * second save must add its styles to this, not to what the first save wrote.
   */
  originalStylesXml?: string;
}

export function workbookState(zip: JSZip, layout: PackageLayout, fileName: string): WorkbookState {
  // Chart sheets, dialog sheets and macro sheets hold no cells.
  const worksheets = layout.sheets.filter((s) => s.kind === 'worksheet');
  const names = new Map<string, DefinedName>();
  for (const name of workbookNames(layout, worksheets)) {
    if (!isWorkbookIdName(name.name)) names.set(name.name.toUpperCase(), { ...name });
  }
  return {
    zip,
    layout,
    source: cellSource(zip, layout),
    fileName,
    sheets: worksheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      own: sheet.name.toUpperCase() === METADATA_SHEET.toUpperCase(),
      isNew: false,
      path: sheet.path,
      part: sheet,
      content: undefined,
      extras: {},
      dirty: false,
    })),
    otherSheetNames: layout.sheets.filter((s) => s.kind !== 'worksheet').map((s) => s.name),
    names,
    nameChanges: new Map(),
    // The id is read from every workbook-level name, whatever it refers to,
    // so it survives a reference broken into #REF!.
    workbookId: workbookIdFromNames(layout.names.filter((n) => n.localSheetId === undefined)),
    workbookIdPending: false,
  };
}

export async function listSheets(state: WorkbookState): Promise<SheetInfo[]> {
  return state.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
}

/** A sheet's whole content, read from the file the first time it is needed. */
export async function contentOf(state: WorkbookState, sheet: HostSheet): Promise<SheetSnapshot> {
  if (!sheet.content) {
    if (!sheet.part) throw new HostError('ItemNotFound', `the part of sheet '${sheet.name}' is missing`);
    sheet.content = await readWholeSheet(state.source, sheet.part);
  }
  return sheet.content;
}

/** The content of a sheet that must have been loaded or written already (a dirty one). */
export function loadedContent(sheet: HostSheet): SheetSnapshot {
  if (!sheet.content)
    throw new HostError('ItemNotFound', `the content of sheet '${sheet.name}' was never read`);
  return sheet.content;
}

export async function snapshotOf(state: WorkbookState): Promise<WorkbookSnapshot> {
  const names = [...state.names.values()].map((n) => ({ ...n }));
  if (state.workbookId && findSheet(state, METADATA_SHEET)) names.push(workbookIdName(state.workbookId));
  const sheets: SheetSnapshot[] = [];
  for (const s of state.sheets) {
    sheets.push(
      cloneSheet(s.content ?? (s.part ? await readWholeSheet(state.source, s.part) : loadedContent(s))),
    );
  }
  return { sheets, names };
}

/** A worksheet by name: exact first, then ignoring case as Excel does. */
export function findSheet(state: WorkbookState, name: string): HostSheet | undefined {
  return (
    state.sheets.find((s) => s.name === name) ??
    state.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase())
  );
}

/**
 * This host's refusal to write into a user's sheet: it could only do so by
 * re-serialising parts it promises to leave byte for byte as they were.
 */
export function refusal(sheet: string): HostError {
  return new HostError(
    'AccessDenied',
    `saved-workbook host writes only Plumbline's own sheets; open the workbook in Excel or Sheets to write into '${sheet}'`,
  );
}

export function requireSheet(state: WorkbookState, name: string): HostSheet {
  const sheet = findSheet(state, name);
  if (sheet) return sheet;
  if (state.otherSheetNames.some((n) => n.toUpperCase() === name.toUpperCase())) {
    throw new HostError('InvalidArgument', `'${name}' is a chart sheet or another sheet without cells`);
  }
  throw new HostError('ItemNotFound', `The workbook has no sheet named '${name}'`);
}

export function requireOwnSheet(state: WorkbookState, name: string): HostSheet {
  const sheet = requireSheet(state, name);
  if (!sheet.own) throw refusal(sheet.name);
  return sheet;
}

/** Replaces an own sheet's content, or adds the sheet as a new own one. */
export function putOwnSheet(
  state: WorkbookState,
  name: string,
  visibility: SheetVisibility,
  content: SheetSnapshot,
  extras: SheetExtras,
): void {
  const existing = findSheet(state, name);
  if (existing) {
    if (!existing.own) throw refusal(existing.name);
    existing.content = { ...content, name: existing.name, visibility: existing.visibility };
    existing.extras = extras;
    existing.dirty = true;
    return;
  }
  if (state.otherSheetNames.some((n) => n.toUpperCase() === name.toUpperCase())) {
    throw new HostError(
      'InvalidArgument',
      `'${name}' is already the name of a chart or other non-worksheet sheet`,
    );
  }
  state.sheets.push({
    name,
    visibility,
    own: true,
    isNew: true,
    path: undefined,
    part: undefined,
    content,
    extras,
    dirty: true,
  });
}
