/**
 * Defined-name references as they appear in workbook.xml (`'Ops KPIs'!$C$5:$N$9`)
 * and the naming rules Excel enforces.
 */
import type { RangeRef } from '../host';
import { formatAddress, tryParseAddress } from './a1';

const PLAIN_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^(R[0-9]*C?[0-9]*|C[0-9]*)$/i;

/**
 * Whether a sheet name must be quoted in a formula. Quoting is always allowed,
 * so anything but a plain identifier that cannot be mistaken for a cell
 * (`A1`, `R1C1`, `TRUE`) is quoted.
 */
export function sheetNeedsQuotes(sheet: string): boolean {
  return (
    !PLAIN_SHEET.test(sheet) ||
    CELL_LIKE.test(sheet) ||
    R1C1_LIKE.test(sheet) ||
    /^(TRUE|FALSE)$/i.test(sheet)
  );
}

/** `Ops KPIs` → `'Ops KPIs'`, `Bob's` → `'Bob''s'`, `Data` → `Data`. */
export function formulaSheetName(sheet: string): string {
  return sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** The text of a defined name for a range: `'Ops KPIs'!$C$5:$N$5`. */
export function formatNameReference(ref: RangeRef): string {
  const range = tryParseAddress(ref.address);
  if (!range) throw new Error(`'${ref.address}' is not an A1 cell range such as B7 or C5:N9`);
  return `${formulaSheetName(ref.sheet)}!${formatAddress(range, true)}`;
}

const REFERENCE =
  /^(?:'((?:[^']|'')+)'|([^'!:[\]\s,()"*?/\\]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/;

/**
 * The range of a defined name that refers to exactly one cell range on one
 * sheet of this workbook; undefined for anything else (constants, formulas,
 * several areas, whole rows or columns, 3-D or external references, `#REF!`).
 */
export function parseNameReference(formula: string): RangeRef | undefined {
  const text = formula.trim().replace(/^=/, '');
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  if (/[[\]:]/.test(sheet)) return undefined;
  const range = tryParseAddress(m[3] ?? '');
  if (!range) return undefined;
  return { sheet, address: formatAddress(range) };
}

/**
 * Excel's rules for a defined name: starts with a letter, `_` or `\`, then
 * letters, digits, `_`, `.`, `\`; at most 255 characters; not something that
 * reads as a cell reference (`A1`, `R1C1`, `R`, `C`) or a boolean.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (CELL_LIKE.test(name) && tryParseAddress(name)) return false;
  if (R1C1_LIKE.test(name)) return false;
  return !/^(TRUE|FALSE)$/i.test(name);
}

/**
 * Excel's rules for a sheet name: 1–31 characters, none of `: \ / ? * [ ]`,
 * not starting or ending with an apostrophe, not the reserved `History`.
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return 'a sheet name has 1 to 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'a sheet name cannot contain : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'"))
    return 'a sheet name cannot start or end with an apostrophe';
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel";
  return undefined;
}
