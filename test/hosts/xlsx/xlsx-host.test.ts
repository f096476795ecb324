import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { METADATA_SHEET, type SpreadsheetHost } from '../../../src/hosts/host';
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import { workbookIdName } from '../../../src/hosts/workbook-id';
import { HostError } from '../../../src/hosts/host-error';
import { openXlsxHost, type XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { runHostContract, sampleWorkbook } from '../contract/host-contract';

async function reopen(host: SpreadsheetHost): Promise<SpreadsheetHost> {
  return openXlsxHost(await (host as XlsxHost).save());
}

runHostContract('xlsx', (bytes) => openXlsxHost(bytes), { reopen });

async function partText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async('string');
}

describe('xlsx host: the user sheets are read-only', () => {
  let host: XlsxHost;
  beforeEach(async () => {
    host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
  });

  const refused =
    /saved-workbook host writes only Plumbline's own sheets; open the workbook in Excel or Sheets to write into 'Ops KPIs'/;

  test('writeBlocks into a user sheet is refused, and nothing is written', async () => {
    await host.writeMetadataRows([['plumbline']]);
    await expect(
      host.writeBlocks([
        { sheet: METADATA_SHEET, address: 'B1', values: [['ok']] },
        { sheet: 'Ops KPIs', address: 'M5', values: [[6.5]] },
      ]),
    ).rejects.toThrow(refused);
    expect(await host.readMetadataRows()).toEqual([['plumbline']]);
    const [block] = await host.readBlocks([{ sheet: 'Ops KPIs', address: 'M5' }]);
    expect(block?.values).toEqual([['']]);
  });

  test('the error carries an Office.js-like code', async () => {
    const error = await host
      .writeBlocks([{ sheet: 'ops kpis', address: 'M5', values: [[1]] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('AccessDenied');
    const missing = await host.readBlocks([{ sheet: 'Nope', address: 'A1' }]).catch((e: unknown) => e);
    expect((missing as HostError).code).toBe('ItemNotFound');
  });

  test('replaceSheet over a user sheet is refused', async () => {
    await expect(host.replaceSheet('Ops KPIs', { values: [['x']] })).rejects.toThrow(refused);
    await expect(host.replaceSheet('OPS KPIS', { values: [['x']] })).rejects.toThrow(refused);
  });

  test('flags are refused on user sheets and not written on own sheets', async () => {
    const flag = {
      id: 'f1',
      sheet: 'Ops KPIs',
      address: 'C5:N5',
      formula: 'C5<>_plumbline!B1',
      fill: '#FFC7CE',
    };
    await expect(host.setFlagFormats([flag])).rejects.toThrow(refused);
    await host.writeMetadataRows([['x']]);
    await expect(host.setFlagFormats([{ ...flag, sheet: METADATA_SHEET }])).rejects.toThrow(
      /does not write conditional formats/,
    );
    await expect(host.setFlagFormats([])).resolves.toBeUndefined();
    await expect(host.removeFlagFormats(['f1'])).resolves.toBeUndefined();
    expect(await host.listFlagFormats()).toEqual([]);
  });

  test('a block must match its address', async () => {
    await host.writeMetadataRows([['x']]);
    await expect(
      host.writeBlocks([{ sheet: METADATA_SHEET, address: 'A1:B1', values: [[1]] }]),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/1 × 2/) });
    await expect(
      host.writeBlocks([{ sheet: METADATA_SHEET, address: 'A1', values: [[Number.NaN]] }]),
    ).rejects.toThrow(/finite/);
    await expect(
      host.writeBlocks([{ sheet: METADATA_SHEET, address: 'A:A', values: [[1]] }]),
    ).rejects.toThrow(/not an A1 cell range/);
  });

  test('metadata cells must be strings within Excel limits', async () => {
    await expect(host.writeMetadataRows([[1 as unknown as string]])).rejects.toThrow(/not a string/);
    await expect(host.writeMetadataRows([['x'.repeat(32_768)]])).rejects.toThrow(/32767/);
  });
});

describe('xlsx host: sheets Plumbline creates', () => {
  test('saving twice gives the same file: formats are added to the styles once', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.replaceSheet('Summary', {
      values: [['KPI', 'Value']],
      numberFormats: [['General', '0.0%']],
      fills: [['#1F4E79', '']],
    });
    const styles = async (bytes: Uint8Array) =>
      (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    const first = await styles(await host.save());
    const second = await styles(await host.save());
    expect(second).toBe(first);
  });

  test('replaceSheet writes values and formats into a new visible sheet', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.replaceSheet('Summary', {
      values: [
        ['KPI', 'Value', 'Share', 'When'],
        ['Claims turnaround', 6.7, 0.145, 46296],
        ['=not a formula', true, '', ''],
      ],
      numberFormats: [
        ['General', 'General', 'General', 'General'],
        ['General', '0.00', '0.0%', 'yyyy-mm-dd'],
      ],
      fills: [['#1F4E79', '#1F4E79', '', '']],
      bold: [[true, true, false, false]],
      indents: [[0], [0], [2]],
      columnWidths: [30, 12],
    });
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['Ops KPIs', 'Notes', 'Summary']);
    const saved = await host.save();
    const again = await openXlsxHost(saved);
    const [block] = await again.readBlocks([{ sheet: 'Summary', address: 'A1:D3' }]);
    expect(block?.values).toEqual([
      ['KPI', 'Value', 'Share', 'When'],
      ['Claims turnaround', 6.7, 0.145, 46296],
      ['=not a formula', true, '', ''],
    ]);
    expect(block?.formulas.flat().every((f) => f === '')).toBe(true);
    expect(block?.numberFormats[1]).toEqual(['General', '0.00', '0.0%', 'yyyy-mm-dd']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved) as unknown as ExcelJS.Buffer);
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getCell('A1').font?.bold).toBe(true);
    expect(summary?.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF1F4E79' },
    });
    expect(summary?.getCell('A3').alignment?.indent).toBe(2);
    expect(summary?.getColumn(1).width).toBe(30);
    // The user's sheet still reads as before.
    const [ops] = await again.readBlocks([{ sheet: 'Ops KPIs', address: 'C6' }]);
    expect(ops?.numberFormats).toEqual([['0.0%']]);
  });

  test('styles.xml only grows: the existing styles keep their indexes', async () => {
    const original = sampleWorkbook('ops-monthly.xlsx');
    const host = await openXlsxHost(original);
    await host.replaceSheet('Summary', {
      values: [['x', 1]],
      numberFormats: [['General', '#,##0.0']],
      bold: [[true]],
    });
    const before = await partText(original, 'xl/styles.xml');
    const after = await partText(await host.save(), 'xl/styles.xml');
    expect(after).not.toBe(before);
    const list = (xml: string, tag: string) =>
      new RegExp(`<${tag}\\b[^>]*>(.*?)</${tag}>`, 's').exec(xml)?.[1] ?? '';
    for (const tag of ['fonts', 'fills', 'cellXfs']) {
      expect(list(after, tag).startsWith(list(before, tag))).toBe(true);
    }
  });

  test('a sheet without formats leaves styles.xml untouched', async () => {
    const original = sampleWorkbook('weekly-backlog.xlsx');
    const host = await openXlsxHost(original);
    await host.replaceSheet('Plain', { values: [['a', 1, true]] });
    expect(await partText(await host.save(), 'xl/styles.xml')).toBe(
      await partText(original, 'xl/styles.xml'),
    );
  });

  test('a created sheet can be replaced and written to in the same session', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.replaceSheet('Summary', { values: [['a', 'b', 'c']] });
    await host.replaceSheet('Summary', { values: [['z']] });
    await host.writeBlocks([{ sheet: 'Summary', address: 'B2', values: [[42]], numberFormats: [['0.0']] }]);
    const again = await openXlsxHost(await host.save());
    const [block] = await again.readBlocks([{ sheet: 'Summary', address: 'A1:C2' }]);
    expect(block?.values).toEqual([
      ['z', '', ''],
      ['', 42, ''],
    ]);
    expect(block?.numberFormats[1]?.[1]).toBe('0.0');
  });

  test("a layout's charts are not drawn: the cells they plot are written, no chart or drawing part is added", async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    const values = [
      ['KPI', '2026-09', '2026-10'],
      ['Uptime (%)', 0.996, 0.998],
    ];
    await host.replaceSheet('Summary', {
      values,
      charts: [{ title: 'Trends', type: 'line', source: 'A1:C2', seriesBy: 'rows', position: 'A4:E20' }],
    });
    const saved = await host.save();
    const [block] = await (await openXlsxHost(saved)).readBlocks([{ sheet: 'Summary', address: 'A1:C2' }]);
    expect(block?.values).toEqual(values);
    const parts = Object.keys((await JSZip.loadAsync(saved)).files);
    expect(parts.filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([]);
  });

  test('sheet names follow Excel rules and chart sheets keep theirs', async () => {
    const host = await openXlsxHost(sampleWorkbook('corpus/SimpleScatterChart.xlsx'));
    await expect(host.replaceSheet('a/b', { values: [] })).rejects.toThrow(/cannot contain/);
    await expect(host.replaceSheet('x'.repeat(32), { values: [] })).rejects.toThrow(/1 to 31/);
    await expect(host.replaceSheet('Chart1', { values: [] })).rejects.toThrow(/chart/);
    await expect(host.readBlocks([{ sheet: 'Chart1', address: 'A1' }])).rejects.toThrow(/chart sheet/);
  });
});

