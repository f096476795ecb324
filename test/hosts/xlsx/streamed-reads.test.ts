/**
 * Reads stream a sheet's part and stop parsing after the last row asked for;
 * the merged areas, written after the cells, are still found, so a covered
 * cell reads as empty however far down the sheet they are listed, and a row
 * written out of order still reads as it does in a whole-sheet read.
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

/** Filler rows 100–`99 + rows`, enough to push what follows into a later chunk of the inflated part. */
const filler = (rows: number) =>
  Array.from({ length: rows }, (_, i) => `<row r="${i + 100}"><c r="A${i + 100}"><v>${i}</v></c></row>`).join(
    '',
  );

async function workbookWithSheet(body: string): Promise<Uint8Array> {
  return withParts(await entriesOf(plainWorkbook()), { 'xl/worksheets/sheet1.xml': sheetXml(body) });
}

test('rows past the last one asked for are not read', async () => {
  // The last row uses an entity XML does not define: parsing it fails, so only a read that stops before it succeeds.
  const host = await openXlsxHost(
    await workbookWithSheet(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
        `${filler(20_000)}<row r="30000"><c r="A30000" t="inlineStr"><is><t>&undefined;</t></is></c></row>`,
    ),
  );
  const [block] = await host.readBlocks([{ sheet: 'Ops', address: 'A1:A2' }]);
  expect(block!.values).toEqual([[1], [2]]);
  // The snapshot reads every row, and so meets the last.
  await expect(host.snapshot()).rejects.toThrow(/sheet1\.xml is not well-formed XML/);
});

describe('a row written out of order reads as in a whole-sheet read', () => {
  const B2 = '<row r="2"><c r="B2"><v>42</v></c></row>';
  test.each([
    ['right after the row that stops the read', `<row r="5"><c r="B5"><v>9</v></c></row>${B2}`],
    ['in a later chunk', `<row r="5"><c r="B5"><v>9</v></c></row>${filler(20_000)}${B2}`],
    [
      'as a cell naming row 2 inside a later row',
      `<row r="5"><c r="B5"><v>9</v></c></row>${filler(20_000)}<row r="30000"><c r="B2"><v>42</v></c></row>`,
    ],
    [
      'in a tag longer than a chunk',
      `<row r="5"><c r="B5"><v>9</v></c></row>${filler(20_000)}` +
        `<row r="2" x="${'a'.repeat(300_000)}"><c r="B2"><v>42</v></c></row>`,
    ],
  ])('%s', async (_, body) => {
    const host = await openXlsxHost(
      await workbookWithSheet(`<row r="1"><c r="A1"><v>1</v></c></row>${body}`),
    );
    const [block] = await host.readBlocks([{ sheet: 'Ops', address: 'A1:B2' }]);
    expect(block!.values).toEqual([
      [1, ''],
      ['', 42],
    ]);
    expect((await host.snapshot()).sheets[0]!.values[1]?.[1]).toBe(42);
  });
});
