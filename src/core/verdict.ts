/**
 * Verdict of a local value (a linked cell) against the canonical one
 * (DESIGN §2, contract).
 */
import type { ObservationValue } from './api';
import { DEFAULT_TOLERANCE } from './kpi-rules';
import type { Tolerance } from './model';

/** How a local copy compares with the canonical value. */
export type Verdict = 'match' | 'diverged' | 'local-only' | 'canonical-only' | 'unreadable';

/**
 * A local cell's value: a number, `null` for a blank cell (or `-`, `n/a`), or
 * `{ unreadable }` with the cell's text when it cannot be read as a number
 * (`#DIV/0!`, prose). The same shape as an observation's `value`.
 */
export type LocalValue = ObservationValue;

/**
 * The tolerance that applies to a KPI. Why: a KPI's own tolerance replaces the
 * default whole, it is not merged with it; so `{ abs: 0.0005 }` means "no
 * relative slack at all", and a part left out counts as 0.
 */
export function effectiveTolerance(tolerance?: Tolerance | null): { abs: number; rel: number } {
  const t: Tolerance = tolerance ?? DEFAULT_TOLERANCE;
  return { abs: t.abs ?? 0, rel: t.rel ?? 0 };
}

/**
 * True when `local` is within `tolerance` of `canonical`:
 * |local − canonical| ≤ max(abs, rel × |canonical|).
 *
 * Why the extra epsilon: sheet values are often computed (0.1 + 0.2 gives
 * 0.30000000000000004), and with a tolerance of 0 such a value must still match
 * a canonical 0.3. So the difference may also exceed the tolerance by 1e-9
 * relative to the magnitude (at least 1e-9 absolute): far below any real
 * difference between two reported numbers, far above floating-point noise.
 */
export function withinTolerance(local: number, canonical: number, tolerance?: Tolerance | null): boolean {
  const { abs, rel } = effectiveTolerance(tolerance);
  const allowed = Math.max(abs, rel * Math.abs(canonical));
  const epsilon = 1e-9 * Math.max(1, Math.abs(local), Math.abs(canonical));
  return Math.abs(local - canonical) <= allowed + epsilon;
}

/**
 * Verdict of a local value against the canonical one (contract):
 * - local unreadable → `unreadable` (whatever the canonical value);
 * - both numbers → `match` when within tolerance (see `withinTolerance`), else `diverged`;
 * - only the local number → `local-only`; only the canonical one → `canonical-only`;
 * - neither → `null`: there is nothing to compare, so no verdict (an empty
 *   cell for a period nobody has reported yet is not a finding).
 *
 * `tolerance` is the KPI's own; when absent the default `{ rel: 0.005 }` applies.
 * A non-finite local number (which the API never lets in) counts as unreadable.
 */
export function verdictOf(
  local: LocalValue,
  canonical: number | null | undefined,
  tolerance?: Tolerance | null,
): Verdict | null {
  const hasCanonical = typeof canonical === 'number' && Number.isFinite(canonical);
  if (local !== null && typeof local === 'object') return 'unreadable';
  if (typeof local === 'number' && !Number.isFinite(local)) return 'unreadable';
  if (local === null) return hasCanonical ? 'canonical-only' : null;
  if (!hasCanonical) return 'local-only';
  return withinTolerance(local, canonical, tolerance) ? 'match' : 'diverged';
}
