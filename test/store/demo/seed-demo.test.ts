/**
 * The demo is always current: seeded on any day (an injected clock), its
 * summary shows the last complete periods with their values, and its story
 * (the turnaround slipping back, the uptime dip, the overdue owner, the two
 * diverging copies) sits in the last complete months.
 */
import type { FastifyInstance } from 'fastify';
import { addDaysToDay, periodBounds, shiftPeriod } from '../../../src/core/period-key';
import { buildApp } from '../../../src/store/app';
import { seedDemo } from '../../../src/store/demo/seed-demo';
import { openTestDb, type TestStoreDb } from '../db/engines';

interface Row {
  id: string;
  kind: string;
  period: string | null;
  value: number | null;
  status: string;
  overdue: boolean;
  divergentCopies: number;
  remediation: string | null;
  latest: { period: string; value: number; status: string } | null;
  trend: { period: string; value: number | null }[];
}

interface Demo {
  db: TestStoreDb;
  app: FastifyInstance;
  url: string;
  now: Date;
  leo: string;
  close(): Promise<void>;
}

/** The demo seeded and served on `day`, at 10:00 UTC. */
async function demoOn(day: string): Promise<Demo> {
  const now = new Date(`${day}T10:00:00.000Z`);
  const db = await openTestDb('sqlite');
  const users = await seedDemo(db, now);
  const app = await buildApp({ db, now: () => now });
  // Over a socket, as the API tests do (inject's cookie parser is ESM-only under jest).
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const leo = users.find((u) => u.id === 'leo')!.token;
  return {
    db,
    app,
    url,
    now,
    leo,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

async function summary(demo: Demo, asOf?: string): Promise<Map<string, Row>> {
  const res = await fetch(`${demo.url}/v1/summary${asOf ? `?asOf=${asOf}` : ''}`, {
    headers: { authorization: `Bearer ${demo.leo}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: Row[] };
  return new Map(body.rows.map((r) => [r.id, r]));
}

const kpiRows = (rows: Map<string, Row>) => [...rows.values()].filter((r) => r.kind === 'kpi');

describe.each([
  // day, the last complete month, week and quarter
  ['2026-11-30', '2026-10', '2026-W48', '2026-Q3'], // the last day of a month (a Monday)
  ['2026-12-01', '2026-11', '2026-W48', '2026-Q3'], // the first day of the next
  ['2027-01-01', '2026-12', '2026-W52', '2026-Q4'], // a new year, inside 2026-W53
  ['2027-03-15', '2027-02', '2027-W10', '2026-Q4'],
])('the demo seeded on %s', (day, month, week, quarter) => {
  let demo: Demo;
  let rows: Map<string, Row>;
  beforeAll(async () => {
    demo = await demoOn(day);
    rows = await summary(demo); // no asOf: the server's clock says today
  });
  afterAll(() => demo.close());

  test('shows the last complete period of every KPI with its value, but Sam’s first-contact resolution', () => {
    const periods = Object.fromEntries(kpiRows(rows).map((r) => [r.id, r.period]));
    expect(periods).toMatchObject({
      'claims.turnaround_days': month,
      'service.fcr': month,
      'claims.backlog': week,
      'platform.auto_adjudication': week,
      'claims.cost_per_claim': quarter,
      'service.nps': quarter,
    });
    const missing = kpiRows(rows).filter((r) => r.value === null);
    expect(missing.map((r) => r.id)).toEqual(['service.fcr']);
    expect(kpiRows(rows).filter((r) => r.id !== 'service.fcr' && r.overdue)).toEqual([]);
  });

  test('the improving turnaround slips back to at risk in the last month, corrected, in two diverging copies', async () => {
    expect(rows.get('claims.turnaround_days')).toMatchObject({
      value: 7.1,
      status: 'at-risk',
      divergentCopies: 2,
      remediation: expect.stringMatching(/^Two extra adjusters/),
      latest: { period: month, value: 7.1, status: 'at-risk' },
    });
    const history = await demo.db.listReadings('claims.turnaround_days', month);
    expect(history.map((r) => [r.revision, r.value])).toEqual([
      [1, 6.7],
      [2, 7.1],
    ]);
    const trend = rows.get('claims.turnaround_days')!.trend.map((p) => p.value);
    expect(trend).toEqual([null, null, 8.1, 7.9, 7.6, 7.4, 7.2, 7.0, 6.9, 6.8, 6.9, 7.1]);
  });

  test('the uptime dip four months back is off track, with its remediation', async () => {
    const dip = rows.get('platform.uptime')!.trend.at(-5)!;
    expect(dip.value).toBe(0.978);
    const tenthOfNextMonth = addDaysToDay(periodBounds(shiftPeriod(dip.period, 1)).start, 9);
    expect((await summary(demo, tenthOfNextMonth)).get('platform.uptime')).toMatchObject({
      period: dip.period,
      value: 0.978,
      status: 'off-track',
      remediation: expect.stringMatching(/^Second region live in/),
    });
  });

  test('Sam’s missing month is due, overdue more than two days after it ended, the month before beside it', () => {
    expect(rows.get('service.fcr')).toMatchObject({
      value: null,
      status: 'no-data',
      overdue: day !== '2026-12-01' && day !== '2027-01-01', // within the two days of grace
      latest: { value: 0.753, status: 'on-track' },
    });
  });

  test('nothing is stamped after the day the demo runs on', async () => {
    const ids = kpiRows(rows).map((r) => r.id);
    const stamps = (await demo.db.latestReadings(ids)).map((r) => r.submittedAt);
    expect(stamps.length).toBeGreaterThan(100);
    expect(stamps.filter((at) => at > demo.now.toISOString())).toEqual([]);
    const observed = (await demo.db.listObservations()).map((o) => o.observedAt);
    expect(observed.filter((at) => at > demo.now.toISOString())).toEqual([]);
  });
});
