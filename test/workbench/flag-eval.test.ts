/**
 * The workbench shows a flag where Excel would: Plumbline's divergence rule
 * evaluated on the cell's current value, so a corrected cell loses its flag.
 */
import { divergenceFlag } from '../../src/core/divergence-flags';
import type { CellVerdict } from '../../src/core/reconcile';
import { flagHolds } from '../../src/workbench/flag-eval';

describe('flagHolds', () => {
  const rule = 'AND(ISNUMBER(L5),ABS(L5-(6.7))>0.0335)';

  test('holds while the number is outside the tolerance', () => {
    expect(flagHolds(rule, 6.4)).toBe(true);
    expect(flagHolds(rule, 6.7)).toBe(false);
    expect(flagHolds(rule, 6.72)).toBe(false);
  });

  test('a blank or text cell is not flagged, as ISNUMBER says', () => {
    expect(flagHolds(rule, '')).toBe(false);
    expect(flagHolds(rule, 'n/a')).toBe(false);
  });

  test("reads core's own rule, and keeps a rule of another shape visible", () => {
    const cell = { verdict: 'diverged', canonical: 0.738, scale: 0.01, sheet: 'Ops KPIs', address: 'H8' };
    const flag = divergenceFlag(cell as CellVerdict, { abs: 0.0005 })!;
    expect(flagHolds(flag.formula, 74)).toBe(true);
    expect(flagHolds(flag.formula, 73.8)).toBe(false);
    expect(flagHolds('H8>1', 0)).toBe(true);
  });
});
