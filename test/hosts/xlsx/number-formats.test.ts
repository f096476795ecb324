/**
 * A cell's number format comes from the stylesheet's own `<numFmts>`: the
 * formats of conditional formats (`<dxfs>`, and those in `extLst`) may use the
 * same ids for other formats and must not replace them.
 */
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { stylesXml, workbookWith } from './cell-styles';

const NUM_FMTS = '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>';
const DXFS =
  '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="&quot;dxf&quot;0"/></dxf></dxfs>' +
  '<extLst><ext uri="{46F421CA-312F-682f-3DD2-61675219B42D}"><x14:dxfs count="1"><dxf>' +
  '<numFmt numFmtId="164" formatCode="&quot;ext&quot;0"/></dxf></x14:dxfs></ext></extLst>';

test('conditional formats with the same id do not replace a cell format', async () => {
  const bytes = await workbookWith(
    '<row r="1"><c r="A1" s="1"><v>0.25</v></c></row>',
    stylesXml([0, 164], NUM_FMTS, DXFS),
  );
  expect((await readWorkbook(bytes)).sheets[0]!.numberFormats).toEqual([['0.0%']]);
  const [block] = await (await openXlsxHost(bytes)).readBlocks([{ sheet: 'Ops', address: 'A1' }]);
  expect(block!.numberFormats).toEqual([['0.0%']]);
});

test("a cell of style 0 has cellXfs[0]'s format, whatever is read with it", async () => {
  const bytes = await workbookWith(
    '<row r="1"><c r="A1"><v>45306</v></c><c r="B1" s="1"><v>3</v></c></row>',
    stylesXml([14, 0]),
  );
  const host = await openXlsxHost(bytes);
  const [alone, both] = await host.readBlocks([
    { sheet: 'Ops', address: 'A1' },
    { sheet: 'Ops', address: 'A1:B1' },
  ]);
  expect(alone!.numberFormats).toEqual([['mm-dd-yy']]);
  expect(both!.numberFormats).toEqual([['mm-dd-yy', 'General']]);
  const [first] = await (await openXlsxHost(bytes)).readBlocks([{ sheet: 'Ops', address: 'A1' }]);
  expect(first!.numberFormats).toEqual([['mm-dd-yy']]);
  expect((await readWorkbook(bytes)).sheets[0]!.numberFormats).toEqual([['mm-dd-yy', 'General']]);
});
