/**
 * Status of a KPI value against its target and thresholds (DESIGN §2, contract),
 * and how statuses roll up to programs and pillars.
 */
import { targetFor } from './kpi-rules';
import type { Kpi } from './model';

/** The status of one value, or of a program or pillar rolled up from its KPIs. */
export type Status = 'no-data' | 'on-track' | 'at-risk' | 'off-track';

/** Every status, worst first. `no-data` ranks last: a missing value never outweighs a real one. */
export const STATUS_ORDER: readonly Status[] = ['off-track', 'at-risk', 'on-track', 'no-data'];

/** What `statusOf` needs of a KPI. */
export type StatusRules = Pick<Kpi, 'direction' | 'target' | 'periodTargets' | 'thresholds'>;

/**
 * Slack for comparing a value with a threshold or target.
 *
 * Why: values reach the store from spreadsheet formulas, so a value the user
 * sees as exactly 0.3 may be 0.30000000000000004 (0.1 + 0.2). The contract says
 * "value ≤ red", and a value *at* a threshold must land on the bad side of it,
 * so "at" means equal up to floating-point noise: 1e-9 relative to the
 * magnitude (at least 1e-9 absolute). That is far below any precision a KPI is
 * reported with, and far above what double-precision arithmetic gets wrong.
 */
function atMost(a: number, b: number): boolean {
  return a <= b + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Status of `value` for `kpi` in `period` (contract, DESIGN §2).
 *
 * - No value (`null`, `undefined`, or a non-finite number): `no-data`.
 * - With thresholds (absolute values on the bad side of target), for
 *   `direction: up`: value ≤ red → `off-track`, else value ≤ amber → `at-risk`,
 *   else `on-track`; for `down` the same with ≥. Thresholds decide alone; the
 *   target is not consulted.
 * - Without thresholds: at the target for `period` (its per-period override,
 *   else the KPI's target) or better → `on-track`, else `off-track`.
 * - Without thresholds and without a target there is nothing to miss, so a
 *   value is `on-track`: reporting it is all the KPI asks for.
 *
 * Equality at a boundary is judged up to floating-point noise (see `atMost`).
 */
export function statusOf(kpi: StatusRules, value: number | null | undefined, period: string): Status {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no-data';
  // `worse(v, limit)`: v is at `limit` or on its bad side.
  const worse =
    kpi.direction === 'up'
      ? (v: number, limit: number) => atMost(v, limit)
      : (v: number, limit: number) => atMost(limit, v);
  if (kpi.thresholds) {
    if (worse(value, kpi.thresholds.red)) return 'off-track';
    if (worse(value, kpi.thresholds.amber)) return 'at-risk';
    return 'on-track';
  }
  const target = targetFor(kpi, period);
  if (target === undefined) return 'on-track';
  // "at target or better": the mirror image of `worse`, so equality counts as on track.
  const atLeastAsGood = kpi.direction === 'up' ? atMost(target, value) : atMost(value, target);
  return atLeastAsGood ? 'on-track' : 'off-track';
}

/**
 * The worst of several statuses: `off-track`, then `at-risk`, then `on-track`.
 * `no-data` only when none of them has data (or there are none): a program
 * with one KPI on track and one without data is on track, and its status
 * counts (`countStatuses`) show the one without data.
 */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'no-data';
  for (const s of statuses) {
    if (STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(worst)) worst = s;
  }
  return worst;
}

/** How many of `statuses` are in each status (every status present, 0 when none). */
export function countStatuses(statuses: Iterable<Status>): Record<Status, number> {
  const counts: Record<Status, number> = { 'no-data': 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/** True when a reading in this status needs the owner's remediation note: `at-risk` or `off-track`. */
export function needsRemediation(status: Status): boolean {
  return status === 'at-risk' || status === 'off-track';
}
