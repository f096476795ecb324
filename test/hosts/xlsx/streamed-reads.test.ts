/**
 * Reads stream a sheet's part and stop parsing after the last row asked for;
 * the merged areas, written after the cells, are still found, so a covered
 * cell reads as empty however far down the sheet they are listed, and a row
 * written out of order still reads as it does in a whole-sheet read.
 */
import { MAX_MERGES } from '../../../src/hosts/xlsx/worksheet-reader';
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

describe('merged areas', () => {
  const ROW1 = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>5</v></c></row>';
  const mergeCells = (refs: string[]) =>
    `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
  /** The sheet with `body` as its rows and `after` just after `</sheetData>`. */
  const workbook = async (body: string, after: string) =>
    withParts(await entriesOf(plainWorkbook()), {
      'xl/worksheets/sheet1.xml': sheetXml(body).replace('</sheetData>', `</sheetData>${after}`),
    });

  test.each([
    ['a comment', `${ROW1}${filler(20_000)}`, '<!-- <mergeCell ref="A1:B1"/> -->'],
    [
      'CDATA in a later cell',
      `${ROW1}${filler(20_000)}<row r="30000"><c r="A30000" t="inlineStr"><is><t><![CDATA[<mergeCell ref="A1:B1"/>]]></t></is></c></row>`,
      '',
    ],
    ['a comment in the same chunk', ROW1, '<!-- <mergeCell ref="A1:B1"/> -->'],
  ])('a <mergeCell> inside %s is not a merged area', async (_, body, after) => {
    const host = await openXlsxHost(await workbook(body, after));
    const [block] = await host.readBlocks([{ sheet: 'Ops', address: 'A1:B1' }]);
    expect(block!.values).toEqual([[1, 5]]);
    expect((await host.snapshot()).sheets[0]!.values[0]).toEqual([1, 5]);
  });

  /** `n` two-cell merged areas in column D, from row 3 down. */
  const manyMerges = (n: number) => Array.from({ length: n }, (_, i) => `D${i + 3}:E${i + 3}`);

  test(`a read keeps only the merged areas over its ranges, at most ${MAX_MERGES.toLocaleString('en')}`, async () => {
    const bytes = await workbook(ROW1, mergeCells(['A1:B1', ...manyMerges(MAX_MERGES)]));
    const host = await openXlsxHost(bytes);
    const [block] = await host.readBlocks([{ sheet: 'Ops', address: 'A1:B2' }]);
    expect(block!.values).toEqual([
      [1, ''],
      ['', ''],
    ]);
    await expect(host.readBlocks([{ sheet: 'Ops', address: 'A1:E200000' }])).rejects.toThrow(
      `'Ops' has more than 100,000 merged areas in the ranges read, more than a read takes.`,
    );
    await expect(host.snapshot()).rejects.toThrow(
      /^'Ops' has more than 100,000 merged areas, more than a whole-workbook read takes; plumbline link and reconcile/,
    );
  });

  test('merged areas that overlap past what can be checked are refused', async () => {
    const host = await openXlsxHost(await workbook(ROW1, mergeCells(['A1:C3', 'A1:C2', 'A2:C3'])));
    const refusal =
      "'Ops' lists merged areas that overlap one another, which Excel does not allow: the file is damaged.";
    await expect(host.readBlocks([{ sheet: 'Ops', address: 'A1:C3' }])).rejects.toThrow(refusal);
    await expect(host.snapshot()).rejects.toThrow(refusal);
  });

  test('a whole-sheet read blanks every covered cell and keeps its format', async () => {
    const body =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="1"><v>3</v></c></row>' +
      '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><f>A1</f><v>1</v></c><c r="C2"><v>6</v></c></row>';
    const sheet = (await openXlsxHost(await workbook(body, mergeCells(['A1:A2', 'B1:C2'])))).snapshot();
    expect((await sheet).sheets[0]).toMatchObject({
      values: [
        [1, 2, ''],
        ['', '', ''],
      ],
      formulas: [
        ['', '', ''],
        ['', '', ''],
      ],
      numberFormats: [
        ['General', 'General', 'mmm-yy'],
        ['General', 'General', 'General'],
      ],
    });
  });
});
