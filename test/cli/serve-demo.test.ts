import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgTestDatabase } from '../store/db/engines';
import { runCli, startCli } from './run-cli';

jest.setTimeout(60_000);

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('plumbline demo', () => {
  const data = mkdtempSync(join(tmpdir(), 'plumbline-demo-test-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  test('prints a URL and tokens with which the API answers', async () => {
    // The story ends with the last month before the demo's day: pinned, so the figures below hold.
    const demo = await startCli(
      ['demo', '--port', '0', '--data', data],
      { PLUMBLINE_DEMO_TODAY: '2026-11-24' },
      /Try:[^]*\n.*\/v1\/summary\n/,
    );
    try {
      const tokens = Object.fromEntries(
        [...demo.output.matchAll(/^\s+(\w+)\s+(admin|leader|analyst|owner)\s+(pl_\S+)/gm)].map((m) => [
          m[1],
          m[3],
        ]),
      );
      expect(Object.keys(tokens).sort()).toEqual(['ada', 'ana', 'ian', 'leo', 'olivia', 'sam']);

      expect(await (await fetch(`${demo.url}/healthz`)).json()).toEqual({ ok: true });
      // The pane's "Try it on sample data" signs in as the demo's people, with the tokens printed.
      const personas = (await (await fetch(`${demo.url}/v1/demo/personas`)).json()).personas;
      expect(Object.fromEntries(personas.map((p: { id: string; token: string }) => [p.id, p.token]))).toEqual(
        tokens,
      );
      const kpis = await (await fetch(`${demo.url}/v1/kpis`, { headers: auth(tokens.leo!) })).json();
      expect(kpis.kpis).toHaveLength(9);

      const summary = await (
        await fetch(`${demo.url}/v1/summary?asOf=2026-11-24`, { headers: auth(tokens.leo!) })
      ).json();
      const row = (id: string) => summary.rows.find((r: { id: string }) => r.id === id);
      expect(row('claims.turnaround_days')).toMatchObject({
        period: '2026-10',
        value: 7.1,
        status: 'at-risk',
        divergentCopies: 2,
      });
      expect(row('claims.turnaround_days').trend[0]).toEqual({ period: '2025-11', value: null });
      expect(row('service.fcr')).toMatchObject({ overdue: true });
      expect(
        summary.rows.filter((r: { overdue: boolean; kind: string }) => r.kind === 'kpi' && r.overdue),
      ).toHaveLength(1);

      const july = await (
        await fetch(`${demo.url}/v1/summary?asOf=2026-07-10`, { headers: auth(tokens.leo!) })
      ).json();
      const uptime = july.rows.find((r: { id: string }) => r.id === 'platform.uptime');
      expect(uptime).toMatchObject({ period: '2026-06', value: 0.978, status: 'off-track' });
      expect(uptime.remediation).toMatch(/Second region/);

      const history = await (
        await fetch(`${demo.url}/v1/readings?kpiId=claims.turnaround_days&period=2026-10`, {
          headers: auth(tokens.leo!),
        })
      ).json();
      expect(history.readings.map((r: { value: number }) => r.value)).toEqual([6.7, 7.1]);
    } finally {
      await demo.stop();
    }
  });

  test('a PLUMBLINE_DEMO_TODAY that is not a day is refused', async () => {
    const run = await runCli(['demo', '--port', '0', '--data', data], { PLUMBLINE_DEMO_TODAY: '2027-02-30' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PLUMBLINE_DEMO_TODAY must be a day written YYYY-MM-DD/);
  });

  test('a taken port is refused before anything is wiped', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      const marker = join(data, '.plumbline-demo');
      const run = await runCli(['demo', '--port', port, '--data', data]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`port ${port} is in use.*--port`));
      expect(existsSync(marker)).toBe(true);
    } finally {
      blocker.close();
    }
  });

  test('refuses to wipe a folder it did not make', async () => {
    const run = await runCli(['demo', '--port', '0', '--data', __dirname]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a demo folder/);
  });
});

describe('plumbline demo on any day', () => {
  const data = mkdtempSync(join(tmpdir(), 'plumbline-demo-day-test-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  test('the sample workbooks it names give the README example’s verdicts, in the months of the calendar', async () => {
    const demo = await startCli(
      ['demo', '--port', '0', '--data', data],
      { PLUMBLINE_DEMO_TODAY: '2027-03-01' },
      /Try:[^]*\n.*\/v1\/summary\n/,
    );
    try {
      expect(demo.output).toMatch(
        /Story: May 2026 to February 2027, the last complete month \(today is 2027-03-01\)/,
      );
      const workbooks = [...demo.output.matchAll(/^ {2}(\/\S+\.xlsx)$/gm)].map((m) => m[1]!);
      expect(workbooks).toEqual([
        join(data, 'workbooks', 'ops-monthly.xlsx'),
        join(data, 'workbooks', 'ops-monthly-north.xlsx'),
      ]);
      // The workbench offers these same files, months of the calendar included, not the build's fixtures.
      const index = await (await fetch(`${demo.url}/samples/index.json`)).json();
      expect(index).toEqual({ samples: ['ops-monthly-north.xlsx', 'ops-monthly.xlsx'] });
      const served = await fetch(`${demo.url}/samples/ops-monthly-north.xlsx`);
      expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(workbooks[1]!))).toBe(true);
      expect((await fetch(`${demo.url}/samples/..%2F.plumbline-demo`)).status).toBe(404);
      const ana = /^\s+ana\s+analyst\s+(pl_\S+)/m.exec(demo.output)![1]!;
      const env = { PLUMBLINE_SERVER: demo.url, PLUMBLINE_TOKEN: ana };
      const north = join(data, 'north.xlsx');
      copyFileSync(workbooks[1]!, north);
      const block = [
        '--values',
        'C5:N7',
        '--periods',
        'C4:N4',
        '--kpi',
        'claims.turnaround_days,claims.manual_rate,ops.fte',
      ];
      const fcr = ['--values', 'C8:N8', '--periods', 'C4:N4', '--kpi', 'service.fcr', '--scale', '0.01'];
      for (const args of [block, fcr]) {
        const link = await runCli(['link', north, '--sheet', 'Ops KPIs', ...args], env);
        expect([link.code, link.stderr]).toEqual([0, '']);
      }
      const reconcile = await runCli(['reconcile', north], env);
      expect(reconcile.code).toBe(1);
      expect(reconcile.stdout).toBe(
        [
          'north.xlsx: 2 link(s), 40 cells — 2 diverged, 1 local-only, 1 canonical-only, 36 match',
          '  DIVERGED       Ops KPIs!L5      claims.turnaround_days 2027-02: local 6.4, canonical 7.1 (rev 2, olivia, 2027-03-01)',
          '  DIVERGED       Ops KPIs!H8      service.fcr 2026-10: local 0.74 (cell: 74), canonical 0.738 (rev 1, sam, 2026-11-02)',
          '  LOCAL-ONLY     Ops KPIs!L8      service.fcr 2027-02: local 0.758 (cell: 75.8), canonical none',
          '  CANONICAL-ONLY Ops KPIs!K7      ops.fte 2027-01: local blank (cell: "n/a"), canonical 421 (rev 1, olivia, 2027-02-02)',
          '',
        ].join('\n'),
      );
    } finally {
      await demo.stop();
    }
  });
});

