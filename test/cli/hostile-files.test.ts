/**
 * Issue 11 (3): hostile files against the real `plumbline link` and
 * `plumbline reconcile`, as child processes against a real store. Each ends
 * in a clear message and exit 2 — or, for the million-row sheet and the
 * unusual sheet name, the correct answer — within 60 s (the child is killed
 * past that) and 512 MB peak resident memory (the child's own maxRSS, written
 * at exit by a preloaded observer, hostile/report-peak.js),
 * and a refused file is left byte for byte as it was.
 *
 * Each case was seen to fail against a deliberately broken build (and the
 * same breaks fail test/workbench/hostile-upload.test.ts): no declared-size
 * check → the honest zip bomb; no count of what is inflated → the markup bomb
 * (jszip then notices the lie only after inflating it all); no cap on a run
 * without markup → the whitespace bomb (and ~390 MB peak); DTDs let through
 * the stream parser → billion laughs and the shared strings' entity; through
 * workbook.xml's reader → its entity (the name read as `Ops&xxe;`); XML errors
 * ignored → the part that is not XML; jszip's own error passed on → the
 * truncated zip; sheets read whole as before → the million rows (1.1 GB
 * peak); attribute entities left encoded → the odd sheet name; an external
 * reference read as local → the name pointing at another file (reconcile
 * exits 0 on the wrong data); saves dropping names they do not own → link
 * and that name; LinkFormatError not turned into the command's message → the
 * nonsense rows; every part recompressed on save → the carried bomb (2.2 GB).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPackTruth } from '../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../store/api/test-server';
import {
  bombEntry,
  entriesOf,
  millionRowWorkbook,
  nonsenseMetadataSheet,
  partText,
  plainWorkbook,
  REFUSED,
  VALUES,
  withParts,
} from './hostile/hostile-workbooks';
import { BIN, type CliRun } from './run-cli';
import type { RawEntry } from './hostile/zip-writer';

jest.setTimeout(600_000);

const MAX_MS = 60_000;
const MAX_RSS_KB = 512 * 1024;
const KPI_ARGS = ['--kpi', 'ops.fte,claims.turnaround_days'];

interface Measured extends CliRun {
  peakKb: number;
}

let server: TestServer;
let dir: string;
let store: string[];
let plain: { bytes: Buffer; entries: Map<string, RawEntry> };
let linked: { bytes: Buffer; entries: Map<string, RawEntry>; metadataPath: string; valuesName: string };
let n = 0;
/** What each run ended in, printed at the end for the README's reliability figures. */
const seen: string[] = [];

const REPORT_PEAK = join(__dirname, 'hostile/report-peak.js');

/** Runs the CLI, reporting its peak memory, killed if it runs past {@link MAX_MS}. */
function measured(args: string[]): Promise<Measured> {
  const peakFile = join(dir, `peak-${++n}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', REPORT_PEAK, BIN, ...args], {
      env: { ...process.env, PLUMBLINE_TEST_PEAK_FILE: peakFile },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, MAX_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (killed) {
        reject(new Error(`plumbline ${args[0]} did not end within ${MAX_MS / 1000} s`));
        return;
      }
      if (!existsSync(peakFile)) {
        reject(new Error(`plumbline ${args[0]} crashed (${code}): ${stderr}`));
        return;
      }
      const peakKb = Number(readFileSync(peakFile, 'utf8'));
      const said = (stderr || stdout).split('\n')[0]?.slice(0, 200);
      seen.push(
        `${args[0]} ${args[1]?.replace(/.*\//, '')}: exit ${code}, peak ${Math.round(peakKb / 1024)} MB: ${said}`,
      );
      resolve({ code, stdout, stderr, peakKb });
    });
  });
}

function write(name: string, bytes: Buffer): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

const linkArgs = (file: string, values = 'B2:D3', periods = 'B1:D1', sheet = 'Ops') => [
  'link',
  file,
  '--sheet',
  sheet,
  '--values',
  values,
  '--periods',
  periods,
  ...KPI_ARGS,
  ...store,
];

/** Runs a command that must refuse the file: exit 2, the message, the limits, the file unchanged. */
async function expectRefusal(args: string[], file: string, message: RegExp): Promise<Measured> {
  const before = readFileSync(file);
  const run = await measured(args);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  expect(run.stderr).toMatch(new RegExp(`^plumbline ${args[0]}: `));
  // No stack trace, no half-read content.
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
  expect(run.peakKb).toBeLessThan(MAX_RSS_KB);
  expect(readFileSync(file).equals(before)).toBe(true);
  return run;
}

interface JsonCell {
  kpiId: string;
  period: string;
  sheet: string;
  address: string;
  local: number | null;
  verdict: string;
}

/** Every linked cell matches the truth: the two KPIs × January–March. */
function expectCorrect(cells: JsonCell[], sheet: string): void {
  expect(cells).toHaveLength(6);
  for (const c of cells) {
    expect(c).toMatchObject({ sheet, verdict: 'match' });
    expect(c.local).toBe(VALUES[c.kpiId]![Number(c.period.slice(5)) - 1]);
  }
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  dir = mkdtempSync(join(tmpdir(), 'plumbline-hostile-'));
  store = ['--server', server.url, '--token', server.tokens.ana!];
  const bytes = plainWorkbook();
  plain = { bytes, entries: await entriesOf(bytes) };
  const file = write('linked.xlsx', bytes);
  const run = await measured(linkArgs(file));
  if (run.code !== 0) throw new Error(`linking the base workbook failed: ${run.stderr}`);
  const linkedBytes = readFileSync(file);
  const entries = await entriesOf(linkedBytes);
  const workbook = await partText(linkedBytes, 'xl/workbook.xml');
  const valuesName = /<definedName name="(PL_\d+)">/.exec(workbook)?.[1];
  const metadataPath = [...entries.keys()].find((e) => /^xl\/worksheets\/sheet[2-9]\.xml$/.test(e));
  if (!valuesName || !metadataPath) throw new Error(`the linked base has no link: ${workbook}`);
  linked = { bytes: linkedBytes, entries, metadataPath, valuesName };
});