describe('xlsx host: names and identity', () => {
  test('the workbook id lives in a defined name and is not listed as a link', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'), {
      fileName: '/data/packs/ops-monthly.xlsx',
    });
    const info = await host.workbookInfo();
    expect(info.name).toBe('ops-monthly.xlsx');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const saved = await host.save();
    const workbookXml = await partText(saved, 'xl/workbook.xml');
    const idName = workbookIdName(info.id);
    expect(workbookXml).toContain(`<definedName name="${idName.name}">_plumbline!$A$1</definedName>`);
    // Saving created the hidden sheet the id refers to.
    const again = await openXlsxHost(saved);
    expect((await again.listSheets()).map((s) => s.name)).toContain(METADATA_SHEET);
    expect(await again.listNames()).toEqual([]);
    expect(await again.readMetadataRows()).toEqual([]);
    expect((await host.snapshot()).names).toContainEqual(idName);
  });

  test('the id survives its reference breaking', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    const { id } = await host.workbookInfo();
    const zip = await JSZip.loadAsync(await host.save());
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    zip.file('xl/workbook.xml', xml.replace('_plumbline!$A$1', '#REF!'));
    const broken = await openXlsxHost(await zip.generateAsync({ type: 'uint8array' }));
    expect((await broken.workbookInfo()).id).toBe(id);
  });

  test('names are compared without case, as Excel does', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    await host.setNames([{ name: 'pl_1', sheet: 'ops kpis', address: '$c$6:$n$6' }]);
    expect(await host.listNames()).toEqual([{ name: 'pl_1', sheet: 'Ops KPIs', address: 'C6:N6' }]);
    const xml = await partText(await host.save(), 'xl/workbook.xml');
    expect(xml.match(/<definedName /g)).toHaveLength(1);
    expect(xml).toContain(`<definedName name="pl_1">'Ops KPIs'!$C$6:$N$6</definedName>`);
  });

  test('invalid names and the id name are refused', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    for (const name of ['1PL', 'A1', 'PL 1', 'R1C1', 'TRUE', '']) {
      await expect(host.setNames([{ name, sheet: 'Ops KPIs', address: 'A1' }])).rejects.toThrow(
        /not a valid defined name/,
      );
    }
    const idName = workbookIdName('0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6').name;
    await expect(host.setNames([{ name: idName, sheet: 'Ops KPIs', address: 'A1' }])).rejects.toThrow(
      /reserved/,
    );
  });

  test('a user name with the same name is replaced, others stay, sheet-scoped names are untouched', async () => {
    const zip = await JSZip.loadAsync(sampleWorkbook('ops-monthly.xlsx'));
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const names =
      `<definedNames><definedName name="PL_1">Notes!$A$1</definedName>` +
      `<definedName name="PL_1" localSheetId="0">'Ops KPIs'!$A$1</definedName>` +
      `<definedName name="Rate">0.2</definedName>` +
      `<definedName name="Mine">'Ops KPIs'!$B$5:$B$9</definedName></definedNames>`;
    zip.file('xl/workbook.xml', xml.replace('</sheets>', `</sheets>${names}`));
    const host = await openXlsxHost(await zip.generateAsync({ type: 'uint8array' }));
    expect(await host.listNames()).toEqual([
      { name: 'PL_1', sheet: 'Notes', address: 'A1' },
      { name: 'Mine', sheet: 'Ops KPIs', address: 'B5:B9' },
    ]);
    await host.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    const saved = await partText(await host.save(), 'xl/workbook.xml');
    expect(saved).toContain(
      `<definedNames><definedName name="PL_1" localSheetId="0">'Ops KPIs'!$A$1</definedName>` +
        `<definedName name="Rate">0.2</definedName>` +
        `<definedName name="Mine">'Ops KPIs'!$B$5:$B$9</definedName>` +
        `<definedName name="PL_1">'Ops KPIs'!$C$5:$N$5</definedName></definedNames>`,
    );
  });

  test('deleting the last name removes <definedNames>', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    const withName = await openXlsxHost(await host.save());
    await withName.deleteNames(['PL_1']);
    const xml = await partText(await withName.save(), 'xl/workbook.xml');
    expect(xml).not.toContain('definedName');
    expect(xml).toBe(await partText(sampleWorkbook('ops-monthly.xlsx'), 'xl/workbook.xml'));
  });
});

