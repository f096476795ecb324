import {
  addContentTypeOverrides,
  addRelationships,
  editWorkbookXml,
  nextRelationshipIds,
  resolveTarget,
  type NewSheetEntry,
  type Relationship,
} from '../../../src/hosts/xlsx/package';
import {
  childElements,
  childrenOf,
  encodeXstring,
  rootElement,
  textOf,
} from '../../../src/hosts/xlsx/xml-text';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const plumblineSheet: NewSheetEntry = {
  name: '_plumbline',
  sheetId: 9,
  relId: 'rId9',
  visibility: 'veryHidden',
  target: 'worksheets/sheet9.xml',
  path: 'xl/worksheets/sheet9.xml',
};

describe('xml-text', () => {
  test('finds elements with exact offsets past comments, CDATA, PIs and > in attributes', () => {
    const xml = `${DECL}<!-- <fake/> --><root a="x>y" b='q"'><?pi <no/>?><one/><two k="1"><![CDATA[<not/>]]><inner>t</inner></two></root>`;
    const root = rootElement(xml);
    expect(root.name).toBe('root');
    expect(root.attrs).toEqual({ a: 'x>y', b: 'q"' });
    const [one, two] = childrenOf(xml, root);
    expect(xml.slice(one?.start, one?.end)).toBe('<one/>');
    expect(xml.slice(two?.start, two?.end)).toBe('<two k="1"><![CDATA[<not/>]]><inner>t</inner></two>');
    expect(two && textOf(xml, two)).toBe('<not/>t');
  });

  test('prefixed names and entity decoding', () => {
    const xml = `<x:a xmlns:x="${MAIN}"><x:b n="&lt;&amp;&#65;&#x42;">&quot;q&apos;</x:b></x:a>`;
    const [b] = childrenOf(xml, rootElement(xml));
    expect(b).toMatchObject({ prefix: 'x', local: 'b', attrs: { n: '<&AB' } });
    expect(b && textOf(xml, b)).toBe(`"q'`);
  });

  test('malformed XML is an error, not a guess', () => {
    expect(() => childElements('<a><b></a>')).toThrow(/Malformed/);
    expect(() => childElements('<a x=1/>')).toThrow(/Malformed/);
  });

  test('spreadsheet text escaping', () => {
    expect(encodeXstring('a\u0001b')).toBe('a_x0001_b');
    expect(encodeXstring('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeXstring('tab\tline\n')).toBe('tab\tline\n');
  });
});

describe('editWorkbookXml', () => {
  const workbook = (inner: string, attrs = `xmlns="${MAIN}" xmlns:r="${REL}"`) =>
    `${DECL}<workbook ${attrs}><workbookPr/>${inner}</workbook>`;
  const sheets = '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>';

  test('adds the sheet at the end of <sheets> and creates <definedNames> before calcPr', () => {
    const before = workbook(`${sheets}<calcPr calcId="1"/>`);
    const after = editWorkbookXml(before, [plumblineSheet], new Set(), [
      { name: 'PL_1', formula: 'Data!$A$1' },
    ]);
    expect(after).toBe(
      workbook(
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="_plumbline" sheetId="9" state="veryHidden" r:id="rId9"/></sheets>' +
          '<definedNames><definedName name="PL_1">Data!$A$1</definedName></definedNames><calcPr calcId="1"/>',
      ),
    );
  });

  test('places <definedNames> after externalReferences and functionGroups', () => {
    const before = workbook(
      `${sheets}<functionGroups/><externalReferences><externalReference r:id="rId5"/></externalReferences><calcPr/>`,
    );
    const after = editWorkbookXml(before, [], new Set(), [{ name: 'PL_1', formula: 'Data!$A$1' }]);
    expect(after).toContain(
      '</externalReferences><definedNames><definedName name="PL_1">Data!$A$1</definedName></definedNames><calcPr/>',
    );
    const noExt = editWorkbookXml(workbook(`${sheets}<functionGroups/><pivotCaches/>`), [], new Set(), [
      { name: 'PL_1', formula: 'Data!$A$1' },
    ]);
    expect(noExt).toContain('<functionGroups/><definedNames>');
  });

  test('keeps the file prefixes: x: for the main namespace, its own prefix for r:id', () => {
    const before = `${DECL}<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Data" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    const after = editWorkbookXml(before, [plumblineSheet], new Set(), [
      { name: 'PL_1', formula: 'Data!$A$1' },
    ]);
    expect(after).toBe(
      `${DECL}<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Data" sheetId="1" rel:id="rId1"/>` +
        '<x:sheet name="_plumbline" sheetId="9" state="veryHidden" rel:id="rId9"/></x:sheets>' +
        '<x:definedNames><x:definedName name="PL_1">Data!$A$1</x:definedName></x:definedNames></x:workbook>',
    );
  });

  test('declares the relationships namespace when the root does not', () => {
    const before = `${DECL}<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const after = editWorkbookXml(before, [plumblineSheet], new Set(), []);
    expect(after).toContain(
      `<sheet name="_plumbline" sheetId="9" state="veryHidden" xmlns:pl_r="${REL}" pl_r:id="rId9"/>`,
    );
  });

  test('replaces and removes workbook-level names only, leaving every other byte', () => {
    const names =
      '<definedNames>\n  <definedName name="PL_1">Data!$A$1</definedName>\n' +
      '  <definedName name="pl_1" localSheetId="0">Data!$B$1</definedName>\n' +
      '  <definedName name="Keep" comment="x">Data!$C$1</definedName>\n</definedNames>';
    const before = workbook(`${sheets}${names}<calcPr/>`);
    const after = editWorkbookXml(before, [], new Set(['pl_1']), [{ name: 'PL_2', formula: "'A & B'!$A$1" }]);
    expect(after).toBe(
      workbook(
        `${sheets}<definedNames>\n  \n  <definedName name="pl_1" localSheetId="0">Data!$B$1</definedName>\n` +
          '  <definedName name="Keep" comment="x">Data!$C$1</definedName>\n' +
          `<definedName name="PL_2">'A &amp; B'!$A$1</definedName></definedNames><calcPr/>`,
      ),
    );
  });

  test('drops <definedNames> when its last name goes, and fills a self-closing one', () => {
    const one = workbook(
      `${sheets}<definedNames><definedName name="PL_1">Data!$A$1</definedName></definedNames><calcPr/>`,
    );
    expect(editWorkbookXml(one, [], new Set(['PL_1']), [])).toBe(workbook(`${sheets}<calcPr/>`));
    const empty = workbook(`${sheets}<definedNames/><calcPr/>`);
    expect(editWorkbookXml(empty, [], new Set(), [{ name: 'PL_1', formula: 'Data!$A$1' }])).toBe(
      workbook(
        `${sheets}<definedNames><definedName name="PL_1">Data!$A$1</definedName></definedNames><calcPr/>`,
      ),
    );
  });

  test('nothing to do leaves the text as it is', () => {
    const before = workbook(`${sheets}<calcPr/>`);
    expect(editWorkbookXml(before, [], new Set(['Nothing']), [])).toBe(before);
  });

  test('escapes sheet names in attributes', () => {
    const after = editWorkbookXml(
      workbook(sheets),
      [{ ...plumblineSheet, name: 'R&D "x"', visibility: 'visible' }],
      new Set(),
      [],
    );
    expect(after).toContain('<sheet name="R&amp;D &quot;x&quot;" sheetId="9" r:id="rId9"/>');
  });
});

describe('relationships and content types', () => {
  test('appends before the closing tag', () => {
    const rels = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a.xml"/></Relationships>`;
    expect(
      addRelationships(rels, [{ id: 'rId2', type: `${REL}/worksheet`, target: 'worksheets/sheet2.xml' }]),
    ).toBe(
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
      ),
    );
    const types = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
    expect(addContentTypeOverrides(types, [{ path: 'xl/worksheets/sheet2.xml', contentType: 'ct' }])).toBe(
      types.replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="ct"/></Types>'),
    );
  });

  test('new relationship ids avoid every used one', () => {
    const rel = (id: string): Relationship => ({
      id,
      type: '',
      kind: '',
      target: '',
      external: false,
      path: undefined,
    });
    expect(nextRelationshipIds([rel('rId1'), rel('rId7'), rel('R9f')], 2)).toEqual(['rId8', 'rId9']);
  });

  test('targets resolve relative to the source part', () => {
    expect(resolveTarget('xl', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl', 'work%20sheets/a.xml')).toBe('xl/work sheets/a.xml');
  });
});
