/**
 * Reads stream a sheet's part and stop parsing after the last row asked for;
 * the merged areas, written after the cells, are still found, so a covered
 * cell reads as empty however far down the sheet they are listed.
 */
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { entriesOf, plainWorkbook, sheetXml, withParts } from '../../cli/hostile/hostile-workbooks';

async function workbookWithMergeAfter(rows: number): Promise<Uint8Array> {
  const filler = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c></row>`,
  );
  const sheet = sheetXml(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>merged</t></is></c><c r="B1"><v>5</v></c></row>' +
      '<row r="2"><c r="B2"><v>7</v></c></row>' +
      filler.join(''),
  ).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  return withParts(await entriesOf(plainWorkbook()), { 'xl/worksheets/sheet1.xml': sheet });
}

test.each([0, 10, 200_000])('a merge listed after %i more rows still covers the cells read', async (rows) => {
  const host = await openXlsxHost(await workbookWithMergeAfter(rows));
  const [top, both] = await host.readBlocks([
    { sheet: 'Ops', address: 'A1:B1' },
    { sheet: 'Ops', address: 'A1:B2' },
  ]);
  expect(top!.values).toEqual([['merged', '']]);
  expect(both!.values).toEqual([
    ['merged', ''],
    ['', 7],
  ]);
});

test('rows past the last one asked for are not read', async () => {
  const host = await openXlsxHost(await workbookWithMergeAfter(10));
  const [block] = await host.readBlocks([{ sheet: 'Ops', address: 'A3:A4' }]);
  expect(block!.values).toEqual([[0], [1]]);
  // The snapshot reads every row.
  const sheet = (await host.snapshot()).sheets[0]!;
  expect(sheet.values).toHaveLength(12);
  expect(sheet.values[11]?.[0]).toBe(9);
});
