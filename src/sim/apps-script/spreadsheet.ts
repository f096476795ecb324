/**
 * `Spreadsheet`: its sheets (names unique whatever their case), its named
 * ranges, its time zone, the active range.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 *
 * Named ranges follow Sheets' naming rules: "can contain only letters,
 * numbers, and underscores", cannot start with a number or with `true`/`false`,
 * cannot look like a cell reference, 1 to 250 characters.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setnamedrangename,-range
 * https://support.google.com/docs/answer/63175
 */
import { parseA1 } from '../../core/a1';
import { exception } from './errors';
import type { ExecutionClock } from './execution';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,249}$/;

export function namedRangeProblem(name: string): string | undefined {
  if (!NAME.test(name) || /^(true|false)/i.test(name) || parseA1(name) || /^R\d*C\d*$/i.test(name))
    return `Invalid name: ${name}`;
  return undefined;
}

export class NamedRange {
  constructor(
    private readonly book: FakeSpreadsheet,
    private readonly name: string,
    private range: FakeRange,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): FakeRange {
    return this.range;
  }

  setRange(range: FakeRange): NamedRange {
    this.range = range;
    return this;
  }

  remove(): void {
    this.book.removeNamedRange(this.name);
  }
}

export class FakeSpreadsheet {
  private sheets: FakeSheet[] = [];
  private named: NamedRange[] = [];
  private activeSheet: FakeSheet | undefined;
  private activeRange: FakeRange | undefined;
  private nextSheetId = 0;
  private lastChartId = 0;

  constructor(
    readonly clock: ExecutionClock,
    private readonly id: string,
    private name: string,
    private timeZone = 'Etc/UTC',
  ) {}

  private env() {
    return { clock: this.clock, spreadsheet: () => this, timeZone: () => this.timeZone };
  }

  /** The next embedded chart's id, unique across the spreadsheet (`EmbeddedChart.getChartId`). */
  newChartId(): number {
    this.lastChartId += 1;
    return this.lastChartId;
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(name: string): void {
    this.name = name;
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }

  getSheets(): FakeSheet[] {
    this.clock.check();
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.clock.check();
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }

  /**
   * A new sheet, at the end or at `sheetIndex` (0-based). "A sheet with the name
   * … already exists" — Sheets compares names without case.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex
   */
  insertSheet(sheetName?: string, sheetIndex?: number): FakeSheet {
    this.clock.check();
    const name = sheetName ?? `Sheet${this.sheets.length + 1}`;
    this.refuseDuplicate(name);
    const sheet = new FakeSheet(this.env(), name, this.nextSheetId++);
    this.sheets.splice(sheetIndex ?? this.sheets.length, 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  /** For loading a workbook: a sheet of a given size, without the execution's checks. */
  addLoadedSheet(name: string, rows: number, columns: number): FakeSheet {
    this.refuseDuplicate(name);
    const sheet = new FakeSheet(this.env(), name, this.nextSheetId++, rows, columns);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (this.sheets.some((s) => s !== sheet && s.getName().toLowerCase() === name.toLowerCase()))
      this.refuseDuplicate(name);
  }

  private refuseDuplicate(name: string): void {
    if (this.sheets.some((s) => s.getName().toLowerCase() === name.toLowerCase()))
      exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.clock.check();
    if (this.sheets.length === 1) exception("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.named = this.named.filter((n) => n.getRange().getSheet() !== sheet);
  }

  getActiveSheet(): FakeSheet {
    return this.activeSheet ?? this.sheets[0] ?? exception('no sheet');
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = sheet;
    this.activeRange = undefined;
    return sheet;
  }

  getActiveRange(): FakeRange | null {
    return this.activeRange ?? null;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.activeSheet = range.getSheet();
    this.activeRange = range;
    return range;
  }

  getNamedRanges(): NamedRange[] {
    this.clock.check();
    return [...this.named];
  }

  getRangeByName(name: string): FakeRange | null {
    this.clock.check();
    return this.named.find((n) => n.getName() === name)?.getRange() ?? null;
  }

  /** Adds or moves a named range (names compare without case in Sheets). */
  setNamedRange(name: string, range: FakeRange): void {
    this.clock.check();
    const problem = namedRangeProblem(name);
    if (problem) exception(problem);
    const existing = this.named.find((n) => n.getName().toLowerCase() === name.toLowerCase());
    if (existing) existing.setRange(range);
    else this.named.push(new NamedRange(this, name, range));
  }

  removeNamedRange(name: string): void {
    this.clock.check();
    const before = this.named.length;
    this.named = this.named.filter((n) => n.getName().toLowerCase() !== name.toLowerCase());
    if (this.named.length === before) exception(`Named range not found: ${name}`);
  }
}
