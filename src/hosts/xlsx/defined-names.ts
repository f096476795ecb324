/**
 * Workbook-level defined names, where links live. Changes are recorded by
 * name for `save()`, which edits only those `<definedName>`s in workbook.xml
 * and leaves the user's other names as written. The workbook's Plumbline id is
 * a name too (`../workbook-id.ts`) and is kept out of reach here: never
 * listed, refused when set, skipped when deleted.
 */
import { rectA1 } from '../../core/a1';
import type { DefinedName } from '../host';
import { checkKeys, checkNames } from '../port-checks';
import { isWorkbookIdName } from '../workbook-id';
import { requireSheet, type WorkbookState } from './workbook-state';

export async function listNames(state: WorkbookState): Promise<DefinedName[]> {
  return [...state.names.values()].map((n) => ({ ...n }));
}

export async function setNames(state: WorkbookState, names: DefinedName[]): Promise<void> {
  const ranges = checkNames(names);
  const checked = names.map((n, i) => ({
    name: n.name,
    sheet: requireSheet(state, n.sheet).name,
    address: rectA1(ranges[i]!),
  }));
  for (const n of checked) {
    const key = n.name.toUpperCase();
    state.names.delete(key);
    state.names.set(key, n);
    state.nameChanges.set(key, n);
  }
}

export async function deleteNames(state: WorkbookState, names: string[]): Promise<void> {
  checkKeys('name', names);
  for (const name of names) {
    if (isWorkbookIdName(name)) continue;
    const key = name.toUpperCase();
    state.names.delete(key);
    state.nameChanges.set(key, null);
  }
}
