/**
 * The KPIs an owner has to report: those of the summary (core's rule for the
 * due period) that they own and that have no reading for that period yet,
 * each with the values its linked cells hold for it. Copies that disagree are
 * all offered; the owner picks one explicitly.
 */
import type { CellVerdict } from '../../core/reconcile';
import type { KpiSummaryRow, SummaryRow } from '../../core/summary';

export interface Candidate {
  value: number;
  /** Where the value was read (`Ops KPIs!L5`), one or more cells that agree. */
  cells: { sheet: string; address: string }[];
}

export interface DueKpi {
  row: KpiSummaryRow;
  /** Distinct local values for the due period, most common first. */
  candidates: Candidate[];
}

export function dueKpis(
  rows: readonly SummaryRow[],
  ownerId: string,
  cells: readonly CellVerdict[],
): DueKpi[] {
  return rows
    .filter((r): r is KpiSummaryRow => r.kind === 'kpi' && r.ownerId === ownerId && r.value === null)
    .map((row) => ({ row, candidates: candidatesFor(row, cells) }));
}

function candidatesFor(row: KpiSummaryRow, cells: readonly CellVerdict[]): Candidate[] {
  const byValue = new Map<number, Candidate>();
  for (const cell of cells) {
    if (cell.kpiId !== row.id || cell.period !== row.period || cell.local === null) continue;
    const candidate = byValue.get(cell.local) ?? { value: cell.local, cells: [] };
    candidate.cells.push({ sheet: cell.sheet, address: cell.address });
    byValue.set(cell.local, candidate);
  }
  return [...byValue.values()].sort((a, b) => b.cells.length - a.cells.length);
}
