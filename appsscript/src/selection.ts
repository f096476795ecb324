/** The user's selection, for linking: Sheets sends the sidebar no selection event, so the pane asks. */
import type { RangeRef } from '../../src/hosts/host';
import { requireSheets } from './sheets';

export function currentSelection(): RangeRef | null {
  const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  return range ? { sheet: range.getSheet().getName(), address: range.getA1Notation() } : null;
}

export function selectRange(ref: RangeRef): void {
  const sheet = requireSheets([ref.sheet]).get(ref.sheet)!;
  sheet.getRange(ref.address).activate();
}
