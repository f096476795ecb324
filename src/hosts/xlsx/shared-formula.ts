/**
 * A shared formula as one of its cells reads it: the master cell's formula
 * with its relative references moved by the cell's offset from the master
 * (`A3*2` in B3 is `A4*2` in B4). Follows exceljs's `slideFormula`, which
 * this host read formulas with before, so a formula reads as it always did.
 */
import { columnIndex, columnLetters } from '../../core/a1';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  return formula.replace(
    CANDIDATE,
    (whole, sheet: string | undefined, _sheetName: string, part: string, paren: string | undefined) => {
      if (paren) return whole;
      const m = CELL.exec(part);
      if (!m) return whole;
      const letters = m[2]!.toUpperCase();
      // Past XFD it is a name, not a column.
      if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return whole;
      const col = columnIndex(letters) + (m[1] ? 0 : to.col - from.col);
      const row = Number(m[4]) + (m[3] ? 0 : to.row - from.row);
      return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
    },
  );
}
