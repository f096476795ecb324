/**
 * Defined names as Sheets' named ranges. The workbook id's name is never
 * listed, set or deleted here (`src/hosts/workbook-id.ts`). Sheets is stricter
 * than Excel about names (letters, digits and underscores only): a name Excel
 * takes and Sheets would not is refused with the port's other refusals, before
 * anything is set.
 */
import { rectSize } from '../../src/core/a1';
import type { DefinedName } from '../../src/hosts/host';
import { HostError } from '../../src/hosts/host-error';
import { checkKeys, checkNames } from '../../src/hosts/port-checks';
import { isWorkbookIdName } from '../../src/hosts/workbook-id';
import { book, ensureSize, requireSheets } from './sheets';

const SHEETS_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,249}$/;

export function listNames(): DefinedName[] {
  return book()
    .getNamedRanges()
    .flatMap((n) => {
      if (isWorkbookIdName(n.getName())) return [];
      const range = n.getRange();
      return [{ name: n.getName(), sheet: range.getSheet().getName(), address: range.getA1Notation() }];
    });
}

export function setNames(names: DefinedName[]): void {
  const rects = checkNames(names);
  for (const n of names) {
    if (!SHEETS_NAME.test(n.name) || /^(true|false)/i.test(n.name))
      throw new HostError(
        'InvalidArgument',
        `'${n.name}' is not a name Google Sheets takes (letters, digits, _)`,
      );
  }
  if (names.length === 0) return;
  const sheets = requireSheets(names.map((n) => n.sheet));
  const spreadsheet = book();
  names.forEach((n, i) => {
    const rect = rects[i]!;
    const sheet = sheets.get(n.sheet)!;
    ensureSize(sheet, rect.bottom + 1, rect.right + 1);
    const { rows, columns } = rectSize(rect);
    spreadsheet.setNamedRange(n.name, sheet.getRange(rect.top + 1, rect.left + 1, rows, columns));
  });
}

export function deleteNames(names: string[]): void {
  checkKeys('name', names);
  const wanted = new Set(names.filter((n) => !isWorkbookIdName(n)).map((n) => n.toLowerCase()));
  if (wanted.size === 0) return;
  for (const n of book().getNamedRanges()) if (wanted.has(n.getName().toLowerCase())) n.remove();
}
