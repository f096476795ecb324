/**
 * Whether a Plumbline divergence flag holds for a cell's value right now, as
 * Excel would evaluate its conditional format. The simulator records
 * conditional formats without evaluating them (it has no calculation engine),
 * so the workbench evaluates the one formula shape Plumbline writes
 * (`core/divergence-flags.ts`): `AND(ISNUMBER(C7),ABS(C7-(6.7))>0.0335)`.
 * A flag stays live: pull the canonical value into the cell and it clears.
 */

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;
const DIVERGENCE = new RegExp(
  String.raw`^AND\(ISNUMBER\(\$?([A-Z]+)\$?(\d+)\),ABS\(\$?\1\$?\2-\((${NUMBER})\)\)>(${NUMBER})\)$`,
  'i',
);

/**
 * True where the flag's formula holds for `value`; a formula of another shape
 * (a flag written by a later version) counts as holding, so a flag is never hidden.
 */
export function flagHolds(formula: string, value: unknown): boolean {
  const m = DIVERGENCE.exec(formula.replace(/\s+/g, ''));
  if (!m) return true;
  if (typeof value !== 'number') return false;
  const expected = Number(m[3]);
  const allowed = Number(m[4]);
  return Math.abs(value - expected) > allowed;
}
