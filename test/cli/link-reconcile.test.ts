/**
 * `plumbline link` and `plumbline reconcile` on the sample workbooks, as an
 * analyst would run them against a real store: the ranges a person would link,
 * and the verdicts a careful person would give, cell by cell.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkArgs, PACK_LINKS, seedPackTruth } from '../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../store/api/test-server';
import { runCli } from './run-cli';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '../fixtures/workbooks');

interface JsonCell {
  kpiId: string;
  period: string;
  sheet: string;
  address: string;
  local: number | null;
  canonical: number | null;
  verdict: string;
}

let server: TestServer;
let dir: string;
let store: string[];

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
  dir = mkdtempSync(join(tmpdir(), 'plumbline-link-test-'));
  store = ['--server', server.url, '--token', server.tokens.ana!];
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function copy(name: string): string {
  const path = join(dir, `${Date.now()}-${name}`);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

async function link(file: string, ...args: string[]): Promise<void> {
  const run = await runCli(['link', file, ...args, ...store]);
  if (run.code !== 0) throw new Error(`link ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  expect(run.stdout).toMatch(/^Linked /);
}

async function reconcileJson(file: string): Promise<{ code: number | null; cells: JsonCell[] }> {
  const before = readFileSync(file);
  const run = await runCli(['reconcile', file, '--json', ...store]);
  expect(run.stderr).toBe('');
  // reconcile never rewrites the workbook
  expect(readFileSync(file).equals(before)).toBe(true);
  return { code: run.code, cells: JSON.parse(run.stdout) };
}

const verdicts = (cells: JsonCell[]) =>
  Object.fromEntries(cells.map((c) => [`${c.sheet}!${c.address}`, c.verdict]));
const notMatching = (cells: JsonCell[]) => cells.filter((c) => c.verdict !== 'match');

async function linkAll(file: string, workbook: string): Promise<void> {
  for (const request of PACK_LINKS[workbook]!) await link(file, ...linkArgs(request));
}

test('ops-monthly.xlsx, the central pack, matches the truth in every filled cell', async () => {
  const file = copy('ops-monthly.xlsx');
  await linkAll(file, 'ops-monthly.xlsx');
  const { code, cells } = await reconcileJson(file);
  expect(code).toBe(0);
  // Five KPIs × January–October; November and December are blank on both sides.
  expect(cells).toHaveLength(50);
  expect(notMatching(cells)).toEqual([]);
  expect(cells.find((c) => c.address === 'H8')).toMatchObject({
    kpiId: 'service.fcr',
    period: '2026-06',
    local: 0.738,
    canonical: 0.738,
  });
});

test('ops-monthly-north.xlsx flags exactly what drifted', async () => {
  const file = copy('ops-monthly-north.xlsx');
  await linkAll(file, 'ops-monthly.xlsx');
  const { code, cells } = await reconcileJson(file);
  expect(code).toBe(1);
  expect(notMatching(cells)).toEqual([
    {
      kpiId: 'claims.turnaround_days',
      period: '2026-10',
      sheet: 'Ops KPIs',
      address: 'L5',
      local: 6.4,
      canonical: 6.7,
      verdict: 'diverged',
      revision: 1,
      submittedBy: 'olivia',
      submittedAt: expect.any(String),
    },
    {
      kpiId: 'ops.fte',
      period: '2026-09',
      sheet: 'Ops KPIs',
      address: 'K7',
      local: null,
      canonical: 421,
      verdict: 'canonical-only',
      revision: 1,
      submittedBy: 'olivia',
      submittedAt: expect.any(String),
    },
    {
      kpiId: 'service.fcr',
      period: '2026-06',
      sheet: 'Ops KPIs',
      address: 'H8',
      local: 0.74,
      canonical: 0.738,
      verdict: 'diverged',
      revision: 1,
      submittedBy: 'sam',
      submittedAt: expect.any(String),
    },
  ]);
  expect(cells).toHaveLength(50);
  // The formula row below the links is never read as a link.
  expect(cells.some((c) => c.address.endsWith('11'))).toBe(false);
});

test('the human report lists the divergences and the store counts the diverging copy', async () => {
  const file = copy('ops-monthly-north.xlsx');
  await linkAll(file, 'ops-monthly.xlsx');
  const run = await runCli(['reconcile', file, ...store]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/3 link\(s\), 50 cells — 2 diverged, 1 canonical-only, 47 match/);
  expect(run.stdout).toMatch(
    /DIVERGED\s+Ops KPIs!L5\s+claims\.turnaround_days 2026-10: local 6\.4, canonical 6\.7 \(rev 1, olivia/,
  );
  // Scaled cells show what was typed; text read as blank shows the text.
  expect(run.stdout).toMatch(
    /DIVERGED\s+Ops KPIs!H8\s+service\.fcr 2026-06: local 0\.74 \(cell: 74\), canonical 0\.738/,
  );
  expect(run.stdout).toMatch(/CANONICAL-ONLY\s+Ops KPIs!K7\s+ops\.fte 2026-09: local blank \(cell: "n\/a"\)/);
  const summary = await server.request('GET', '/v1/summary?asOf=2026-11-24', { as: 'leo' });
  const turnaround = summary.body.rows.find((r: { id: string }) => r.id === 'claims.turnaround_days');
  expect(turnaround.divergentCopies).toBeGreaterThanOrEqual(1);
});

test('finance-quarterly.xlsx: fiscal quarters from April, numbers stored as text, a row in thousands', async () => {
  const file = copy('finance-quarterly.xlsx');
  await linkAll(file, 'finance-quarterly.xlsx');
  const { code, cells } = await reconcileJson(file);
  expect(code).toBe(1);
  expect(cells).toHaveLength(15);
  expect(cells.filter((c) => c.address.endsWith('4')).map((c) => [c.period, c.local])).toEqual([
    ['2025-Q2', 131.2],
    ['2025-Q3', 127.9],
    ['2025-Q4', 124.35],
    ['2026-Q1', 121.8],
    ['2026-Q2', 119.1],
  ]);
  expect(cells.find((c) => c.address === 'D5')).toMatchObject({
    local: -1_250_000,
    canonical: -1_250_000,
    verdict: 'match',
  });
  expect(notMatching(cells)).toEqual([
    expect.objectContaining({
      address: 'F6',
      kpiId: 'service.nps',
      period: '2026-Q2',
      local: 34,
      canonical: 35,
      verdict: 'diverged',
    }),
  ]);
});

test('weekly-backlog.xlsx: periods down the rows as Monday dates, two weekly KPIs across', async () => {
  const file = copy('weekly-backlog.xlsx');
  await linkAll(file, 'weekly-backlog.xlsx');
  const { code, cells } = await reconcileJson(file);
  expect(code).toBe(0);
  expect(cells).toHaveLength(52);
  expect(verdicts(cells)).toMatchObject({ 'Weekly!B2': 'match', 'Weekly!C26': 'match' });
  expect(cells.find((c) => c.address === 'B2')).toMatchObject({ period: '2026-W23', local: 5200 });
  // The week of 23 November is running: the sheet has it, the store not yet.
  expect(notMatching(cells)).toEqual([
    expect.objectContaining({
      address: 'B27',
      period: '2026-W48',
      local: 3692,
      canonical: null,
      verdict: 'local-only',
    }),
    expect.objectContaining({
      address: 'C27',
      period: '2026-W48',
      local: 0.585,
      canonical: null,
      verdict: 'local-only',
    }),
  ]);
});

test('a link of the same range again replaces it instead of adding a second', async () => {
  const file = copy('ops-monthly.xlsx');
  const uptime = linkArgs(PACK_LINKS['ops-monthly.xlsx']![2]!);
  await link(file, ...uptime);
  const again = await runCli(['link', file, ...uptime, ...store]);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^Updated /);
  const { cells } = await reconcileJson(file);
  expect(cells).toHaveLength(10);
});

describe('link refuses what does not fit, and writes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a missing file',
      [
        'link',
        join(dir ?? tmpdir(), 'nope.xlsx'),
        '--sheet',
        'Ops KPIs',
        '--values',
        'C5:N5',
        '--periods',
        'C4:N4',
        '--kpi',
        'ops.fte',
      ],
      /No such file/,
    ],
    [
      'an unknown sheet',
      ['--sheet', 'Ops', '--values', 'C5:N5', '--periods', 'C4:N4', '--kpi', 'ops.fte'],
      /No sheet "Ops".*"Ops KPIs"/,
    ],
    [
      'a bad range',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N', '--periods', 'C4:N4', '--kpi', 'ops.fte'],
      /"C5:N" is not a range/,
    ],
    [
      'an unknown KPI',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N5', '--periods', 'C4:N4', '--kpi', 'ops.ftx'],
      /Unknown KPI "ops\.ftx"/,
    ],
    [
      'a weekly KPI on month headers',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N5', '--periods', 'C4:N4', '--kpi', 'claims.backlog'],
      /claims\.backlog is reported every week.*C4.*is a month, but the KPI is weekly/,
    ],
    [
      'one KPI for a block of three rows',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N7', '--periods', 'C4:N4', '--kpi', 'ops.fte'],
      /3 rows of values but 1 KPI/,
    ],
    [
      'a header that is not beside the values',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N5', '--periods', 'B4:M4', '--kpi', 'ops.fte'],
      /must be one row spanning the same columns/,
    ],
    [
      'no periods at all',
      ['--sheet', 'Ops KPIs', '--values', 'C5:N5', '--kpi', 'ops.fte'],
      /either --periods RANGE .* or --period KEY/,
    ],
  ];
  test.each(cases)('%s', async (_, args, message) => {
    const file = copy('ops-monthly.xlsx');
    const before = readFileSync(file);
    const argv = args[0] === 'link' ? [...args, ...store] : ['link', file, ...args, ...store];
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('without a store to check the KPIs against', async () => {
    const file = copy('ops-monthly.xlsx');
    const run = await runCli(
      ['link', file, '--sheet', 'Ops KPIs', '--values', 'C5:N5', '--periods', 'C4:N4', '--kpi', 'ops.fte'],
      {
        PLUMBLINE_SERVER: '',
        PLUMBLINE_TOKEN: '',
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needs the store/);
  });
});

test('reconcile of a workbook without links says so and exits 0; a bad token exits 2', async () => {
  const file = copy('ops-monthly.xlsx');
  const run = await runCli(['reconcile', file, ...store]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/no Plumbline links yet/);
  const bad = await runCli(['reconcile', file, '--server', server.url, '--token', 'pl_wrong']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/token is not valid/);
});