afterAll(async () => {
  console.log(seen.join('\n'));
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(REFUSED)('$name', ({ build, message }) => {
  test('plumbline link refuses it', async () => {
    const file = write('hostile.xlsx', build(plain.entries, plain.bytes));
    await expectRefusal(linkArgs(file), file, message);
  });

  test('plumbline reconcile refuses it', async () => {
    const file = write('hostile-linked.xlsx', build(linked.entries, linked.bytes));
    const run = await expectRefusal(['reconcile', file, '--json', ...store], file, message);
    expect(run.stderr).not.toMatch(/root:/);
  });
});

describe('a zip bomb in a part Plumbline does not read', () => {
  test('link carries it through as its compressed bytes, never inflating it', async () => {
    const bomb = bombEntry('xl/media/bomb.xml', 1024);
    const file = write('carried.xlsx', withParts(plain.entries, { 'xl/media/bomb.xml': bomb }));
    const link = await measured(linkArgs(file));
    expect({ code: link.code, stderr: link.stderr }).toEqual({ code: 0, stderr: '' });
    expect(link.peakKb).toBeLessThan(MAX_RSS_KB);
    expect(readFileSync(file).indexOf(bomb.compressed)).toBeGreaterThan(0);
  });
});

describe('a sheet of 1,000,000 rows', () => {
  test('link and reconcile give the correct answer', async () => {
    const file = write('million.xlsx', millionRowWorkbook());
    const link = await measured(linkArgs(file, 'B999999:D1000000'));
    expect({ code: link.code, stderr: link.stderr }).toEqual({ code: 0, stderr: '' });
    expect(link.stdout).toMatch(/^Linked Ops!B999999:D1000000 \(grid, 6 cells\)/);
    expect(link.peakKb).toBeLessThan(MAX_RSS_KB);

    const reconcile = await measured(['reconcile', file, '--json', ...store]);
    expect({ code: reconcile.code, stderr: reconcile.stderr }).toEqual({ code: 0, stderr: '' });
    const cells = JSON.parse(reconcile.stdout) as JsonCell[];
    expectCorrect(cells, 'Ops');
    expect(cells.map((c) => c.address).sort()).toEqual(
      ['B999999', 'B1000000', 'C999999', 'C1000000', 'D999999', 'D1000000'].sort(),
    );
    expect(reconcile.peakKb).toBeLessThan(MAX_RSS_KB);
  });
});

describe('a sheet name with quotes and unicode', () => {
  const sheet = `R&D Q1 'Ops' “Ω” — Zürich 東京`;

  test('link and reconcile give the correct answer', async () => {
    const file = write('quoted.xlsx', plainWorkbook(sheet));
    const link = await measured(linkArgs(file, 'B2:D3', 'B1:D1', sheet));
    expect({ code: link.code, stderr: link.stderr }).toEqual({ code: 0, stderr: '' });
    const reconcile = await measured(['reconcile', file, '--json', ...store]);
    expect({ code: reconcile.code, stderr: reconcile.stderr }).toEqual({ code: 0, stderr: '' });
    expectCorrect(JSON.parse(reconcile.stdout) as JsonCell[], sheet);
  });
});

describe('a defined name pointing at another file', () => {
  const external = '<definedName name="Elsewhere">[1]Sheet1!$A$1</definedName>';

  test('link leaves it alone and links', async () => {
    const file = write(
      'external-name.xlsx',
      plainWorkbook('Ops', `<definedNames>${external}</definedNames>`),
    );
    const link = await measured(linkArgs(file));
    expect({ code: link.code, stderr: link.stderr }).toEqual({ code: 0, stderr: '' });
    expect(await partText(readFileSync(file), 'xl/workbook.xml')).toContain(external);
  });

  test("reconcile says a link's range went to another file", async () => {
    const workbook = (await partText(linked.bytes, 'xl/workbook.xml')).replace(
      new RegExp(`(<definedName name="${linked.valuesName}">)[^<]*`),
      // The same sheet and range, in another file: reading this workbook's Ops!B2:D3 would be wrong.
      '$1[1]Ops!$B$2:$D$3',
    );
    const file = write('external-link.xlsx', withParts(linked.entries, { 'xl/workbook.xml': workbook }));
    await expectRefusal(['reconcile', file, ...store], file, new RegExp(linked.valuesName));
  });
});

describe('_plumbline rows edited by hand into nonsense', () => {
  let file: string;
  beforeAll(() => {
    file = write(
      'nonsense.xlsx',
      withParts(linked.entries, { [linked.metadataPath]: nonsenseMetadataSheet() }),
    );
  });

  test('reconcile says what is wrong with them', async () => {
    await expectRefusal(['reconcile', file, ...store], file, /_plumbline sheet: unknown layout "banana"/);
  });

  test('link refuses to write over them', async () => {
    await expectRefusal(
      linkArgs(file),
      file,
      /nothing was written:\n.*_plumbline sheet: unknown layout "banana"/,
    );
  });
});
