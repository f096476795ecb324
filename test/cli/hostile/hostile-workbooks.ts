/**
 * Small builders of the hostile workbooks of issue 11 (3): a plain workbook
 * written part by part, and the ways a file can attack its reader, made by
 * swapping one part (or cutting the file). Nothing big is committed: each file
 * is built when the test runs.
 */
import JSZip from 'jszip';
import { crc32, deflateRawSync, constants, inflateRawSync } from 'node:zlib';
import { deflatedEntry, writeZip, type RawEntry } from './zip-writer';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Two KPIs × January–March 2026, as `seedPackTruth` has them. */
export const KPIS = ['ops.fte', 'claims.turnaround_days'] as const;
export const VALUES: Record<string, number[]> = {
  'ops.fte': [452, 448, 447],
  'claims.turnaround_days': [8.1, 7.9, 7.6],
};
/** Excel serials of 1 January, February, March 2026. */
const MONTH_SERIALS = [46023, 46054, 46082];

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';
export const SST_PATH = 'xl/sharedStrings.xml';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;');

type CellOverride = (k: number, m: number) => string | undefined;

/** The period header in row `r` (1-based): `B<r>:D<r>`, dates formatted `mmm-yy`. */
function headerRow(r: number, override: (m: number) => string | undefined = () => undefined): string {
  return (
    `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c>` +
    MONTH_SERIALS.map((s, m) => override(m) ?? `<c r="${'BCD'[m]}${r}" s="1"><v>${s}</v></c>`).join('') +
    '</row>'
  );
}

/** The two KPI rows from row `first`; `override` may write a value cell otherwise. */
function kpiRows(first: number, override: CellOverride = () => undefined): string {
  return KPIS.map((kpi, k) => {
    const r = first + k;
    const cells = VALUES[kpi]!.map((v, m) => override(k, m) ?? `<c r="${'BCD'[m]}${r}"><v>${v}</v></c>`);
    return `<row r="${r}"><c r="A${r}" t="s"><v>${k + 1}</v></c>${cells.join('')}</row>`;
  }).join('');
}

export function sheetXml(body: string): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body}</sheetData></worksheet>`;
}

const SST = `${DECL}<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>KPI</t></si><si><t>ops.fte</t></si><si><t>claims.turnaround_days</t></si></sst>`;

const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function workbookXml(sheetName: string, names = ''): string {
  return (
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    `<sheet name="${xmlAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets>${names}</workbook>`
  );
}

/** The parts of a one-sheet workbook whose sheet part is `sheet` (text, or an entry built elsewhere). */
export function workbookParts(sheetName: string, sheet: string | RawEntry, names = ''): RawEntry[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry('xl/workbook.xml', workbookXml(sheetName, names)),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    typeof sheet === 'string' ? deflatedEntry(SHEET_PATH, sheet) : sheet,
    deflatedEntry('xl/styles.xml', STYLES),
    deflatedEntry(SST_PATH, SST),
  ];
}

/** The plain workbook: header in row 1 (`B1:D1`), the KPIs in rows 2–3 (`B2:D3`). */
export function plainWorkbook(sheetName = 'Ops', names = ''): Buffer {
  return writeZip(workbookParts(sheetName, sheetXml(headerRow(1) + kpiRows(2)), names));
}

/**
 * 1,000,000 rows: the header in row 1, filler in rows 2–999,998, the KPIs in
 * rows 999,999 and 1,000,000 (`B999999:D1000000`).
 */
export function millionRowWorkbook(): Buffer {
  const chunks: string[] = [`${DECL}<worksheet xmlns="${MAIN}"><sheetData>`, headerRow(1)];
  for (let r = 2; r < 999_999; r++) {
    chunks.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c><c r="C${r}"><v>2</v></c></row>`,
    );
  }
  chunks.push(kpiRows(999_999));
  chunks.push('</sheetData></worksheet>');
  const bytes = Buffer.from(chunks.join(''), 'utf8');
  const entry: RawEntry = {
    name: SHEET_PATH,
    compressed: deflateRawSync(bytes, { level: 1 }),
    crc: crc32(bytes),
    size: bytes.length,
  };
  return writeZip(workbookParts('Ops', entry));
}

/**
 * A part that inflates to about `megabytes` MB inside a worksheet from about
 * a thousandth of that: one deflated megabyte, repeated. The megabyte is
 * whitespace, or with `markup` empty elements (which a parser gives events
 * for, so only a count of what was inflated stops it). `declared` makes the
 * central directory lie about the inflated size.
 */
export function bombEntry(name: string, megabytes: number, declared?: number, markup = false): RawEntry {
  const head = Buffer.from(`${DECL}<worksheet xmlns="${MAIN}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const element = `<ext uri="${'x'.repeat(112)}"/>`;
  const block = markup
    ? Buffer.from(element.repeat((1 << 20) / element.length))
    : Buffer.alloc(1 << 20, 0x20);
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const headZ = deflateRawSync(head, flush);
  const blockZ = deflateRawSync(block, flush);
  const tailZ = deflateRawSync(tail);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const size = head.length + megabytes * block.length + tail.length;
  return {
    name,
    compressed: Buffer.concat([headZ, ...Array.from({ length: megabytes }, () => blockZ), tailZ]),
    crc,
    size: declared ?? size,
  };
}

/** Billion laughs: ten entities, each ten of the one before, used in a cell of the linked block. */
export function xmlBombSheet(): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) {
    entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  }
  return sheetXml(
    headerRow(1) +
      kpiRows(2, (k, m) =>
        k === 0 && m === 0 ? '<c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c>' : undefined,
      ),
  ).replace(DECL, `${DECL}<!DOCTYPE worksheet [${entities.join('')}]>`);
}

