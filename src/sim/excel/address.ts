/**
 * Range addresses as Excel's JavaScript API takes and gives them: `C5`, `C5:N9`,
 * whole columns `C:N`, whole rows `5:9`, optionally behind a sheet name
 * (`'Ops KPIs'!C5:N9`). Rectangles are core's `CellRect` (0-based, inclusive);
 * cell ranges are parsed and written by core's `a1.ts`, and only the forms core
 * has no use for (whole rows and columns, an optional sheet) are added here.
 */
import {
  columnIndex,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  rectA1,
  rectSize,
  type CellRect,
} from '../../core/a1';
import { quoteSheet } from '../../core/sheet-reference';

const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** Parses an address without a sheet; undefined when Excel would not take it. */
export function parseAddress(address: string): CellRect | undefined {
  const parts = address.trim().split(':');
  // Stricter than core: no spaces inside an address (in a formula a space is the intersection operator).
  if (parts.length > 2 || parts.some((p) => p === '' || p !== p.trim())) return undefined;
  const cells = parseA1(parts.join(':'));
  if (cells) return cells;
  if (parts.length !== 2) return undefined;
  const [first, second] = parts as [string, string];
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

/** Excel's own form: `C5`, `C5:N9`, `C:N` for whole columns, `5:9` for whole rows. */
export function formatRect(rect: CellRect, absolute = false): string {
  const d = absolute ? '$' : '';
  const wholeColumns = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  const wholeRows = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  if (wholeRows) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  if (wholeColumns) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  return rectA1(rect, absolute);
}

/** `'Ops KPIs'!C5:N9`, as `Range.address` gives it. */
export function qualifiedAddress(sheet: string, rect: CellRect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export function rectArea(rect: CellRect): number {
  const { rows, columns } = rectSize(rect);
  return rows * columns;
}

export function intersects(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRect, inner: CellRect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

export function intersection(a: CellRect, b: CellRect): CellRect | undefined {
  if (!intersects(a, b)) return undefined;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function boundingRect(a: CellRect, b: CellRect): CellRect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function inSheet(rect: CellRect): boolean {
  return (
    rect.top >= 0 &&
    rect.left >= 0 &&
    rect.bottom < MAX_ROWS &&
    rect.right < MAX_COLUMNS &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right
  );
}
