/**
 * Flags (Plumbline's conditional formats) in a saved workbook: not written
 * yet. Reading them back would need the rule encoding the Excel host uses
 * (`../flag-rule.ts`) and conditional formats in the package surgery;
 * until then the host says so rather than pretending, and lists none.
 */
import type { FlagFormat } from '../host';
import { HostError } from '../host-error';
import { checkFlags, checkKeys } from '../port-checks';
import { requireOwnSheet, type WorkbookState } from './workbook-state';

export async function listFlagFormats(): Promise<FlagFormat[]> {
  // This host writes no conditional formats, and cannot tell Plumbline's
  // flags from the user's own formats in a saved file.
  return [];
}

export async function setFlagFormats(state: WorkbookState, flags: FlagFormat[]): Promise<void> {
  // The port's checks first, so this host refuses a bad flag as the others do.
  checkFlags(flags);
  for (const flag of flags) {
    requireOwnSheet(state, flag.sheet);
    throw new HostError(
      'NotImplemented',
      `saved-workbook host does not write conditional formats; open the workbook in Excel or Sheets to flag '${flag.sheet}'`,
    );
  }
}

export async function removeFlagFormats(ids: string[]): Promise<void> {
  checkKeys('flag id', ids);
  // Nothing to remove: this host never writes flags (see listFlagFormats).
}
