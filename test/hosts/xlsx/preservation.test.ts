/**
 * Whatever Plumbline writes into a user's workbook, every other part of the file
 * comes out byte for byte as it went in — charts, chart sheets, pivot caches,
 * drawings, printer settings and all. Run over every sample and corpus workbook.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_SHEET } from '../../../src/hosts/host';
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import { workbookIdName } from '../../../src/hosts/workbook-id';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { childElements, rootElement } from '../../../src/hosts/xlsx/xml-text';
import { sampleWorkbook } from '../contract/host-contract';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'workbooks');
const WORKBOOKS = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => `corpus/${f}`),
];

const METADATA = [
  ['plumbline', 'links', '1'],
  ['PL_1', 'series', 'claims.turnaround', '=SUM(A1)', '+1', '-x', '@foo'],
];

interface Saved {
  original: JSZip;
  saved: JSZip;
  bytes: Uint8Array;
  id: string;
  firstSheet: string;
}

async function saveWithLinks(file: string): Promise<Saved> {
  const input = sampleWorkbook(file);
  const host = await openXlsxHost(input, { fileName: file });
  const firstSheet = (await host.listSheets())[0]?.name;
  if (!firstSheet) throw new Error(`${file} has no worksheet`);
  await host.setNames([
    { name: 'PL_1', sheet: firstSheet, address: 'A1:B2' },
    { name: 'PL_2', sheet: firstSheet, address: 'C3' },
  ]);
  await host.writeMetadataRows(METADATA);
  const { id } = await host.workbookInfo();
  const bytes = await host.save();
  return {
    original: await JSZip.loadAsync(input),
    saved: await JSZip.loadAsync(bytes),
    bytes,
    id,
    firstSheet,
  };
}

const files = (zip: JSZip) =>
  Object.keys(zip.files)
    .filter((name) => !zip.files[name]?.dir)
    .sort();
const text = async (zip: JSZip, name: string) => (await zip.file(name)?.async('string')) ?? '';

describe.each(WORKBOOKS)('%s', (file) => {
  let result: Saved;
  beforeAll(async () => {
    result = await saveWithLinks(file);
  });

  test('only the owned parts change; every other part is byte-identical', async () => {
    const { original, saved } = result;
    const before = files(original);
    const after = files(saved);
    const added = after.filter((name) => !before.includes(name));
    expect(before.every((name) => after.includes(name))).toBe(true);
    // Exactly one new part: the _plumbline worksheet (and no folder entries).
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(Object.keys(saved.files).filter((n) => saved.files[n]?.dir)).toEqual(
      Object.keys(original.files).filter((n) => original.files[n]?.dir),
    );
    const owned = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    const changed: string[] = [];
    for (const name of before) {
      const a = await original.file(name)?.async('uint8array');
      const b = await saved.file(name)?.async('uint8array');
      if (!a || !b || Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) changed.push(name);
    }
    expect(changed.sort()).toEqual([...owned].sort());
  });

  test('the owned parts parse, and their original text is kept', async () => {
    const { original, saved } = result;
    const newPart = files(saved).find((name) => !original.file(name)) as string;
    for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', newPart]) {
      const xml = await text(saved, name);
      expect(() => childElements(xml)).not.toThrow();
      expect(childElements(xml)).toHaveLength(1);
    }
    const sheetXml = await text(saved, newPart);
    expect(rootElement(sheetXml).local).toBe('worksheet');
    expect(sheetXml).toContain('<c r="D2" t="inlineStr"><is><t>=SUM(A1)</t></is></c>');
    expect(sheetXml).not.toContain('<f>');
    // Relationships and content types: the original text up to the closing tag, then our additions.
    for (const name of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const before = await text(original, name);
      const after = await text(saved, name);
      expect(after.startsWith(before.slice(0, before.lastIndexOf('</')))).toBe(true);
    }
    expect(await text(saved, '[Content_Types].xml')).toContain(`PartName="/${newPart}"`);
    // workbook.xml: take out what Plumbline added and the original is back.
    const before = await text(original, 'xl/workbook.xml');
    const after = await text(saved, 'xl/workbook.xml');
    const stripped = after
      .replace(/<(\w+:)?sheet name="_plumbline"[^>]*\/>/, '')
      .replace(/<(\w+:)?definedName name="(PL_\d+|PLUMBLINE_ID_[0-9a-f]+)">[^<]*<\/(\w+:)?definedName>/g, '')
      .replace(/<(\w+:)?definedNames><\/(\w+:)?definedNames>/, '');
    expect(stripped).toBe(before);
  });

  test('exceljs reads the names, the hidden sheet and its rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.bytes) as unknown as ExcelJS.Buffer);
    const meta = workbook.getWorksheet(METADATA_SHEET);
    expect(meta?.state).toBe('veryHidden');
    expect(meta?.getRow(2).getCell(4).value).toBe('=SUM(A1)');
    expect(meta?.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.String);
    const names = workbook.definedNames.model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['PL_1', 'PL_2', workbookIdName(result.id).name]));
  });

  test('readWorkbook and a reopened host read the names and metadata', async () => {
    const snapshot = await readWorkbook(result.bytes);
    expect(snapshot.names).toEqual(
      expect.arrayContaining([
        { name: 'PL_1', sheet: result.firstSheet, address: 'A1:B2' },
        { name: 'PL_2', sheet: result.firstSheet, address: 'C3' },
      ]),
    );
    const meta = snapshot.sheets.find((s) => s.name === METADATA_SHEET);
    expect(meta?.visibility).toBe('veryHidden');
    expect(meta?.values[1]?.slice(0, 7)).toEqual(METADATA[1]);
    expect(meta?.formulas.flat().every((f) => f === '')).toBe(true);

    const again = await openXlsxHost(result.bytes);
    expect(await again.readMetadataRows()).toEqual(METADATA);
    expect((await again.workbookInfo()).id).toBe(result.id);
    expect(await again.listNames()).toEqual(
      expect.arrayContaining([
        { name: 'PL_1', sheet: result.firstSheet, address: 'A1:B2' },
        { name: 'PL_2', sheet: result.firstSheet, address: 'C3' },
      ]),
    );
  });

  test('the user sheets read the same as before', async () => {
    const before = await readWorkbook(sampleWorkbook(file));
    const after = await readWorkbook(result.bytes);
    expect(after.sheets.filter((s) => s.name !== METADATA_SHEET)).toEqual(before.sheets);
  });
});
