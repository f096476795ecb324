/**
 * Range addresses as Excel's JavaScript API takes and gives them: `C5`, `C5:N9`,
 * whole columns `C:N`, whole rows `5:9`, optionally behind a sheet name
 * (`'Ops KPIs'!C5:N9`). Rectangles are 0-based and inclusive.
 */
import { columnIndex, columnLetters, quoteSheet } from '../../core/a1';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cellOf(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const column = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS && column < MAX_COLUMNS ? { row, column } : undefined;
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** Parses an address without a sheet; undefined when Excel would not take it. */
export function parseAddress(address: string): Rect | undefined {
  const parts = address.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const [first, second = first] = parts as [string, string?];
  const a = cellOf(first);
  const b = cellOf(second);
  if (a && b) {
    const [top, bottom] = ordered(a.row, b.row);
    const [left, right] = ordered(a.column, b.column);
    return { top, left, bottom, right };
  }
  if (parts.length !== 2) return undefined;
  const ca = COLUMN.exec(first);
  const cb = COLUMN.exec(second);
  if (ca && cb) {
    const [left, right] = ordered(columnIndex(ca[1]!), columnIndex(cb[1]!));
    return right < MAX_COLUMNS ? { top: 0, left, bottom: MAX_ROWS - 1, right } : undefined;
  }
  const ra = ROW.exec(first);
  const rb = ROW.exec(second);
  if (ra && rb) {
    const [top, bottom] = ordered(Number(ra[1]) - 1, Number(rb[1]) - 1);
    return top >= 0 && bottom < MAX_ROWS ? { top, left: 0, bottom, right: MAX_COLUMNS - 1 } : undefined;
  }
  return undefined;
}

/** Splits `'Ops KPIs'!C5:N9` into the sheet and the address; `sheet` is undefined without one. */
export function splitSheet(reference: string): { sheet: string | undefined; address: string } {
  const text = reference.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), address: quoted[2]! };
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheet: text.slice(0, bang), address: text.slice(bang + 1) };
  return { sheet: undefined, address: text };
}

function cellText(row: number, column: number, absolute: boolean): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** Excel's own form: `C5`, `C5:N9`, `C:N` for whole columns, `5:9` for whole rows. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  const wholeColumns = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  const wholeRows = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  if (wholeRows) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  if (wholeColumns) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  const start = cellText(rect.top, rect.left, absolute);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cellText(rect.bottom, rect.right, absolute)}`;
}

/** `'Ops KPIs'!C5:N9`, as `Range.address` gives it. */
export function qualifiedAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function rectArea(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function inSheet(rect: Rect): boolean {
  return (
    rect.top >= 0 &&
    rect.left >= 0 &&
    rect.bottom < MAX_ROWS &&
    rect.right < MAX_COLUMNS &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right
  );
}
