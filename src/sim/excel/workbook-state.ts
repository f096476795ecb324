/**
 * The simulated workbook as plain data: from and to the shared
 * {@link WorkbookSnapshot} (what the xlsx reader produces), and a fuller state
 * that also keeps formats, conditional formats, charts and non-range names, so a
 * workbook can be "saved" and "reopened" in a new simulator without loss.
 */
import type { CellValue, DefinedName } from '../../hosts/host';
import type { SheetSnapshot, WorkbookSnapshot } from '../../hosts/workbook-snapshot';
import { MAX_COLUMNS, MAX_ROWS, rectA1, type CellRect } from '../../core/a1';
import { EXCEL_ERROR_VALUES } from '../../core/cell-value';
import { parseAddress } from './address';
import { parseWorkbookSnapshot, parseWorkbookState } from './workbook-input';
import {
  SimSheet,
  SimWorkbook,
  type SimCell,
  type SimChart,
  type SimConditionalFormat,
  type SimVisibility,
} from './workbook-model';

const PORT_VISIBILITY = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;
const SIM_VISIBILITY: Record<SheetSnapshot['visibility'], SimVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/** Throws {@link InvalidWorkbookError} for a snapshot Excel could not have given. */
export function workbookFromSnapshot(input: WorkbookSnapshot, name = 'Book1.xlsx'): SimWorkbook {
  const snapshot = parseWorkbookSnapshot(input);
  const wb = new SimWorkbook(name);
  for (const s of snapshot.sheets) {
    const sheet = wb.addSheet(s.name);
    sheet.visibility = SIM_VISIBILITY[s.visibility];
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = s.formulas[r]?.[c] ?? '';
        const format = s.numberFormats[r]?.[c] ?? 'General';
        if (value === '' && formula === '' && format === 'General') return;
        const cell: SimCell = { value };
        if (formula !== '') cell.formula = formula;
        // A snapshot carries errors as their text; text that reads like an error is rare enough.
        if (typeof value === 'string' && EXCEL_ERROR_VALUES.has(value)) cell.error = true;
        if (format !== 'General') cell.numberFormat = format;
        sheet.cells.set(SimSheet.key(r, c), cell);
      }),
    );
  }
  const firstVisible = wb.visibleSheets()[0];
  if (firstVisible) wb.activate(firstVisible);
  for (const n of snapshot.names) {
    // Checked above: the sheet exists and the address parses.
    wb.addName(n.name, { kind: 'range', sheet: wb.sheet(n.sheet), rect: parseAddress(n.address)! });
  }
  return wb;
}

function snapshotRect(sheet: SimSheet): CellRect | undefined {
  let rect: CellRect | undefined;
  sheet.cells.forEach((cell, key) => {
    if (cell.value === '' && cell.formula === undefined && (cell.numberFormat ?? 'General') === 'General')
      return;
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    rect = rect
      ? { top: 0, left: 0, bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, column) }
      : { top: 0, left: 0, bottom: row, right: column };
  });
  return rect;
}

export function workbookToSnapshot(wb: SimWorkbook): WorkbookSnapshot {
  const sheets = wb.sheets.map((sheet): SheetSnapshot => {
    const rect = snapshotRect(sheet);
    const values: CellValue[][] = [];
    const formulas: string[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 0; rect && r <= rect.bottom; r++) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
      for (let c = 0; c <= rect.right; c++) {
        const cell = sheet.get(r, c);
        values[r]!.push(cell?.value ?? '');
        formulas[r]!.push(cell?.formula ?? '');
        numberFormats[r]!.push(cell?.numberFormat ?? 'General');
      }
    }
    return {
      name: sheet.name,
      visibility: PORT_VISIBILITY[sheet.visibility],
      values,
      formulas,
      numberFormats,
    };
  });
  const names: DefinedName[] = [];
  for (const n of wb.names) {
    // The port's names are cell ranges (`C5:N9`); whole rows or columns cannot be links.
    if (
      n.target.kind !== 'range' ||
      n.target.rect.bottom === MAX_ROWS - 1 ||
      n.target.rect.right === MAX_COLUMNS - 1
    ) {
      continue;
    }
    names.push({ name: n.name, sheet: n.target.sheet.name, address: rectA1(n.target.rect) });
  }
  return { sheets, names };
}

/** Everything the simulator keeps, as JSON-safe data. */
export interface SimWorkbookState {
  name: string;
  activeSheetId: string | null;
  selection: { sheetId: string; rect: CellRect } | null;
  sheets: {
    id: string;
    name: string;
    visibility: SimVisibility;
    tabColor: string;
    cells: [number, SimCell][];
    columnWidths: [number, number][];
    rowHeights: [number, number][];
    conditionalFormats: SimConditionalFormat[];
    charts: SimChart[];
  }[];
  names: {
    name: string;
    comment: string;
    visible: boolean;
    target:
      | { kind: 'range'; sheetId: string; rect: CellRect }
      | { kind: 'constant'; value: CellValue }
      | { kind: 'formula'; formula: string }
      | { kind: 'ref-error' };
  }[];
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function saveState(wb: SimWorkbook): SimWorkbookState {
  return clone({
    name: wb.name,
    activeSheetId: wb.activeSheet?.id ?? null,
    selection: wb.selection ? { sheetId: wb.selection.sheet.id, rect: wb.selection.rect } : null,
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      cells: [...s.cells],
      columnWidths: [...s.columnWidths],
      rowHeights: [...s.rowHeights],
      conditionalFormats: s.conditionalFormats,
      charts: s.charts,
    })),
    names: wb.names.map((n) => ({
      name: n.name,
      comment: n.comment,
      visible: n.visible,
      target:
        n.target.kind === 'range'
          ? { kind: 'range' as const, sheetId: n.target.sheet.id, rect: n.target.rect }
          : n.target,
    })),
  });
}

/** Throws {@link InvalidWorkbookError} for a state no simulator saved. */
export function restoreState(input: SimWorkbookState): SimWorkbook {
  // Parsing copies, so the workbook shares nothing with the caller's object.
  const state = parseWorkbookState(input);
  const wb = new SimWorkbook(state.name);
  for (const s of state.sheets) {
    const sheet = wb.addSheet(s.name, s.id);
    sheet.visibility = s.visibility;
    sheet.tabColor = s.tabColor;
    for (const [key, cell] of s.cells) sheet.cells.set(key, cell);
    for (const [c, w] of s.columnWidths) sheet.columnWidths.set(c, w);
    for (const [r, h] of s.rowHeights) sheet.rowHeights.set(r, h);
    sheet.conditionalFormats.push(...s.conditionalFormats);
    sheet.charts.push(...s.charts);
  }
  for (const n of state.names) {
    const t = n.target;
    const sheet = t.kind === 'range' ? wb.findSheet(t.sheetId) : undefined;
    const item = wb.addName(
      n.name,
      t.kind === 'range' ? (sheet ? { kind: 'range', sheet, rect: t.rect } : { kind: 'ref-error' }) : t,
      n.comment,
    );
    item.visible = n.visible;
  }
  const active = state.activeSheetId ? wb.findSheet(state.activeSheetId) : undefined;
  if (active && active.visibility === 'Visible') wb.activate(active);
  const selected = state.selection ? wb.findSheet(state.selection.sheetId) : undefined;
  if (state.selection && selected && selected.visibility === 'Visible')
    wb.select(selected, state.selection.rect);
  return wb;
}
