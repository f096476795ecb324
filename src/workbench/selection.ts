/**
 * The grid's selection as a user makes it: an anchor cell (where a click or a
 * keyboard move started) and a focus cell (where shift-click or shift+arrow
 * took it); the selected range spans both, as in Excel.
 */
import type { CellRect } from '../core/a1';

export interface Cell {
  row: number;
  column: number;
}

export function spanning(anchor: Cell, focus: Cell): CellRect {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.column, focus.column),
    right: Math.max(anchor.column, focus.column),
  };
}

export function contains(rect: CellRect | null, row: number, column: number): boolean {
  return (
    rect !== null && row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right
  );
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The cell a key moves to within the shown grid, or undefined for a key that does not move. */
export function moved(
  cell: Cell,
  key: string,
  ctrl: boolean,
  size: { rows: number; columns: number },
): Cell | undefined {
  if (key === 'Home') return { row: ctrl ? 0 : cell.row, column: 0 };
  if (key === 'End' && ctrl) return { row: size.rows - 1, column: size.columns - 1 };
  const step = MOVES[key];
  if (!step) return undefined;
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
  return {
    row: clamp(cell.row + step[0], size.rows),
    column: clamp(cell.column + step[1], size.columns),
  };
}
