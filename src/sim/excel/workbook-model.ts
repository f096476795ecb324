/**
 * The simulated workbook: ordered sheets with their visibility, sparse cells
 * (value, formula kept as text, number format, fill, font), workbook-level
 * defined names, conditional formats and charts per sheet, the active sheet
 * and the selection. It knows Excel's rules for names of sheets and defined
 * names; how requests reach it is the dispatcher's business.
 */
import { MAX_COLUMNS, type CellRect } from '../../core/a1';
import { isValidDefinedName, sheetNameProblem } from '../../core/sheet-reference';
import type { CellValue } from '../../hosts/host';
import { contains, intersects, qualifiedAddress, rectArea } from './address';
import { SimError } from './errors';

export type SimVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SimCell {
  value: CellValue;
  /** `=…`, kept as text: there is no calculation engine. */
  formula?: string;
  error?: boolean;
  quotePrefix?: boolean;
  numberFormat?: string;
  /** `#RRGGBB`. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  indent?: number;
}

export interface SimConditionalFormat {
  id: string;
  rect: CellRect;
  type: 'Custom';
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

export interface SimChart {
  id: string;
  name: string;
  chartType: string;
  source: CellRect;
  seriesBy: string;
  /** `''` for none. */
  title: string;
  /** Set by `setPosition`: the top-left cell, and the bottom-right one it covers through when given. */
  position: { from: SimCellPosition; to: SimCellPosition | null } | null;
}

export interface SimCellPosition {
  row: number;
  column: number;
}

export type NameTarget =
  | { kind: 'range'; sheet: SimSheet; rect: CellRect }
  | { kind: 'constant'; value: CellValue }
  | { kind: 'formula'; formula: string }
  | { kind: 'ref-error' };

export interface SimName {
  name: string;
  target: NameTarget;
  comment: string;
  visible: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function hasContent(cell: SimCell): boolean {
  return cell.value !== '' || cell.formula !== undefined;
}

function hasFormat(cell: SimCell): boolean {
  return (
    (cell.numberFormat !== undefined && cell.numberFormat !== 'General') ||
    cell.fill !== undefined ||
    cell.fontColor !== undefined ||
    cell.bold === true ||
    (cell.indent ?? 0) > 0
  );
}

export class SimSheet {
  readonly cells = new Map<number, SimCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** In priority order: index 0 is evaluated first. */
  readonly conditionalFormats: SimConditionalFormat[] = [];
  readonly charts: SimChart[] = [];
  tabColor = '';
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: SimVisibility = 'Visible',
  ) {}

  static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  get(row: number, column: number): SimCell | undefined {
    return this.cells.get(SimSheet.key(row, column));
  }

  /** Changes one cell, creating it when needed and dropping it when nothing is left in it. */
  update(row: number, column: number, change: (cell: SimCell) => void): void {
    const key = SimSheet.key(row, column);
    const cell = this.cells.get(key) ?? { value: '' };
    change(cell);
    if (hasContent(cell) || hasFormat(cell) || cell.quotePrefix) this.cells.set(key, cell);
    else this.cells.delete(key);
  }

