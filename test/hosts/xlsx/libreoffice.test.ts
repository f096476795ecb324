/**
 * A real spreadsheet application reads what the saved-workbook host writes.
 * Headless LibreOffice converts the original and the saved workbooks (one
 * invocation for all files) to one CSV per sheet: the user's sheets must read
 * the same, and `_plumbline` must hold the metadata rows as text. A second
 * invocation re-saves the saved workbooks as .xlsx — LibreOffice writes its own
 * workbook.xml — and the links (defined names), the workbook id and the metadata
 * must come through.
 *
 * LibreOffice is required: without it this test fails with the command to install it.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { METADATA_SHEET } from '../../../src/hosts/host';
import { openXlsxHost } from '../../../src/hosts/xlsx/xlsx-host';

const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc';
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'workbooks');
const WORKBOOKS = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, 'corpus', f)),
];
/** One CSV per sheet (the last option, -1), UTF-8, raw values rather than as shown. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const METADATA = [
  ['plumbline', 'links', '1'],
  ['PL_1', 'series', 'claims.turnaround', '=SUM(A1)', '+1', '-x', '@foo', '=1+1'],
  ['PL_2', 'cell', 'a,b', 'say "hi"', 'Données €', ' padded '],
];

function findSoffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [
    process.env.SOFFICE,
    ...dirs.map((d) => join(d, 'soffice')),
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Rows without trailing empty cells and without trailing empty rows. */
function trimRows(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    const cells = [...r];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

interface Prepared {
  base: string;
  id: string;
  firstSheet: string;
}

describe('LibreOffice reads what the xlsx host writes', () => {
  let work = '';
  let csvDir = '';
  let xlsxDir = '';
  const prepared: Prepared[] = [];

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) {
      throw new Error(
        `LibreOffice (soffice) is needed for this test and was not found. Install it: ${INSTALL}`,
      );
    }
    work = mkdtempSync(join(tmpdir(), 'plumbline-lo-'));
    const inDir = join(work, 'in');
    csvDir = join(work, 'csv');
    xlsxDir = join(work, 'xlsx');
    for (const dir of [inDir, csvDir, xlsxDir]) mkdirSync(dir);

    // File names end in `__` so one workbook's name is never the start of another's
    // (LibreOffice names each CSV `<file>-<sheet>.csv`).
    for (const path of WORKBOOKS) {
      const base = basename(path, '.xlsx');
      const host = await openXlsxHost(new Uint8Array(readFileSync(path)), { fileName: path });
      const firstSheet = (await host.listSheets())[0]?.name ?? '';
      await host.setNames([
        { name: 'PL_1', sheet: firstSheet, address: 'A1:B2' },
        { name: 'PL_2', sheet: firstSheet, address: 'C3' },
      ]);
      await host.writeMetadataRows(METADATA);
      const { id } = await host.workbookInfo();
      writeFileSync(join(inDir, `saved__${base}__.xlsx`), await host.save());
      copyFileSync(path, join(inDir, `orig__${base}__.xlsx`));
      prepared.push({ base, id, firstSheet });
    }

    const profile = pathToFileURL(join(work, 'profile')).href;
    const convert = (format: string, outDir: string, files: string[]) => {
      const run = spawnSync(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format,
          '--outdir',
          outDir,
          ...files,
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      if (run.status !== 0) {
        throw new Error(
          `soffice --convert-to ${format} failed (${run.status ?? run.signal}): ${run.stderr}${run.stdout}`,
        );
      }
    };
    const inputs = readdirSync(inDir).map((f) => join(inDir, f));
    convert(CSV_FILTER, csvDir, inputs);
    convert(
      'xlsx',
      xlsxDir,
      inputs.filter((f) => basename(f).startsWith('saved__')),
    );
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const sheetCsvs = (prefix: string): Map<string, string> => {
    const out = new Map<string, string>();
    for (const f of readdirSync(csvDir)) {
      if (f.startsWith(`${prefix}-`) && f.endsWith('.csv')) {
        out.set(f.slice(prefix.length + 1, -'.csv'.length), readFileSync(join(csvDir, f), 'utf8'));
      }
    }
    return out;
  };

  test.each(WORKBOOKS.map((p) => basename(p, '.xlsx')))('%s: the user sheets read the same', (base) => {
    const original = sheetCsvs(`orig__${base}__`);
    const saved = sheetCsvs(`saved__${base}__`);
    expect(original.size).toBeGreaterThan(0);
    expect([...saved.keys()].sort()).toEqual([...original.keys(), METADATA_SHEET].sort());
    for (const [sheet, csv] of original) expect({ sheet, csv: saved.get(sheet) }).toEqual({ sheet, csv });
  });

  test.each(WORKBOOKS.map((p) => basename(p, '.xlsx')))(
    '%s: _plumbline holds the metadata as text',
    (base) => {
      const csv = sheetCsvs(`saved__${base}__`).get(METADATA_SHEET);
      expect(csv).toBeDefined();
      expect(trimRows(parseCsv(csv ?? ''))).toEqual(METADATA);
    },
  );

  test.each(WORKBOOKS.map((p) => basename(p, '.xlsx')))(
    '%s: names, id and metadata survive LibreOffice re-saving the file',
    async (base) => {
      const info = prepared.find((p) => p.base === base) as Prepared;
      const bytes = new Uint8Array(readFileSync(join(xlsxDir, `saved__${base}__.xlsx`)));
      const host = await openXlsxHost(bytes);
      expect(await host.listNames()).toEqual(
        expect.arrayContaining([
          { name: 'PL_1', sheet: info.firstSheet, address: 'A1:B2' },
          { name: 'PL_2', sheet: info.firstSheet, address: 'C3' },
        ]),
      );
      expect((await host.workbookInfo()).id).toBe(info.id);
      expect(await host.readMetadataRows()).toEqual(METADATA);
      // LibreOffice knows no "very hidden": the sheet comes back hidden, never shown.
      const meta = (await host.listSheets()).find((s) => s.name === METADATA_SHEET);
      expect(['hidden', 'veryHidden']).toContain(meta?.visibility);
    },
  );
});
