/** Formats Plumbline adds to styles.xml take ids no other `<numFmt>` of the file uses. */
import { addCellStyles, PLAIN_STYLE } from '../../../src/hosts/xlsx/styles-xml';
import { stylesXml } from './cell-styles';

const numFmtIds = (xml: string, list: string) =>
  [...(new RegExp(`<${list}[^>]*>(.*?)</${list}>`).exec(xml)?.[1] ?? '').matchAll(/numFmtId="(\d+)"/g)].map(
    (m) => Number(m[1]),
  );

test('a new number format takes an id past those of conditional formats', () => {
  const xml = stylesXml(
    [0, 164],
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>',
    '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="&quot;dxf&quot;0"/></dxf></dxfs>' +
      '<extLst><ext uri="{46F421CA-312F-682f-3DD2-61675219B42D}"><x14:dxfs count="1"><dxf>' +
      '<numFmt numFmtId="170" formatCode="&quot;ext&quot;0"/></dxf></x14:dxfs></ext></extLst>',
  );
  const out = addCellStyles(xml, [
    { ...PLAIN_STYLE, numberFormat: '0.000' },
    { ...PLAIN_STYLE, numberFormat: '0.0%' },
  ]);
  expect(numFmtIds(out.xml, 'numFmts')).toEqual([164, 171]);
  // The cell styles added: the new format, and the existing one reused.
  expect(out.indexes).toEqual([2, 3]);
  expect(numFmtIds(out.xml, 'cellXfs')).toEqual([0, 164, 171, 164]);
  // Nothing else changed.
  expect(out.xml.slice(out.xml.indexOf('<dxfs'))).toBe(xml.slice(xml.indexOf('<dxfs')));
});