  /** Visits the stored cells inside `rect` (not the empty ones), whatever the size of `rect`. */
  forEachStored(rect: CellRect, visit: (cell: SimCell, row: number, column: number) => void): void {
    if (rectArea(rect) <= this.cells.size) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.get(r, c);
          if (cell) visit(cell, r, c);
        }
      }
      return;
    }
    for (const [key, cell] of [...this.cells]) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      if (row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right)
        visit(cell, row, column);
    }
  }

  countStored(rect: CellRect): number {
    let n = 0;
    this.forEachStored(rect, () => n++);
    return n;
  }

  /** Excel's used range: cells with a value or formula, or (unless `valuesOnly`) a format. */
  usedRect(valuesOnly: boolean): CellRect | undefined {
    let rect: CellRect | undefined;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? !hasContent(cell) : !hasContent(cell) && !hasFormat(cell)) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, column),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return rect;
  }

  /** Removes the conditional formats that lie inside `rect`. */
  clearConditionalFormats(rect: CellRect, all: boolean): void {
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const cf = this.conditionalFormats[i]!;
      if (all ? intersects(cf.rect, rect) : contains(rect, cf.rect)) this.conditionalFormats.splice(i, 1);
    }
  }
}

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  readonly names: SimName[] = [];
  activeSheet: SimSheet | undefined;
  selection: { sheet: SimSheet; rect: CellRect } | undefined;
  /** Called after the selection moved (by a user or by `Range.select()`): Excel raises its selection event then. */
  onSelectionChanged: (() => void) | undefined;
  private nextSheetNumber = 1;
  private nextCfNumber = 1;
  private nextChartNumber = 1;

  constructor(public name = 'Book1.xlsx') {}

  findSheet(key: string): SimSheet | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === key);
  }

  sheet(key: unknown): SimSheet {
    const found = typeof key === 'string' ? this.findSheet(key) : undefined;
    if (!found) throw new SimError('ItemNotFound', `There is no sheet '${String(key)}'.`);
    return found;
  }

  addSheet(name?: string, id?: string): SimSheet {
    let sheetName = name;
    if (sheetName === undefined || sheetName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    const sheet = new SimSheet(id ?? this.newSheetId(), sheetName);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activate(sheet);
    return sheet;
  }

  private newSheetId(): string {
    let id: string;
    do {
      const hex = (this.nextSheetNumber++).toString(16).toUpperCase().padStart(4, '0');
      id = `{00000000-${hex}-0000-C000-000000000000}`;
    } while (this.sheets.some((s) => s.id === id));
    return id;
  }

  newConditionalFormatId(): string {
    let id: string;
    do id = `{cf-${this.nextCfNumber++}}`;
    while (this.sheets.some((s) => s.conditionalFormats.some((cf) => cf.id === id)));
    return id;
  }

  newChartId(): string {
    let id: string;
    do id = `{chart-${this.nextChartNumber++}}`;
    while (this.sheets.some((s) => s.charts.some((c) => c.id === id)));
    return id;
  }

  private checkSheetName(name: string, except?: SimSheet): void {
    // Stricter than the shared rules: a name of nothing but spaces is refused too.
    const problem = name.trim() === '' ? 'a sheet name has 1 to 31 characters' : sheetNameProblem(name);
    if (problem) throw new SimError('InvalidArgument', problem);
    const clash = this.findSheet(name);
    if (clash && clash !== except)
      throw new SimError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
  }

  renameSheet(sheet: SimSheet, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  visibleSheets(): SimSheet[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  setVisibility(sheet: SimSheet, visibility: SimVisibility): void {
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheet === sheet) this.activate(this.visibleSheets()[0]!);
  }

  activate(sheet: SimSheet): void {
    if (sheet.visibility !== 'Visible') {
      throw new SimError('InvalidOperation', 'A hidden sheet cannot be activated.');
    }
    this.activeSheet = sheet;
    if (this.selection?.sheet !== sheet)
      this.setSelection({ sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } });
  }

  select(sheet: SimSheet, rect: CellRect): void {
    this.activate(sheet);
    this.setSelection({ sheet, rect });
  }

  private setSelection(next: { sheet: SimSheet; rect: CellRect }): void {
    const before = this.selection;
    this.selection = next;
    const same =
      before?.sheet === next.sheet &&
      before.rect.top === next.rect.top &&
      before.rect.left === next.rect.left &&
      before.rect.bottom === next.rect.bottom &&
      before.rect.right === next.rect.right;
    if (!same) this.onSelectionChanged?.();
  }

  deleteSheet(sheet: SimSheet): void {
    // Office.js documents it: deleting a VeryHidden sheet fails with InvalidOperation (unhide it first).
    if (sheet.visibility === 'VeryHidden') {
      throw new SimError(
        'InvalidOperation',
        `The sheet '${sheet.name}' is very hidden and cannot be deleted.`,
      );
    }
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    }
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new SimError('ItemNotFound', `The sheet '${sheet.name}' was deleted.`);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    for (const n of this.names) {
      if (n.target.kind === 'range' && n.target.sheet === sheet) n.target = { kind: 'ref-error' };
    }
    if (this.activeSheet === sheet) this.activate(this.visibleSheets()[0]!);
  }

  moveSheet(sheet: SimSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new SimError('InvalidArgument', 'The position is outside the workbook.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  findName(name: string): SimName | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  addName(name: string, target: NameTarget, comment = ''): SimName {
    if (!isValidDefinedName(name)) throw new SimError('InvalidArgument', `'${name}' is not a valid name.`);
    if (this.findName(name)) throw new SimError('ItemAlreadyExists', `The name '${name}' already exists.`);
    const item: SimName = { name, target, comment, visible: true };
    this.names.push(item);
    return item;
  }

  deleteName(item: SimName): void {
    const index = this.names.indexOf(item);
    if (index < 0) throw new SimError('ItemNotFound', `The name '${item.name}' was deleted.`);
    this.names.splice(index, 1);
  }
}

function formulaConstant(value: CellValue): string {
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** `=Sheet1!$A$1:$B$2`, `="text"`, `=42`, `=#REF!`: what `NamedItem.formula` shows. */
export function nameFormula(target: NameTarget): string {
  switch (target.kind) {
    case 'range':
      return `=${qualifiedAddress(target.sheet.name, target.rect, true)}`;
    case 'constant':
      return `=${formulaConstant(target.value)}`;
    case 'formula':
      return target.formula;
    case 'ref-error':
      return '=#REF!';
  }
}

/** `NamedItem.type`. */
export function nameType(target: NameTarget): string {
  switch (target.kind) {
    case 'range':
      return 'Range';
    case 'constant':
      if (typeof target.value === 'string') return 'String';
      if (typeof target.value === 'boolean') return 'Boolean';
      return Number.isInteger(target.value) ? 'Integer' : 'Double';
    case 'formula':
    case 'ref-error':
      return 'Error';
  }
}

/** `NamedItem.value`: the address of a range, the constant, or the error. */
export function nameValue(target: NameTarget): CellValue {
  switch (target.kind) {
    case 'range':
      return qualifiedAddress(target.sheet.name, target.rect, true);
    case 'constant':
      return target.value;
    case 'formula':
      return '#NAME?';
    case 'ref-error':
      return '#REF!';
  }
}