describe('plumbline serve', () => {
  const admin = 'pl_serve_test_admin_token';

  async function setUpOwner(url: string): Promise<string> {
    const user = await fetch(`${url}/v1/users`, {
      method: 'POST',
      headers: { ...auth(admin), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'olivia', name: 'Olivia', role: 'owner' }),
    });
    expect(user.status).toBe(201);
    const model = await fetch(`${url}/v1/model`, {
      method: 'PUT',
      headers: { ...auth(admin), 'content-type': 'application/json' },
      body: JSON.stringify({
        nodes: [
          { id: 'ops', kind: 'pillar', name: 'Operations' },
          {
            id: 'ops.fte',
            kind: 'kpi',
            name: 'FTE',
            parentId: 'ops',
            unit: 'FTE',
            direction: 'down',
            cadence: 'month',
            ownerId: 'olivia',
          },
        ],
      }),
    });
    expect(model.status).toBe(200);
    return (await user.json()).token;
  }

  function submit(url: string, token: string, value: number) {
    return fetch(`${url}/v1/readings`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json', 'idempotency-key': `k-${value}` },
      body: JSON.stringify({ readings: [{ kpiId: 'ops.fte', period: '2026-01', value }] }),
    });
  }

  test('an acknowledged reading survives a killed process on the same --data', async () => {
    const data = mkdtempSync(join(tmpdir(), 'plumbline-serve-test-'));
    try {
      const first = await startCli(['serve', '--port', '0', '--data', data], {
        PLUMBLINE_ADMIN_TOKEN: admin,
        DATABASE_URL: '',
      });
      const owner = await setUpOwner(first.url);
      expect((await submit(first.url, owner, 452)).status).toBe(201);
      await first.stop('SIGKILL');

      const second = await startCli(['serve', '--port', '0', '--data', data], {
        PLUMBLINE_ADMIN_TOKEN: 'another',
        DATABASE_URL: '',
      });
      try {
        const res = await fetch(`${second.url}/v1/readings?kpiId=ops.fte`, { headers: auth(owner) });
        expect((await res.json()).readings.map((r: { value: number }) => r.value)).toEqual([452]);
        // The first admin's token still works; the new one was not applied to a store that has users.
        expect((await fetch(`${second.url}/v1/kpis`, { headers: auth(admin) })).status).toBe(200);
        expect((await fetch(`${second.url}/v1/kpis`, { headers: auth('another') })).status).toBe(401);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  test('DATABASE_URL runs the same store on PostgreSQL', async () => {
    const pg = await createPgTestDatabase();
    try {
      const server = await startCli(
        ['serve', '--port', '0'],
        { PLUMBLINE_ADMIN_TOKEN: admin, DATABASE_URL: pg.databaseUrl },
        /Storage: .*\n/,
      );
      try {
        expect(server.output).toMatch(/PostgreSQL/);
        const owner = await setUpOwner(server.url);
        expect((await submit(server.url, owner, 448)).status).toBe(201);
      } finally {
        await server.stop();
      }
      const again = await startCli(['serve', '--port', '0'], { DATABASE_URL: pg.databaseUrl });
      try {
        const res = await fetch(`${again.url}/v1/readings?kpiId=ops.fte`, { headers: auth(admin) });
        expect((await res.json()).readings).toHaveLength(1);
      } finally {
        await again.stop();
      }
    } finally {
      await pg.drop();
    }
  });

  test('an empty store without PLUMBLINE_ADMIN_TOKEN gets an admin whose token is printed once', async () => {
    const data = mkdtempSync(join(tmpdir(), 'plumbline-serve-test-'));
    try {
      const server = await startCli(
        ['serve', '--port', '0', '--data', data],
        { PLUMBLINE_ADMIN_TOKEN: '', DATABASE_URL: '' },
        /token \(shown once\): \S+\n/,
      );
      try {
        const token = /token \(shown once\): (pl_\S+)/.exec(server.output)?.[1];
        expect(token).toBeDefined();
        expect((await fetch(`${server.url}/v1/kpis`, { headers: auth(token!) })).status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  test('bad options exit 2 with a message', async () => {
    const run = await runCli(['serve', '--port', 'abc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--port must be a port number/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});
