/**
 * Sheet-qualified references as formulas and defined names write them
 * (`'Ops KPIs'!$C$5:$N$9`), and the naming rules Excel enforces for defined
 * names and sheets. Every host and the simulator quote, parse and check names
 * through these functions, so a link written by one reads the same in another.
 */
import { parseA1, rectA1, requireA1 } from './a1';

/** A range on one sheet: `{ sheet: 'Ops KPIs', address: 'C5:N9' }`. */
export interface SheetReference {
  sheet: string;
  address: string;
}

const PLAIN_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^(R[0-9]*C?[0-9]*|C[0-9]*)$/i;
const BOOLEAN = /^(TRUE|FALSE)$/i;

/**
 * Whether a sheet name must be quoted in a formula. Quoting is always allowed,
 * so anything but a plain identifier that cannot be mistaken for a cell
 * (`A1`, `R1C1`, `TRUE`) is quoted.
 */
export function sheetNeedsQuotes(sheet: string): boolean {
  return !PLAIN_SHEET.test(sheet) || CELL_LIKE.test(sheet) || R1C1_LIKE.test(sheet) || BOOLEAN.test(sheet);
}

/** `Ops KPIs` → `'Ops KPIs'`, `Bob's` → `'Bob''s'`, `Data` → `Data`. */
export function quoteSheet(sheet: string): string {
  return sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/**
 * `'Ops KPIs'!$C$5:$N$9`: the sheet quoted when it needs it, the range
 * absolute so that it survives copying; what a defined name for a link holds.
 * Throws a `RangeError` when `address` is not an A1 cell range.
 */
export function sheetReference(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${rectA1(requireA1(address), true)}`;
}

const REFERENCE =
  /^(?:'((?:[^']|'')+)'|([^'!:[\]\s,()"*?/\\]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/;

/**
 * The range of a reference to exactly one cell range on one sheet of this
 * workbook, `'Ops KPIs'!$C$5:$N$9` or `=Sheet1!A1`, with a relative address
 * (`C5:N9`); undefined for anything else (constants, formulas, several areas,
 * whole rows or columns, 3-D or external references, `#REF!`).
 */
export function parseSheetReference(formula: string): SheetReference | undefined {
  const text = formula.trim().replace(/^=/, '');
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  if (/[[\]:]/.test(sheet)) return undefined;
  const rect = parseA1(m[3] ?? '');
  return rect ? { sheet, address: rectA1(rect) } : undefined;
}

/**
 * Excel's rules for a defined name: starts with a letter, `_` or `\`, then
 * letters, digits, `_`, `.`, `\`; at most 255 characters; not something that
 * reads as a cell reference (`A1`, `R1C1`, `R`, `C`) or a boolean.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (CELL_LIKE.test(name) && parseA1(name)) return false;
  if (R1C1_LIKE.test(name)) return false;
  return !BOOLEAN.test(name);
}

/**
 * Excel's rules for a sheet name: 1–31 characters, none of `: \ / ? * [ ]`,
 * not starting or ending with an apostrophe, not the reserved `History`.
 * Undefined when the name is allowed, else what is wrong with it.
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return 'a sheet name has 1 to 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'a sheet name cannot contain : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'"))
    return 'a sheet name cannot start or end with an apostrophe';
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel";
  return undefined;
}
