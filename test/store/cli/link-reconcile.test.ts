/**
 * `plumbline link` and `plumbline reconcile` on the sample workbooks, as an
 * analyst would run them against a real store: the ranges a person would link,
 * and the verdicts a careful person would give, cell by cell.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, submit, type TestServer } from '../api/test-server';
import { runCli } from './run-cli';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '../../fixtures/workbooks');
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);

/** The truth: the central monthly pack, the finance pack and the weekly pack as their owners submitted them. */
const MONTHLY: Record<string, number[]> = {
  'claims.turnaround_days': [8.1, 7.9, 7.6, 7.4, 7.2, 7.0, 6.9, 6.8, 6.9, 6.7],
  'claims.manual_rate': [0.19, 0.185, 0.18, 0.17, 0.165, 0.16, 0.155, 0.15, 0.148, 0.145],
  'ops.fte': [452, 448, 447, 441, 436, 430, 428, 425, 421, 419],
  'service.fcr': [0.715, 0.72, 0.724, 0.731, 0.73, 0.738, 0.742, 0.749, 0.753, 0.758],
  'platform.uptime': [0.991, 0.987, 0.993, 0.996, 0.995, 0.978, 0.994, 0.997, 0.996, 0.998],
};
const QUARTERS = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
const QUARTERLY: Record<string, number[]> = {
  'claims.cost_per_claim': [131.2, 127.9, 124.35, 121.8, 119.1],
  'claims.cost_total': [24_310_000, 23_980_000, -1_250_000, 22_740_000, 22_100_000],
  // The pack says 34 for Q1 FY27; the owner's figure is 35.
  'service.nps': [28, 29, 31, 33, 35],
};
const BACKLOG = [
  5200, 5156, 5112, 5017, 4973, 4929, 4834, 4790, 4746, 4651, 4607, 4563, 4468, 4424, 4380, 4285, 4241, 4197,
  4102, 4058, 4014, 3919, 3875, 3831, 3736,
];
const AUTO = [
  0.41, 0.417, 0.424, 0.431, 0.438, 0.445, 0.452, 0.459, 0.466, 0.473, 0.48, 0.487, 0.494, 0.501, 0.508,
  0.515, 0.522, 0.529, 0.536, 0.543, 0.55, 0.557, 0.564, 0.571, 0.578,
];
const WEEKS = BACKLOG.map((_, i) => `2026-W${String(23 + i).padStart(2, '0')}`);

const OWNERS: Record<string, string> = {
  'claims.turnaround_days': 'olivia',
  'claims.manual_rate': 'olivia',
  'ops.fte': 'olivia',
  'claims.cost_per_claim': 'olivia',
  'claims.cost_total': 'olivia',
  'claims.backlog': 'olivia',
  'service.fcr': 'sam',
  'service.nps': 'sam',
  'platform.uptime': 'ian',
  'platform.auto_adjudication': 'ian',
};

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
  const costTotal = {
    id: 'claims.cost_total',
    kind: 'kpi',
    name: 'Claims cost',
    parentId: 'claims-ops',
    unit: 'EUR',
    direction: 'down',
    cadence: 'quarter',
    ownerId: 'olivia',
  };
  expect((await server.request('PUT', '/v1/model', { body: { nodes: [costTotal] } })).status).toBe(200);
  const readings = [
    ...Object.entries(MONTHLY).flatMap(([kpiId, values]) =>
      values.map((value, i) => ({ kpiId, period: MONTHS[i]!, value })),
    ),
    ...Object.entries(QUARTERLY).flatMap(([kpiId, values]) =>
      values.map((value, i) => ({ kpiId, period: QUARTERS[i]!, value })),
    ),
    ...BACKLOG.map((value, i) => ({ kpiId: 'claims.backlog', period: WEEKS[i]!, value })),
    ...AUTO.map((value, i) => ({ kpiId: 'platform.auto_adjudication', period: WEEKS[i]!, value })),
  ];
  for (const owner of ['olivia', 'sam', 'ian']) {
    const own = readings
      .filter((r) => OWNERS[r.kpiId] === owner)
      .map((r) => ({ ...r, remediation: 'Plan on file' }));
    const res = await submit(server, owner, own);
    expect(res.status).toBe(201);
  }
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

async function linkMonthlyPack(file: string): Promise<void> {
  await link(
    file,
    '--sheet',
    'Ops KPIs',
    '--values',
    'C5:N7',
    '--periods',
    'C4:N4',
    '--kpi',
    'claims.turnaround_days,claims.manual_rate,ops.fte',
  );
  await link(
    file,
    '--sheet',
    'Ops KPIs',
    '--values',
    'C8:N8',
    '--periods',
    'C4:N4',
    '--kpi',
    'service.fcr',
    '--scale',
    '0.01',
  );
  await link(
    file,
    '--sheet',
    'Ops KPIs',
    '--values',
    'C9:N9',
    '--periods',
    'C4:N4',
    '--kpi',
    'platform.uptime',
  );
}

test('ops-monthly.xlsx, the central pack, matches the truth in every filled cell', async () => {
  const file = copy('ops-monthly.xlsx');
  await linkMonthlyPack(file);
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
  await linkMonthlyPack(file);
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
  await linkMonthlyPack(file);
  const run = await runCli(['reconcile', file, ...store]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/3 link\(s\), 50 cells — 2 diverged, 1 canonical-only, 47 match/);
  expect(run.stdout).toMatch(
    /DIVERGED\s+Ops KPIs!L5\s+claims\.turnaround_days 2026-10: local 6\.4, canonical 6\.7 \(rev 1, olivia/,
  );
  const summary = await server.request('GET', '/v1/summary?asOf=2026-11-24', { as: 'leo' });
  const turnaround = summary.body.rows.find((r: { id: string }) => r.id === 'claims.turnaround_days');
  expect(turnaround.divergentCopies).toBeGreaterThanOrEqual(1);
});

test('finance-quarterly.xlsx: fiscal quarters from April, numbers stored as text, a row in thousands', async () => {
  const file = copy('finance-quarterly.xlsx');
  const fiscal = ['--fiscal-year-start', '4'];
  await link(
    file,
    '--sheet',
    'Q-Pack',
    '--values',
    'B4:F4',
    '--periods',
    'B3:F3',
    '--kpi',
    'claims.cost_per_claim',
    ...fiscal,
  );
  await link(
    file,
    '--sheet',
    'Q-Pack',
    '--values',
    'B5:F5',
    '--periods',
    'B3:F3',
    '--kpi',
    'claims.cost_total',
    '--scale',
    '1000',
    ...fiscal,
  );
  await link(
    file,
    '--sheet',
    'Q-Pack',
    '--values',
    'B6:F6',
    '--periods',
    'B3:F3',
    '--kpi',
    'service.nps',
    ...fiscal,
  );
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
  await link(
    file,
    '--sheet',
    'Weekly',
    '--values',
    'B2:B27',
    '--periods',
    'A2:A27',
    '--kpi',
    'claims.backlog',
  );
  await link(
    file,
    '--sheet',
    'Weekly',
    '--values',
    'C2:C27',
    '--periods',
    'A2:A27',
    '--kpi',
    'platform.auto_adjudication',
  );
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
  await link(
    file,
    '--sheet',
    'Ops KPIs',
    '--values',
    'C9:N9',
    '--periods',
    'C4:N4',
    '--kpi',
    'platform.uptime',
  );
  const again = await runCli([
    'link',
    file,
    '--sheet',
    'Ops KPIs',
    '--values',
    'C9:N9',
    '--periods',
    'C4:N4',
    '--kpi',
    'platform.uptime',
    ...store,
  ]);
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
