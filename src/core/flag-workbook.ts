/**
 * Putting a reconcile's flags into a workbook and taking them out again, for
 * every host: Plumbline's flags are replaced as a set, the user's own
 * conditional formats are never touched.
 */
import type { Tolerance } from './model';
import type { CellVerdict } from './reconcile';
import { divergenceFlags, isDivergenceFlag, type DivergenceFlag } from './divergence-flags';

/** What flagging needs of a host (a subset of the port). */
export interface FlagWorkbook {
  listFlagFormats(): Promise<{ id: string }[]>;
  setFlagFormats(flags: DivergenceFlag[]): Promise<void>;
  removeFlagFormats(ids: string[]): Promise<void>;
}

/** Flags exactly the diverging cells of `cells`; flags of cells that no longer diverge go. */
export async function refreshDivergenceFlags(
  workbook: FlagWorkbook,
  cells: readonly CellVerdict[],
  tolerances: ReadonlyMap<string, Tolerance | undefined>,
): Promise<{ flagged: number; removed: number }> {
  const flags = divergenceFlags(cells, tolerances);
  const keep = new Set(flags.map((f) => f.id));
  const stale = (await workbook.listFlagFormats())
    .map((f) => f.id)
    .filter((id) => isDivergenceFlag(id) && !keep.has(id));
  if (stale.length > 0) await workbook.removeFlagFormats(stale);
  if (flags.length > 0) await workbook.setFlagFormats(flags);
  return { flagged: flags.length, removed: stale.length };
}

/** Removes every divergence flag Plumbline put into the workbook; returns how many. */
export async function clearDivergenceFlags(workbook: FlagWorkbook): Promise<number> {
  const ids = (await workbook.listFlagFormats()).map((f) => f.id).filter(isDivergenceFlag);
  if (ids.length > 0) await workbook.removeFlagFormats(ids);
  return ids.length;
}
