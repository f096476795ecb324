/**
 * `Range`: reads and writes whole rectangles as 2-D arrays, as Apps Script does.
 * https://developers.google.com/apps-script/reference/spreadsheet/range
 *
 * - `getValues` "Returns the rectangular grid of values for this range …
 *   Empty cells are represented by an empty string", and a date cell comes
 *   back as a `Date` (for its wall time in the spreadsheet's time zone).
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues
 * - `setValues` and the other `set…s` need an array exactly the range's size,
 *   and say which dimension does not match.
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
 * - `getFormulas` answers '' for a cell without a formula.
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas
 * - Developer metadata lives on a spreadsheet, a sheet, or whole rows or
 *   columns, never on a block of cells.
 *   https://developers.google.com/sheets/api/guides/metadata
 * Every call counts as one read or one write of the execution.
 */
import { cellA1, rectA1, type CellRect } from '../../core/a1';
import { format as renderFormat } from 'numfmt';
import { AUTOMATIC_FORMAT, DEFAULT_DATE_FORMAT, isDateFormat, typedInput, type Cell } from './cells';
import { FakeDeveloperMetadata } from './developer-metadata';
import { exception } from './errors';
import type { FakeSheet } from './sheet';
import { instantToSerial, serialToInstant } from './time-zone';

/** "Your input contains more than the maximum of 50000 characters in a single cell." */
export const MAX_CELL_CHARACTERS = 50_000;