/** A shared-string table whose fourth string is /etc/passwd, if a reader fetched external entities. */
export function externalEntityStrings(): string {
  return SST.replace(DECL, `${DECL}<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`).replace(
    '</sst>',
    '<si><t>&xxe;</t></si></sst>',
  );
}

/**
 * The plain sheet with B1 (in the header `link` reads) and B2 (in the values
 * `reconcile` reads) the fourth shared string: the external entity's.
 */
export function sheetUsingString3(): string {
  return sheetXml(
    headerRow(1, (m) => (m === 0 ? '<c r="B1" t="s"><v>3</v></c>' : undefined)) +
      kpiRows(2, (k, m) => (k === 0 && m === 0 ? '<c r="B2" t="s"><v>3</v></c>' : undefined)),
  );
}

/** The package's workbook.xml with an external entity in its sheet's name. */
function externalEntityWorkbook(entries: Map<string, RawEntry>): string {
  const entry = entries.get('xl/workbook.xml')!;
  const xml = inflateRawSync(entry.compressed).toString('utf8');
  return xml
    .replace(DECL, `${DECL}<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
    .replace(/<sheet name="([^"]*)"/, '<sheet name="$1&xxe;"');
}

/** Bytes that are not XML in any encoding. */
export function notXml(): Buffer {
  return Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
}

/** The entries of a workbook (one written by Plumbline, say), to rebuild it with some swapped. */
export async function entriesOf(bytes: Uint8Array): Promise<Map<string, RawEntry>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, RawEntry>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name]!;
    if (file.dir) continue;
    out.set(name, deflatedEntry(name, Buffer.from(await file.async('uint8array'))));
  }
  return out;
}

/** Rebuilds a package with `swap` applied (a part replaced, by text or as an entry). */
export function withParts(
  entries: Map<string, RawEntry>,
  swap: Record<string, string | Buffer | RawEntry>,
): Buffer {
  const next = new Map(entries);
  for (const [name, part] of Object.entries(swap)) {
    next.set(name, typeof part === 'string' || Buffer.isBuffer(part) ? deflatedEntry(name, part) : part);
  }
  return writeZip([...next.values()]);
}

/** The text of one part of a package. */
export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
}

/** `_plumbline` edited by hand: the header kept, the record's fields turned to nonsense. */
export function nonsenseMetadataSheet(): string {
  const row = (r: number, cells: string[]) =>
    `<row r="${r}">${cells
      .map((text, c) => `<c r="${'ABCDEFGHIJ'[c]}${r}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`)
      .join('')}</row>`;
  return sheetXml(
    row(1, ['plumbline', 'link-format', '1']) +
      row(2, [
        'record',
        'name',
        'id',
        'layout',
        'orientation',
        'kpiIds',
        'periodsName',
        'period',
        'scale',
        'fiscalYearStartMonth',
      ]) +
      row(3, ['link', 'PL_1', '¯\\_(ツ)_/¯', 'banana', 'sideways', '', 'PL_9_P', '2026-13', 'lots', '13']) +
      row(4, ['=1/0', '{"not": json', '']),
  );
}

export interface HostileCase {
  name: string;
  /** The hostile file, from a good one's entries (and bytes). */
  build(entries: Map<string, RawEntry>, bytes: Buffer): Buffer;
  /** What the refusal must say. */
  message: RegExp;
}

/** The files every reader must refuse, whichever parts it reads: each attacks the linked sheet or what it needs. */
export const REFUSED: HostileCase[] = [
  {
    name: 'a zip bomb (a 1 GB sheet from 1 MB)',
    build: (e) => withParts(e, { [SHEET_PATH]: bombEntry(SHEET_PATH, 1024) }),
    message: /says it inflates 1010× .*zip bomb/,
  },
  {
    name: 'a zip bomb of whitespace whose directory says 70 KB',
    build: (e) => withParts(e, { [SHEET_PATH]: bombEntry(SHEET_PATH, 1024, 70_000) }),
    message: /run of more than 4,000,000 characters without markup.*zip bomb/,
  },
  {
    name: 'a zip bomb of markup whose directory says 70 KB',
    build: (e) => withParts(e, { [SHEET_PATH]: bombEntry(SHEET_PATH, 256, 70_000, true) }),
    message: /inflates more than 250× .*zip bomb/,
  },
  {
    name: 'an XML bomb (billion laughs)',
    build: (e) => withParts(e, { [SHEET_PATH]: xmlBombSheet() }),
    message: /declares a DTD/,
  },
  {
    name: 'an external entity (file:///etc/passwd)',
    build: (e) => withParts(e, { [SST_PATH]: externalEntityStrings(), [SHEET_PATH]: sheetUsingString3() }),
    message: /declares a DTD/,
  },
  {
    name: 'an external entity in workbook.xml',
    build: (e) => withParts(e, { 'xl/workbook.xml': externalEntityWorkbook(e) }),
    message: /xl\/workbook.xml declares a DTD/,
  },
  {
    name: 'a sheet part that is not XML',
    build: (e) => withParts(e, { [SHEET_PATH]: notXml() }),
    message: /not well-formed XML/,
  },
  {
    name: 'a truncated zip',
    build: (_, bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.6)),
    message: /truncated or damaged/,
  },
];
