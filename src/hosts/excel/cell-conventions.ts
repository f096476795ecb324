/**
 * Between the port's cell conventions and Excel's. Writing: Excel reads a
 * string assigned to `Range.values` as if typed into the cell, so `=1+1`
 * becomes a formula, `-x` and `@x` too, `007` a number, `Nov-26` a date and
 * `TRUE` a boolean. A leading apostrophe makes Excel keep the rest as text
 * (and it is not stored), so every non-empty string is written behind one.
 * Reading: `Range.formulas` gives a plain cell's value, and text that starts
 * with `=` is both its value and its "formula"; a formula's text never equals
 * its own result in practice, so a formula is a `=…` that differs from the value.
 */
import type { CellValue } from '../host';

export function protectText(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

export function protectRows(values: readonly (readonly CellValue[])[]): CellValue[][] {
  return values.map((row) => row.map(protectText));
}

export function portFormula(formula: unknown, value: unknown): string {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : '';
}

/** Excel's column width in points for a width in characters of the default font (7-pixel digits, 5 pixels of padding). */
export function charactersToPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7) + 5;
  return pixels * 0.75;
}
