/**
 * What the Reconcile panel does to the workbook and the store, apart from
 * how it shows it: reconcile and flag, clear flags, pull a canonical value.
 */
import type { StoreClient } from '../../client/store-client';
import { clearDivergenceFlags, refreshDivergenceFlags } from '../../core/flag-workbook';
import type { KpiWithPath } from '../../core/model-tree';
import type { CellVerdict } from '../../core/reconcile';
import { reconcileWorkbook, type WorkbookReconcile } from '../../core/reconcile-workbook';
import type { SpreadsheetHost } from '../../hosts/host';

export async function reconcileAndFlag(
  host: SpreadsheetHost,
  client: StoreClient,
  kpis: readonly KpiWithPath[],
  step: (text: string) => void,
): Promise<WorkbookReconcile & { flagged: number }> {
  step('Reading the linked ranges and the canonical values…');
  const result = await reconcileWorkbook(host, client);
  step('Flagging the cells that differ…');
  const tolerances = new Map(kpis.map((k) => [k.id, k.tolerance]));
  const { flagged } = await refreshDivergenceFlags(host, result.cells, tolerances);
  return { ...result, flagged };
}

export function clearFlags(host: SpreadsheetHost): Promise<number> {
  return clearDivergenceFlags(host);
}

/** The canonical value as the cell shows it (the link's scale undone), written as a number. */
export async function pullCanonical(host: SpreadsheetHost, cell: CellVerdict): Promise<void> {
  if (cell.canonical === null) throw new Error('There is no canonical value to pull for this cell.');
  const value = Number((cell.canonical / cell.scale).toPrecision(15));
  await host.writeBlocks([{ sheet: cell.sheet, address: cell.address, values: [[value]] }]);
}
