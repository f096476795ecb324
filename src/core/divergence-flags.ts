/**
 * The flags a reconcile leaves in the sheet: one conditional format per
 * diverging cell that compares the cell with the canonical value, so the flag
 * stays live while people edit (it goes away when the cell is corrected) and
 * works with the pane closed, in every host.
 *
 * Why the canonical value is a constant in the rule rather than a reference to
 * the hidden sheet (DESIGN §4's other option): Google Sheets' conditional
 * formats cannot refer to another sheet without INDIRECT, and the `_plumbline`
 * rows are text; a constant works the same in Excel, Sheets and a saved file.
 * The pane refreshes the flags when readings land.
 */
import type { CellVerdict } from './reconcile';
import type { Tolerance } from './model';
import { effectiveTolerance } from './verdict';

/** Plumbline's flag colours: a light orange fill with dark red text (contrast 6.9:1). */
export const FLAG_FILL = '#FCE4D6';
export const FLAG_FONT = '#9C0006';

/** Every divergence flag's id starts so; the user's own formats never do. */
export const DIVERGENCE_FLAG_PREFIX = 'diverged:';

export interface DivergenceFlag {
  id: string;
  sheet: string;
  address: string;
  /** Relative to the flagged cell, without `=`. */
  formula: string;
  fill: string;
  fontColor: string;
}

/** The flag of one cell: true while the cell holds a number outside the KPI's tolerance. */
export function divergenceFlag(cell: CellVerdict, tolerance: Tolerance | undefined): DivergenceFlag | null {
  if (cell.verdict !== 'diverged' || cell.canonical === null) return null;
  const { abs, rel } = effectiveTolerance(tolerance);
  // The rule compares the cell as typed, so the canonical value and the tolerance go to the cell's scale.
  const scale = cell.scale === 0 ? 1 : cell.scale;
  const expected = number(cell.canonical / scale);
  const allowed = number(Math.max(abs, rel * Math.abs(cell.canonical)) / Math.abs(scale));
  return {
    id: flagId(cell),
    sheet: cell.sheet,
    address: cell.address,
    formula: `AND(ISNUMBER(${cell.address}),ABS(${cell.address}-(${expected}))>${allowed})`,
    fill: FLAG_FILL,
    fontColor: FLAG_FONT,
  };
}

/** The flags of every diverging cell of a reconcile. */
export function divergenceFlags(
  cells: readonly CellVerdict[],
  tolerances: ReadonlyMap<string, Tolerance | undefined>,
): DivergenceFlag[] {
  return cells.flatMap((cell) => divergenceFlag(cell, tolerances.get(cell.kpiId)) ?? []);
}

export function flagId(cell: Pick<CellVerdict, 'sheet' | 'address'>): string {
  return `${DIVERGENCE_FLAG_PREFIX}${cell.sheet}!${cell.address}`;
}

/** The cell a divergence flag marks, read back from its id. */
export function flagCellOf(id: string): { sheet: string; address: string } | undefined {
  if (!isDivergenceFlag(id)) return undefined;
  const ref = id.slice(DIVERGENCE_FLAG_PREFIX.length);
  const bang = ref.lastIndexOf('!');
  return bang > 0 ? { sheet: ref.slice(0, bang), address: ref.slice(bang + 1) } : undefined;
}

export function isDivergenceFlag(id: string): boolean {
  return id.startsWith(DIVERGENCE_FLAG_PREFIX);
}

/** A number as a formula constant: 15 significant digits, no exponent noise from binary fractions. */
function number(value: number): string {
  return String(Number(value.toPrecision(15)));
}