describe('xlsx host: snapshot and save', () => {
  test('snapshot shows pending changes and is a copy', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.writeMetadataRows([['a', 'b']]);
    await host.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    const snap = await host.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Ops KPIs', 'visible'],
      ['Notes', 'visible'],
      [METADATA_SHEET, 'veryHidden'],
    ]);
    expect(snap.sheets[2]?.values).toEqual([['a', 'b']]);
    expect(snap.names).toEqual([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    (snap.sheets[2]?.values[0] as string[])[0] = 'changed';
    expect(await host.readMetadataRows()).toEqual([['a', 'b']]);
  });

  test('the saved file reads back the same through readWorkbook', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.writeMetadataRows([['a', 'b']]);
    await host.setNames([{ name: 'PL_1', sheet: 'Ops KPIs', address: 'C5:N5' }]);
    expect(await readWorkbook(await host.save())).toEqual(await host.snapshot());
  });

  test('saving twice gives the same parts; saving an unchanged workbook changes nothing', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.writeMetadataRows([['a']]);
    await host.workbookInfo();
    const first = await JSZip.loadAsync(await host.save());
    const second = await JSZip.loadAsync(await host.save());
    expect(Object.keys(second.files)).toEqual(Object.keys(first.files));
    for (const name of Object.keys(first.files)) {
      expect(await second.file(name)?.async('string')).toEqual(await first.file(name)?.async('string'));
    }
    const reopened = await openXlsxHost(await first.generateAsync({ type: 'uint8array' }));
    const third = await JSZip.loadAsync(await reopened.save());
    for (const name of Object.keys(first.files)) {
      expect(await third.file(name)?.async('string')).toEqual(await first.file(name)?.async('string'));
    }
  });

  test('a workbook whose metadata sheet exists is rewritten in place', async () => {
    const host = await openXlsxHost(sampleWorkbook('ops-monthly.xlsx'));
    await host.writeMetadataRows([['one'], ['two']]);
    const once = await host.save();
    const again = await openXlsxHost(once);
    await again.writeMetadataRows([['three']]);
    const twice = await again.save();
    const entries = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes)).files).sort();
    expect(await entries(twice)).toEqual(await entries(once));
    expect(await (await openXlsxHost(twice)).readMetadataRows()).toEqual([['three']]);
    const xml = await partText(twice, 'xl/workbook.xml');
    expect(xml.match(/name="_plumbline"/g)).toHaveLength(1);
  });
});
