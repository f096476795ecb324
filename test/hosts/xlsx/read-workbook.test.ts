import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/hosts/workbook-snapshot';
import { sampleWorkbook } from '../contract/host-contract';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rewrites one part of a package as text. */
async function editPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(path)?.async('string')) ?? '';
  zip.file(path, edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

function sheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = snapshot.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('readWorkbook: cells as Range.values gives them', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Cells');
    ws.getCell('A1').value = 'plain';
    ws.getCell('B1').value = { richText: [{ text: 'rich ', font: { bold: true } }, { text: 'text' }] };
    ws.getCell('C1').value = { text: 'Plumbline', hyperlink: 'https://example.com' };
    ws.getCell('D1').value = { error: '#DIV/0!' };
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = false;
    ws.getCell('A2').value = new Date(Date.UTC(2026, 10, 30));
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    ws.getCell('B2').value = { formula: 'A2+1', result: new Date(Date.UTC(2026, 11, 1)) };
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('D2').value = { formula: 'A1&"x"', result: 'plainx' };
    ws.getCell('E2').value = { formula: 'E1', result: true };
    ws.getCell('F2').value = { formula: 'NOW()' };
    ws.getCell('A3').value = 1;
    ws.getCell('B3').value = {
      formula: 'A3*2',
      result: 2,
      shareType: 'shared',
      ref: 'B3:B5',
    } as ExcelJS.CellValue;
    ws.getCell('B4').value = { sharedFormula: 'B3', result: 4 } as ExcelJS.CellValue;
    ws.getCell('B5').value = { sharedFormula: 'B3', result: 6 } as ExcelJS.CellValue;
    ws.getCell('A4').value = 2;
    ws.getCell('A5').value = 3;
    ws.getCell('C3').value = { formula: '_xlfn.XLOOKUP(1,A3:A5,B3:B5)', result: 2 };
    ws.getCell('D3').value = 'tab_x0009_and _x005F_x0041_';
    ws.getCell('A6').value = 'Merged';
    ws.mergeCells('A6:C7');
    ws.getCell('E6').numFmt = '0.0%';
    workbook.addWorksheet('Hidden', { state: 'hidden' });
    workbook.addWorksheet('VeryHidden', { state: 'veryHidden' });
    snapshot = await readWorkbook(await bytesOf(workbook));
  });

  test('text, rich text, hyperlinks, errors and booleans', () => {
    expect(sheet(snapshot, 'Cells').values[0]).toEqual([
      'plain',
      'rich text',
      'Plumbline',
      '#DIV/0!',
      true,
      false,
    ]);
  });

  test('dates and formula results', () => {
    const cells = sheet(snapshot, 'Cells');
    expect(cells.values[1]).toEqual([46356, 46357, '#DIV/0!', 'plainx', true, '']);
    expect(cells.formulas[1]).toEqual(['', '=A2+1', '=1/0', '=A1&"x"', '=E1', '=NOW()']);
    expect(cells.numberFormats[1]?.slice(0, 2)).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd']);
  });

  test('shared formulas are resolved per cell and _xlfn. prefixes dropped', () => {
    const cells = sheet(snapshot, 'Cells');
    expect(cells.formulas.slice(2, 5).map((row) => row[1])).toEqual(['=A3*2', '=A4*2', '=A5*2']);
    expect(cells.values.slice(2, 5).map((row) => row[1])).toEqual([2, 4, 6]);
    expect(cells.formulas[2]?.[2]).toBe('=XLOOKUP(1,A3:A5,B3:B5)');
  });

  test('escaped characters in stored text are decoded', () => {
    expect(sheet(snapshot, 'Cells').values[2]?.[3]).toBe('tab\tand _x0041_');
  });

  test('a merged area holds its value in the top-left cell only', () => {
    const cells = sheet(snapshot, 'Cells');
    expect(cells.values.slice(5, 7).map((row) => row.slice(0, 3))).toEqual([
      ['Merged', '', ''],
      ['', '', ''],
    ]);
  });

  test('an empty cell keeps its number format; General when it has none', () => {
    const cells = sheet(snapshot, 'Cells');
    expect(cells.values[5]?.[4]).toBe('');
    expect(cells.numberFormats[5]?.[4]).toBe('0.0%');
    expect(cells.numberFormats[0]?.[0]).toBe('General');
  });

  test('dense arrays from A1 to the bottom-right of the used range', () => {
    const cells = sheet(snapshot, 'Cells');
    expect(cells.values).toHaveLength(7);
    for (const grid of [cells.values, cells.formulas, cells.numberFormats]) {
      for (const row of grid) expect(row).toHaveLength(6);
    }
    expect(sheet(snapshot, 'Hidden').values).toEqual([]);
  });

  test('sheet visibility', () => {
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Cells', 'visible'],
      ['Hidden', 'hidden'],
      ['VeryHidden', 'veryHidden'],
    ]);
  });
});

