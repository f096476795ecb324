/**
 * The active sheet as a grid of cells, as Excel shows it: column letters, row
 * numbers, each cell's text, numbers to the right, Plumbline's flags in their
 * fill with a corner mark (never colour alone) and the selection outlined.
 * Click, shift-click, drag, arrow keys and shift+arrow keys select, as a user
 * does in Excel; each selection goes to the simulated Excel, which raises the
 * selection event the pane follows.
 */
import { columnLetters } from '../core/a1';
import { useEffect, useRef, useState } from 'react';
import type { GridView } from './grid-view';
import { contains, moved, spanning, type Cell } from './selection';

const SELECTION = '#217346';
/** The row numbers' column, and what padding and border add to each column's width (web/workbench.html). */
const ROW_HEADER = 26;
const CELL_CHROME = 9;

export interface SheetGridProps {
  view: GridView;
  /** Where the user's selection started and where it reaches. */
  anchor: Cell;
  focus: Cell;
  onSelect(anchor: Cell, focus: Cell): void;
}

/** Text runs on over empty cells to its right, as in Excel (numbers never do). */
function spills(view: GridView, row: number, column: number): boolean {
  const text = view.text[row]?.[column] ?? '';
  return text !== '' && !view.numeric[row]?.[column] && (view.text[row]?.[column + 1] ?? '') === '';
}

// The grid's font (web/workbench.html), without system-ui, which a canvas may resolve to another face.
const FONT = '13px Calibri, "Segoe UI", sans-serif';
let measure: CanvasRenderingContext2D | null | undefined;

/** The text's width in the grid's font, in pixels (a rough estimate where a canvas is not available). */
function textWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 7;
  measure.font = FONT;
  return measure.measureText(text).width;
}

/** Column widths from their widest text that does not run on, as a user would have sized them. */
function columnWidths(view: GridView): number[] {
  return Array.from({ length: view.columns }, (_, c) => {
    const widths = view.text.filter((_, r) => !spills(view, r, c)).map((row) => textWidth(row[c] ?? ''));
    return Math.ceil(Math.min(250, Math.max(32, Math.max(0, ...widths) + 4)));
  });
}

function edges(view: GridView, row: number, column: number): string | undefined {
  const rect = view.selection;
  if (!contains(rect, row, column) || !rect) return undefined;
  const shadows = [
    row === rect.top ? `inset 0 2px 0 ${SELECTION}` : '',
    row === rect.bottom ? `inset 0 -2px 0 ${SELECTION}` : '',
    column === rect.left ? `inset 2px 0 0 ${SELECTION}` : '',
    column === rect.right ? `inset -2px 0 0 ${SELECTION}` : '',
  ].filter(Boolean);
  return shadows.length > 0 ? shadows.join(', ') : undefined;
}

export function SheetGrid({ view, anchor, focus, onSelect }: SheetGridProps): React.JSX.Element {
  const table = useRef<HTMLTableElement>(null);
  const [drag, setDrag] = useState<{ anchor: Cell; focus: Cell } | null>(null);
  const widths = columnWidths(view);
  // A fixed layout needs the table's own width: each column, its padding and border, and the row numbers.
  const tableWidth = widths.reduce((sum, w) => sum + w + CELL_CHROME, ROW_HEADER + CELL_CHROME);
  const shownAnchor = drag?.anchor ?? anchor;
  const shownFocus = drag?.focus ?? focus;
  const preview = drag ? spanning(drag.anchor, drag.focus) : null;

  // The mouse may be released outside the grid: the drag ends wherever it is.
  useEffect(() => {
    if (!drag) return;
    const end = () => {
      setDrag(null);
      onSelect(drag.anchor, drag.focus);
    };
    window.addEventListener('mouseup', end);
    return () => window.removeEventListener('mouseup', end);
  }, [drag, onSelect]);

  // Keyboard focus follows the active cell while the grid has it.
  useEffect(() => {
    const grid = table.current;
    if (!grid?.contains(document.activeElement)) return;
    const cell = grid.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.column}"]`);
    // Scroll only as far as needed, as Excel does (focus() alone may centre the cell).
    cell?.focus({ preventScroll: true });
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focus]);

  function onKeyDown(event: React.KeyboardEvent): void {
    const next = moved(focus, event.key, event.ctrlKey || event.metaKey, view);
    if (!next) return;
    event.preventDefault();
    onSelect(event.shiftKey ? anchor : next, next);
  }

  return (
    <table
      ref={table}
      className="grid"
      role="grid"
      aria-label={`Sheet ${view.activeSheet}`}
      aria-multiselectable="true"
      aria-rowcount={view.rows + 1}
      aria-colcount={view.columns + 1}
      onKeyDown={onKeyDown}
      style={{ width: tableWidth }}
    >
      <colgroup>
        <col style={{ width: ROW_HEADER }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="corner" aria-hidden="true" />
          {widths.map((_, c) => (
            <th
              key={c}
              scope="col"
              className={
                c >= (view.selection?.left ?? -1) && c <= (view.selection?.right ?? -1) ? 'on' : undefined
              }
            >
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.text.map((row, r) => (
          <tr key={r}>
            <th
              scope="row"
              className={
                r >= (view.selection?.top ?? -1) && r <= (view.selection?.bottom ?? -1) ? 'on' : undefined
              }
            >
              {r + 1}
            </th>
            {row.map((text, c) => {
              const flag = view.flags[r]?.[c] ?? null;
              const selected = preview ? contains(preview, r, c) : contains(view.selection, r, c);
              const isFocus = r === shownFocus.row && c === shownFocus.column;
              return (
                <td
                  key={c}
                  role="gridcell"
                  data-cell={`${r}:${c}`}
                  tabIndex={isFocus ? 0 : -1}
                  aria-selected={selected}
                  className={[
                    view.numeric[r]?.[c] ? 'num' : '',
                    spills(view, r, c) ? 'spill' : '',
                    flag ? 'flagged' : '',
                    selected ? 'sel' : '',
                  ].join(' ')}
                  style={{
                    ...(flag ? { background: flag.fill, color: flag.fontColor ?? undefined } : {}),
                    boxShadow: preview ? undefined : edges(view, r, c),
                  }}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    (e.currentTarget as HTMLElement).focus({ preventScroll: true });
                    const start = e.shiftKey ? shownAnchor : { row: r, column: c };
                    setDrag({ anchor: start, focus: { row: r, column: c } });
                  }}
                  onMouseEnter={() => {
                    if (drag) setDrag({ anchor: drag.anchor, focus: { row: r, column: c } });
                  }}
                >
                  {text}
                  {flag && <span className="visually-hidden"> (flagged: differs from the store)</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
