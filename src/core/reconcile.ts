/**
 * Reconcile: every linked cell's local number against the canonical value
 * (DESIGN §2 verdicts). Runs the same in Excel, in Sheets and in the CLI: the
 * host reads blocks, the client fetches canonical readings, this decides.
 */
import type { ObservationInput, ObservationValue, Reading } from './api';
import { readCellValue } from './cell-value';
import type { LinkedCell } from './link-cells';
import type { Tolerance } from './model';
import { verdictOf, type Verdict } from './verdict';

/** A link ready to reconcile: its cells, and the values range as the host read it. */
export interface LinkToReconcile {
  linkId: string;
  sheet: string;
  scale: number;
  cells: readonly LinkedCell[];
  /** The values range, row by row, in the port's cell conventions. */
  values: readonly (readonly (string | number | boolean)[])[];
  numberFormats?: readonly (readonly string[])[];
  formulas?: readonly (readonly string[])[];
}

export interface CellVerdict {
  linkId: string;
  kpiId: string;
  period: string;
  sheet: string;
  address: string;
  /** The cell as the sheet holds it. */
  cell: string | number | boolean;
  /** The cell read as a number and scaled to the KPI's unit; null when blank or unreadable. */
  local: number | null;
  /** Why the cell could not be read as a number. */
  unreadable?: string;
  canonical: number | null;
  revision: number | null;
  submittedBy: string | null;
  submittedAt: string | null;
  verdict: Verdict;
  /** The cell holds a formula: pulling the canonical value must ask first. */
  isFormula: boolean;
  /** The link's scale: cell × scale = the KPI's unit (to write a canonical value back as the sheet shows it). */
  scale: number;
}

export interface ReconcileResult {
  cells: CellVerdict[];
  /** What to send to `POST /v1/observations`, one per compared cell. */
  observations: ObservationInput[];
}

/**
 * Multiplying by a scale like 0.01 leaves binary noise (75.8 × 0.01 =
 * 0.7580000000000001); 15 significant digits is what a double holds exactly.
 */
export function applyScale(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(15));
}

/**
 * Verdicts for every linked cell that has something to compare: a cell with
 * neither a local nor a canonical value (a future month) is left out.
 */
export function reconcile(
  links: readonly LinkToReconcile[],
  canonical: readonly Pick<
    Reading,
    'kpiId' | 'period' | 'value' | 'revision' | 'submittedBy' | 'submittedAt'
  >[],
  tolerances: ReadonlyMap<string, Tolerance | undefined>,
): ReconcileResult {
  const latest = new Map<string, (typeof canonical)[number]>();
  for (const r of canonical) {
    const key = `${r.kpiId}\u0000${r.period}`;
    const current = latest.get(key);
    if (!current || r.revision > current.revision) latest.set(key, r);
  }

  const cells: CellVerdict[] = [];
  const observations: ObservationInput[] = [];
  for (const link of links) {
    for (const cell of link.cells) {
      const raw = link.values[cell.row]?.[cell.column] ?? '';
      const reading = readCellValue(raw, { numberFormat: link.numberFormats?.[cell.row]?.[cell.column] });
      const value: ObservationValue =
        reading.kind === 'value'
          ? applyScale(reading.value, link.scale)
          : reading.kind === 'blank'
            ? null
            : { unreadable: reading.text };
      const truth = latest.get(`${cell.kpiId}\u0000${cell.period}`);
      const verdict = verdictOf(value, truth?.value, tolerances.get(cell.kpiId));
      if (verdict === null) continue;
      cells.push({
        linkId: link.linkId,
        kpiId: cell.kpiId,
        period: cell.period,
        sheet: link.sheet,
        address: cell.address,
        cell: raw,
        local: typeof value === 'number' ? value : null,
        ...(reading.kind === 'unreadable' ? { unreadable: reading.reason } : {}),
        canonical: truth?.value ?? null,
        revision: truth?.revision ?? null,
        submittedBy: truth?.submittedBy ?? null,
        submittedAt: truth?.submittedAt ?? null,
        verdict,
        isFormula: (link.formulas?.[cell.row]?.[cell.column] ?? '') !== '',
        scale: link.scale,
      });
      observations.push({ linkId: link.linkId, kpiId: cell.kpiId, period: cell.period, value });
    }
  }
  return { cells, observations };
}

/** The widest period range the links' cells cover per KPI, for one `POST /v1/canonical`. */
export function canonicalRequest(links: readonly Pick<LinkToReconcile, 'cells'>[]): {
  kpiIds: string[];
  periods: string[];
} {
  const kpiIds = new Set<string>();
  const periods = new Set<string>();
  for (const link of links) {
    for (const cell of link.cells) {
      kpiIds.add(cell.kpiId);
      periods.add(cell.period);
    }
  }
  return { kpiIds: [...kpiIds], periods: [...periods] };
}