const EMPTY: Cell = { value: '', formula: '' };

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly rect: CellRect,
  ) {}

  private get clock() {
    return this.sheet.env.clock;
  }

  private grid<T>(read: (cell: Cell) => T): T[][] {
    const { top, left, bottom, right } = this.rect;
    const rows: T[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: T[] = [];
      for (let c = left; c <= right; c++) row.push(read(this.sheet.cell(r, c) ?? EMPTY));
      rows.push(row);
    }
    return rows;
  }

  private reading(): void {
    this.clock.check();
    this.clock.counters.cellReads += 1;
  }

  /** Refuses `data` unless it is exactly this range's size, with Apps Script's sentences. */
  private fits(data: unknown): unknown[][] {
    this.clock.check();
    if (!Array.isArray(data) || !data.every(Array.isArray))
      exception(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    const rows = this.getNumRows();
    const columns = this.getNumColumns();
    if (data.length !== rows)
      exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`,
      );
    for (const row of data as unknown[][]) {
      if (row.length !== columns)
        exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${columns}.`,
        );
    }
    this.clock.counters.cellWrites += 1;
    return data as unknown[][];
  }

  private update(data: unknown[][], change: (cell: Cell, input: unknown) => Cell): void {
    const { top, left } = this.rect;
    data.forEach((row, r) =>
      row.forEach((input, c) => {
        const before = this.sheet.cell(top + r, left + c) ?? EMPTY;
        this.sheet.putCell(top + r, left + c, change({ ...before }, input));
      }),
    );
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  getA1Notation(): string {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right
      ? cellA1(this.rect.top, this.rect.left)
      : rectA1(this.rect);
  }

  getRow(): number {
    return this.rect.top + 1;
  }

  getColumn(): number {
    return this.rect.left + 1;
  }

  getLastRow(): number {
    return this.rect.bottom + 1;
  }

  getLastColumn(): number {
    return this.rect.right + 1;
  }

  getNumRows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }

  getNumColumns(): number {
    return this.rect.right - this.rect.left + 1;
  }

  getValues(): (string | number | boolean | Date)[][] {
    this.reading();
    const zone = this.sheet.env.timeZone();
    return this.grid((cell) =>
      typeof cell.value === 'number' && isDateFormat(cell.format)
        ? new Date(serialToInstant(cell.value, zone))
        : cell.value,
    );
  }

  getFormulas(): string[][] {
    this.reading();
    return this.grid((cell) => cell.formula);
  }

  getNumberFormats(): string[][] {
    this.reading();
    return this.grid((cell) => cell.format ?? AUTOMATIC_FORMAT);
  }

  /** The values as Sheets shows them through their formats (en-US). */
  getDisplayValues(): string[][] {
    this.reading();
    return this.grid((cell) => {
      if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
      if (cell.value === '') return '';
      try {
        return renderFormat(cell.format ?? 'General', cell.value);
      } catch {
        // A format numfmt cannot parse: Sheets still shows the cell, as its plain value.
        return String(cell.value);
      }
    });
  }

  getBackgrounds(): string[][] {
    this.reading();
    return this.grid((cell) => cell.background ?? '#ffffff');
  }

  setValues(values: unknown[][]): FakeRange {
    const data = this.fits(values);
    const zone = this.sheet.env.timeZone();
    this.update(data, (cell, input) => {
      const typed = typedInput(input, (d) => instantToSerial(d.getTime(), zone));
      if (typeof typed.value === 'string' && typed.value.length > MAX_CELL_CHARACTERS)
        exception(
          `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
        );
      const format = typed.isDate && cell.format === undefined ? DEFAULT_DATE_FORMAT : cell.format;
      return { ...cell, value: typed.value, formula: typed.formula, ...(format ? { format } : {}) };
    });
    return this;
  }

  setValue(value: unknown): FakeRange {
    return this.setValues(this.grid(() => value));
  }

  setFormulas(formulas: string[][]): FakeRange {
    const data = this.fits(formulas);
    this.update(data, (cell, input) => ({ ...cell, value: '', formula: String(input) }));
    return this;
  }

  /** `General` is Sheets' Automatic format. */
  setNumberFormats(formats: string[][]): FakeRange {
    const data = this.fits(formats);
    this.update(data, (cell, input) => {
      const { format: _, ...rest } = cell;
      const code = String(input);
      return code === 'General' || code === '' ? rest : { ...rest, format: code };
    });
    return this;
  }

  setNumberFormat(numberFormat: string): FakeRange {
    return this.setNumberFormats(this.grid(() => numberFormat));
  }

  /** Colours as Sheets keeps them: lowercase `#rrggbb`; null clears. */
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    const data = this.fits(colors);
    this.update(data, (cell, input) => {
      const { background: _, ...rest } = cell;
      return typeof input === 'string' && input !== '' ? { ...rest, background: input.toLowerCase() } : rest;
    });
    return this;
  }

  setFontWeights(weights: (string | null)[][]): FakeRange {
    const data = this.fits(weights);
    this.update(data, (cell, input) => {
      const { bold: _, ...rest } = cell;
      return input === 'bold' ? { ...rest, bold: true } : rest;
    });
    return this;
  }

  /** Clears values and formats. */
  clear(): FakeRange {
    this.clock.check();
    this.clock.counters.cellWrites += 1;
    this.update(
      this.grid(() => null),
      () => ({ value: '', formula: '' }),
    );
    return this;
  }

  activate(): FakeRange {
    this.sheet.env.spreadsheet().setActiveRange(this);
    return this;
  }

  /**
   * Only whole rows or columns take developer metadata; a block of cells is refused.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#adddevelopermetadatakey
   */
  addDeveloperMetadata(key: string, value?: string): FakeRange {
    this.clock.check();
    const wholeRows = this.rect.left === 0 && this.rect.right === this.sheet.maxColumns - 1;
    const wholeColumns = this.rect.top === 0 && this.rect.bottom === this.sheet.maxRows - 1;
    if (!wholeRows && !wholeColumns)
      exception(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    this.sheet.developerMetadata.push(
      new FakeDeveloperMetadata(
        this.sheet,
        key,
        value ?? null,
        `${wholeRows ? 'ROW' : 'COLUMN'}:${this.getA1Notation()}`,
      ),
    );
    return this;
  }
}
