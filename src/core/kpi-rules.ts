/**
 * A KPI's target and default tolerance, apart from the model's schemas: the
 * pane computes statuses and verdicts with them, and must not carry zod for it.
 */
import type { Kpi } from './model';

/** The divergence tolerance of a KPI that sets none (DESIGN §2). */
export const DEFAULT_TOLERANCE = { rel: 0.005 } as const;

/** The target that applies to `period`: its override, else the KPI's target. */
export function targetFor(kpi: Pick<Kpi, 'target' | 'periodTargets'>, period: string): number | undefined {
  return kpi.periodTargets?.[period] ?? kpi.target;
}
