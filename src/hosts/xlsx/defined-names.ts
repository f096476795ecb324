/**
 * Workbook-level defined names, where links live. Changes are recorded by
 * name for `save()`, which edits only those `<definedName>`s in workbook.xml
 * and leaves the user's other names as written. The workbook's Plumbline id is
 * a name too (`../workbook-id.ts`) and is kept out of reach here: never
 * listed, refused when set, skipped when deleted.
 */
import { rectA1 } from '../../core/a1';
import { isValidDefinedName } from '../../core/sheet-reference';
import type { DefinedName } from '../host';
import { isWorkbookIdName } from '../workbook-id';
import { requireRange } from './argument-checks';
import { XlsxHostError } from './host-error';
import { requireSheet, type WorkbookState } from './workbook-state';

export async function listNames(state: WorkbookState): Promise<DefinedName[]> {
  return [...state.names.values()].map((n) => ({ ...n }));
}

export async function setNames(state: WorkbookState, names: DefinedName[]): Promise<void> {
  const checked = names.map((n) => {
    if (!isValidDefinedName(n.name))
      throw new XlsxHostError('InvalidArgument', `'${n.name}' is not a valid defined name`);
    if (isWorkbookIdName(n.name)) {
      throw new XlsxHostError('InvalidArgument', `'${n.name}' is reserved for the workbook's Plumbline id`);
    }
    const sheet = requireSheet(state, n.sheet);
    const range = requireRange(n);
    return { name: n.name, sheet: sheet.name, address: rectA1(range) };
  });
  for (const n of checked) {
    const key = n.name.toUpperCase();
    state.names.delete(key);
    state.names.set(key, n);
    state.nameChanges.set(key, n);
  }
}

export async function deleteNames(state: WorkbookState, names: string[]): Promise<void> {
  for (const name of names) {
    if (isWorkbookIdName(name)) continue;
    const key = name.toUpperCase();
    state.names.delete(key);
    state.nameChanges.set(key, null);
  }
}