describe('readWorkbook: defined names', () => {
  test('workbook-level single-range names only, without $', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ops KPIs').getCell('A1').value = 1;
    workbook.addWorksheet("Bob's");
    workbook.addWorksheet('Data');
    const base = await bytesOf(workbook);
    const names = [
      `<definedName name="PL_1">'Ops KPIs'!$C$5:$N$9</definedName>`,
      `<definedName name="PL_2">'Bob''s'!$B$2</definedName>`,
      `<definedName name="Plain">Data!A1:B2</definedName>`,
      `<definedName name="Scoped" localSheetId="0">'Ops KPIs'!$A$1</definedName>`,
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Ops KPIs'!$A$1:$N$13</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" hidden="1">Data!$A$1:$C$3</definedName>`,
      `<definedName name="TwoAreas">'Ops KPIs'!$A$1,'Ops KPIs'!$B$2</definedName>`,
      `<definedName name="Constant">0.2</definedName>`,
      `<definedName name="Text">"hello"</definedName>`,
      `<definedName name="Broken">#REF!</definedName>`,
      `<definedName name="External">[1]Sheet1!$A$1</definedName>`,
      `<definedName name="Columns">Data!$A:$A</definedName>`,
      `<definedName name="Table">Table1[Amount]</definedName>`,
      `<definedName name="NoSheet">Gone!$A$1</definedName>`,
      `<definedName name="ThreeD">'Ops KPIs:Data'!$A$1</definedName>`,
      `<definedName name="Amp">Data!$A$1&amp;""</definedName>`,
    ].join('');
    const bytes = await editPart(base, 'xl/workbook.xml', (xml) =>
      xml
        .replace(/<definedNames\/>|<definedNames>.*?<\/definedNames>/s, '')
        .replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`),
    );
    const snapshot = await readWorkbook(bytes);
    expect(snapshot.names).toEqual([
      { name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N9' },
      { name: 'PL_2', sheet: "Bob's", address: 'B2' },
      { name: 'Plain', sheet: 'Data', address: 'A1:B2' },
    ]);
  });

  test('the corpus: a structured-reference name is skipped', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('corpus/DataValidationEvaluations.xlsx'));
    expect(snapshot.names).toEqual([]);
  });
});

describe('readWorkbook: real files', () => {
  test('a 1904-system workbook gives its stored serials', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('S');
    ws.getCell('A1').value = 44561;
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const bytes = await editPart(await bytesOf(workbook), 'xl/workbook.xml', (xml) =>
      xml.replace(/<workbookPr([^>]*)\/>/, '<workbookPr$1 date1904="1"/>'),
    );
    expect(sheet(await readWorkbook(bytes), 'S').values).toEqual([[44561]]);
  });

  test('serials before 1900-03-01 (the leap-year bug) come back unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('S');
    [1, 59, 60, 61, 0.5].forEach((v, i) => {
      ws.getCell(1, i + 1).value = v;
      ws.getCell(1, i + 1).numFmt = 'yyyy-mm-dd';
    });
    const bytes = await editPart(await bytesOf(workbook), 'xl/worksheets/sheet1.xml', (xml) => xml);
    expect(sheet(await readWorkbook(bytes), 'S').values).toEqual([[1, 59, 60, 61, 0.5]]);
  });

  test('times of day are exact fractions', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('corpus/DataValidationEvaluations.xlsx'));
    const cells = sheet(snapshot, 'Sheet1');
    expect(cells.values[0]?.[8]).toBe(36161);
    expect(cells.values[2]?.[8]).toBe(0.375);
    expect(cells.values[3]?.[8]).toBe(14 / 24);
    expect(cells.values[1]?.[2]).toBe(true);
  });

  test('worksheet parts with names exceljs does not look for (Sheet1.xml)', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('corpus/123233_charts.xlsx'));
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Page1_1', 'visible'],
      ['data_Page1_1_1', 'hidden'],
      ['data_Page1_1_2', 'hidden'],
      ['data_Page1_1_3', 'hidden'],
      ['data_Page1_1_4', 'hidden'],
    ]);
    expect(sheet(snapshot, 'data_Page1_1_2').values[1]).toEqual(['Camping Equipment', 1589036664.03]);
  });

  test('chart sheets are not worksheets', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('corpus/SimpleScatterChart.xlsx'));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(sheet(snapshot, 'Sheet1').values).toEqual([
      ['X', 'Y'],
      [0, 0.5],
      [1, 1.5],
    ]);
  });

  test('shared formulas in a real file', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('corpus/NewStyleConditionalFormattings.xlsx'));
    const cf = sheet(snapshot, 'CF');
    expect(cf.formulas[1]?.slice(2, 6)).toEqual(['=$A2', '=$A2', '=$A2', '=$A2']);
    expect(cf.formulas[2]?.[3]).toBe('=$A3');
  });

  test('the sample packs', async () => {
    const snapshot = await readWorkbook(sampleWorkbook('finance-quarterly.xlsx'));
    expect(sheet(snapshot, 'Q-Pack').values[4]).toEqual([
      'Claims cost (EUR k)',
      '24,310',
      '23,980',
      '(1,250)',
      '22,740',
      '22,100',
    ]);
  });
});
