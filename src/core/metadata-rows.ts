/**
 * The hidden `_plumbline` sheet's rows as every host reads and writes them:
 * text, without trailing blank cells or rows (a sheet has no "end of row", so
 * what was written must read back the same whatever the host pads it with).
 */

/** Cells as text (booleans as a sheet shows them), trailing blanks dropped. */
export function metadataRowsFromCells(
  values: readonly (readonly (string | number | boolean)[])[],
): string[][] {
  const rows = values.map((row) => {
    const cells = row.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** Rows padded with blanks to one width, for writing as one rectangular block. */
export function rectangularRows(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
}
