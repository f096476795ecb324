/**
 * Issue 11 (3), the workbench's side: a file the user uploads is opened by
 * `openWorkbookBytes` (the saved-workbook host's reader under the simulator).
 * The hostile files are refused with a message the page shows ("Cannot open
 * x.xlsx: …") instead of hanging or crashing the tab; the unusual but honest
 * ones open.
 */
import { METADATA_SHEET } from '../../src/hosts/host';
import { openWorkbookBytes } from '../../src/workbench/workbook-files';
import {
  entriesOf,
  millionRowWorkbook,
  nonsenseMetadataSheet,
  plainWorkbook,
  REFUSED,
  withParts,
} from '../cli/hostile/hostile-workbooks';

jest.setTimeout(120_000);

describe.each(REFUSED)('$name', ({ build, message }) => {
  test('is refused in words', async () => {
    const bytes = plainWorkbook();
    const file = build(await entriesOf(bytes), bytes);
    await expect(openWorkbookBytes(file, 'upload.xlsx')).rejects.toThrow(message);
  });
});

test('a sheet of 1,000,000 rows is refused as more than the workbench holds', async () => {
  await expect(openWorkbookBytes(millionRowWorkbook(), 'big.xlsx')).rejects.toThrow(
    /more than 1,000,000 filled cells.*plumbline link and reconcile read only the linked ranges/,
  );
});

test('a sheet name with quotes and unicode opens under its name', async () => {
  const sheet = `R&D Q1 'Ops' “Ω” — Zürich 東京`;
  const sim = await openWorkbookBytes(plainWorkbook(sheet), 'quoted.xlsx');
  const snapshot = sim.snapshot();
  expect(snapshot.sheets.map((s) => s.name)).toEqual([sheet]);
  expect(snapshot.sheets[0]!.values[1]).toEqual(['ops.fte', 452, 448, 447]);
});

test('a defined name pointing at another file opens, without that name', async () => {
  // The same sheet and range, in another file: not this workbook's Ops!B2:D3.
  const names = '<definedNames><definedName name="Elsewhere">[1]Ops!$B$2:$D$3</definedName></definedNames>';
  const sim = await openWorkbookBytes(plainWorkbook('Ops', names), 'external.xlsx');
  expect(sim.snapshot().names).toEqual([]);
});

test('_plumbline rows edited into nonsense open as the cells they are (the pane judges them)', async () => {
  const entries = await entriesOf(plainWorkbook(METADATA_SHEET));
  const bytes = withParts(entries, { 'xl/worksheets/sheet1.xml': nonsenseMetadataSheet() });
  const sim = await openWorkbookBytes(bytes, 'nonsense.xlsx');
  const [sheet] = sim.snapshot().sheets;
  expect(sheet?.name).toBe(METADATA_SHEET);
  expect(sheet?.values[2]?.slice(3, 5)).toEqual(['banana', 'sideways']);
});
