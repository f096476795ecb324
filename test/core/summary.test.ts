import { readFileSync } from 'fs';
import { join } from 'path';
import { modelSchema, type ModelNode } from '../../src/core/model';
import { addDaysToDay } from '../../src/core/period-key';
import { laterTime, treeOrder } from '../../src/core/rollup';
import {
  TREND_LENGTH,
  buildSummary,
  summaryPeriodRange,
  type KpiSummaryRow,
  type SummaryInput,
  type SummaryReading,
  type SummaryRow,
} from '../../src/core/summary';

const demo = JSON.parse(readFileSync(join(__dirname, '../../src/store/demo/model.json'), 'utf8')) as {
  nodes: unknown[];
};
// The demo organisation plus one KPI directly under a pillar.
const nodes: ModelNode[] = modelSchema.parse({
  nodes: [
    ...demo.nodes,
    {
      id: 'customer.csat',
      kind: 'kpi',
      name: 'Customer satisfaction',
      parentId: 'customer',
      unit: 'pts',
      direction: 'up',
      cadence: 'month',
      ownerId: 'sam',
      target: 4.2,
    },
  ],
}).nodes;

// A Tuesday: the latest ended month is 2026-10, week 2026-W47 (ended Sunday 22nd), quarter 2026-Q3.
const asOf = '2026-11-24';

function reading(
  kpiId: string,
  period: string,
  value: number,
  extra: Partial<SummaryReading> = {},
): SummaryReading {
  return {
    kpiId,
    period,
    value,
    revision: 1,
    submittedBy: 'olivia',
    submittedAt: '2026-11-02T09:00:00Z',
    ...extra,
  };
}

const readings: SummaryReading[] = [
  // A correction listed before the first revision: the highest revision wins, not the last one given.
  reading('claims.turnaround_days', '2026-10', 7.7, {
    revision: 2,
    submittedAt: '2026-11-05T10:00:00Z',
    comment: 'storm claims',
    remediation: 'Add 12 temporary adjusters',
  }),
  reading('claims.turnaround_days', '2026-10', 7.2, { remediation: 'Watch the storm backlog' }),
  reading('claims.turnaround_days', '2026-09', 7.1, { submittedAt: '2026-10-02T09:00:00Z' }),
  reading('claims.turnaround_days', '2025-11', 8.3, { submittedAt: '2025-12-02T09:00:00Z' }),
  reading('claims.turnaround_days', '2025-10', 8.9, { submittedAt: '2025-11-02T09:00:00Z' }), // outside the trend
  reading('claims.manual_rate', '2026-10', 0.13, { remediation: 'not needed: on track' }),
  reading('ops.fte', '2026-09', 431),
  reading('platform.uptime', '2026-10', 0.985, { submittedBy: 'ian' }),
  reading('platform.auto_adjudication', '2026-W47', 0.5, {
    submittedBy: 'ian',
    submittedAt: '2026-11-23T08:00:00+01:00',
  }),
  reading('claims.cost_per_claim', '2026-Q3', 120),
  reading('customer.csat', '2026-10', 4.3, { submittedBy: 'sam' }),
];

const input: SummaryInput = {
  nodes,
  readings,
  links: [
    { id: 'L1', kpiIds: ['claims.turnaround_days', 'claims.manual_rate'] },
    { id: 'L2', kpiIds: ['claims.turnaround_days'] },
    { id: 'L3', kpiIds: ['platform.uptime', 'platform.uptime'] },
  ],
  observations: [
    { linkId: 'L1', kpiId: 'claims.turnaround_days', period: '2026-10', verdict: 'diverged' },
    { linkId: 'L1', kpiId: 'claims.manual_rate', period: '2026-10', verdict: 'match' },
    { linkId: 'L2', kpiId: 'claims.turnaround_days', period: '2026-10', verdict: 'match' },
    { linkId: 'L2', kpiId: 'claims.turnaround_days', period: '2026-09', verdict: 'diverged' }, // another period
    { linkId: 'L3', kpiId: 'platform.uptime', period: '2026-10', verdict: 'diverged' },
    { linkId: 'L9', kpiId: 'claims.turnaround_days', period: '2026-10', verdict: 'diverged' }, // not a link of it
  ],
  asOf,
  lastSubmittedAt: {
    'claims.turnaround_days': '2026-11-20T08:00:00Z', // a reading for the running month
    'claims.manual_rate': '2026-10-01T00:00:00Z', // older than what the readings show
  },
};

const rows = buildSummary(input);
const row = (id: string): SummaryRow => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const kpiRow = (id: string): KpiSummaryRow => {
  const r = row(id);
  if (r.kind !== 'kpi') throw new Error(`${id} is not a KPI`);
  return r;
};

describe('buildSummary: rows', () => {
  it('has one row per node in tree order, siblings in the order given', () => {
    expect(rows.map((r) => [r.id, r.depth])).toEqual([
      ['customer', 0],
      ['service', 1],
      ['service.fcr', 2],
      ['service.nps', 2],
      ['customer.csat', 1], // directly under its pillar, after the program given before it
      ['efficiency', 0],
      ['claims-ops', 1],
      ['claims.turnaround_days', 2],
      ['claims.manual_rate', 2],
      ['ops.fte', 2],
      ['claims.backlog', 2],
      ['claims.cost_per_claim', 2],
      ['digital', 0],
      ['claims-cloud', 1],
      ['platform.uptime', 2],
      ['platform.auto_adjudication', 2],
    ]);
  });

  it('gives each row its ancestors, pillar first', () => {
    expect(row('efficiency').path).toEqual([]);
    expect(kpiRow('claims.turnaround_days').path).toEqual([
      { id: 'efficiency', kind: 'pillar', name: 'Operational efficiency' },
      { id: 'claims-ops', kind: 'program', name: 'Claims operations excellence' },
    ]);
    expect(kpiRow('claims.turnaround_days').parentId).toBe('claims-ops');
    expect(row('customer').parentId).toBeNull();
  });
});

describe('buildSummary: KPI rows', () => {
  it('reports the canonical value of the latest ended period', () => {
    const r = kpiRow('claims.turnaround_days');
    expect(r).toMatchObject({
      kind: 'kpi',
      ownerId: 'olivia',
      cadence: 'month',
      unit: 'days',
      direction: 'down',
      indicator: 'lag',
      period: '2026-10',
      value: 7.7,
      revision: 2,
      target: 6.4,
      thresholds: { amber: 7, red: 7.6 },
      status: 'off-track',
      statusCounts: { 'no-data': 0, 'on-track': 0, 'at-risk': 0, 'off-track': 1 },
      submittedBy: 'olivia',
      submittedAt: '2026-11-05T10:00:00Z',
      comment: 'storm claims',
      remediation: 'Add 12 temporary adjusters',
      overdue: false,
      overdueCount: 0,
      dependsOn: ['claims.manual_rate', 'platform.uptime'],
    });
  });

  it('uses the period of each cadence', () => {
    expect(kpiRow('platform.auto_adjudication').period).toBe('2026-W47');
    expect(kpiRow('service.nps').period).toBe('2026-Q3');
    expect(kpiRow('claims.cost_per_claim')).toMatchObject({
      period: '2026-Q3',
      value: 120,
      status: 'on-track',
    });
  });

  it('gives a trend of the last 12 periods, oldest first, null where nothing was reported', () => {
    const { trend } = kpiRow('claims.turnaround_days');
    expect(trend).toHaveLength(TREND_LENGTH);
    expect(trend[0]).toEqual({ period: '2025-11', value: 8.3 });
    expect(trend[1]).toEqual({ period: '2025-12', value: null });
    expect(trend.slice(-2)).toEqual([
      { period: '2026-09', value: 7.1 },
      { period: '2026-10', value: 7.7 },
    ]);
    const weekly = kpiRow('platform.auto_adjudication').trend;
    expect(weekly.map((p) => p.period)).toEqual([
      '2026-W36',
      '2026-W37',
      '2026-W38',
      '2026-W39',
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
    ]);
  });

  it('counts the links to a KPI and those whose latest observation for the period diverged', () => {
    expect(kpiRow('claims.turnaround_days')).toMatchObject({ copies: 2, divergentCopies: 1 });
    expect(kpiRow('claims.manual_rate')).toMatchObject({ copies: 1, divergentCopies: 0 });
    expect(kpiRow('platform.uptime')).toMatchObject({ copies: 1, divergentCopies: 1 }); // listed twice in L3: one link
    expect(kpiRow('ops.fte')).toMatchObject({ copies: 0, divergentCopies: 0 });
  });

  it('takes the latest submission of any reading, including ones the store passes apart', () => {
    expect(kpiRow('claims.turnaround_days').lastSubmittedAt).toBe('2026-11-20T08:00:00Z');
    expect(kpiRow('claims.manual_rate').lastSubmittedAt).toBe('2026-11-02T09:00:00Z');
    expect(kpiRow('ops.fte').lastSubmittedAt).toBe('2026-11-02T09:00:00Z'); // a reading of an older period
    expect(kpiRow('service.fcr').lastSubmittedAt).toBeNull();
  });

  it('shows the remediation only while the status needs one', () => {
    expect(kpiRow('claims.manual_rate')).toMatchObject({ status: 'on-track', remediation: null });
    expect(kpiRow('platform.uptime')).toMatchObject({
      status: 'at-risk',
      remediation: null,
      submittedBy: 'ian',
    });
  });

  it('has no data and is overdue without a reading for the period', () => {
    expect(kpiRow('ops.fte')).toMatchObject({
      value: null,
      revision: null,
      status: 'no-data',
      overdue: true,
      overdueCount: 1,
      submittedBy: null,
      submittedAt: null,
      comment: null,
      remediation: null,
    });
    // W47 ended on the 22nd: on the 24th it is exactly 2 days late, not yet overdue.
    expect(kpiRow('claims.backlog')).toMatchObject({ status: 'no-data', overdue: false });
    expect(kpiRow('service.nps')).toMatchObject({ status: 'no-data', overdue: true });
  });

  it('is overdue a day later', () => {
    const later = buildSummary({ ...input, asOf: '2026-11-25' });
    expect(later.find((r) => r.id === 'claims.backlog')).toMatchObject({ period: '2026-W47', overdue: true });
  });

  it('carries the latest reported period beside the due one, with its value and status', () => {
    // Reported for the due period: latest is that period.
    expect(kpiRow('claims.turnaround_days').latest).toEqual({
      period: '2026-10',
      value: 7.7,
      status: 'off-track',
    });
    // October is due and missing: September's number is the last known one (at risk: 431 ≥ 430).
    expect(kpiRow('ops.fte')).toMatchObject({
      period: '2026-10',
      value: null,
      status: 'no-data',
      latest: { period: '2026-09', value: 431, status: 'at-risk' },
    });
    expect(kpiRow('service.fcr').latest).toBeNull();
  });

  it('finds the last known value however old, from what the store passes apart', () => {
    const withOld = buildSummary({
      ...input,
      latestReported: [
        reading('service.fcr', '2025-03', 0.71, { submittedBy: 'sam', revision: 2 }),
        reading('service.nps', '2024-Q4', 36, { submittedBy: 'sam' }),
      ],
    });
    const fcr = withOld.find((r) => r.id === 'service.fcr');
    expect(fcr).toMatchObject({
      period: '2026-10',
      value: null,
      trend: expect.not.arrayContaining([expect.objectContaining({ value: 0.71 })]),
      latest: { period: '2025-03', value: 0.71, status: 'at-risk' },
    });
    expect(withOld.find((r) => r.id === 'service.nps')?.latest).toEqual({
      period: '2024-Q4',
      value: 36,
      status: 'on-track',
    });
  });

  it('leaves a running period and a period of another cadence out of latest', () => {
    const r = buildSummary({
      ...input,
      readings: [
        reading('claims.backlog', '2026-W46', 3900),
        reading('claims.backlog', '2026-W48', 3692), // the running week
        reading('claims.backlog', '2026-11', 3700), // from before the KPI became weekly
      ],
    }).find((x) => x.id === 'claims.backlog');
    expect(r).toMatchObject({
      period: '2026-W47',
      value: null,
      latest: { period: '2026-W46', value: 3900, status: 'on-track' },
    });
  });

  it('uses the per-period target', () => {
    const withOverride = nodes.map((n) =>
      n.id === 'customer.csat' && n.kind === 'kpi' ? { ...n, periodTargets: { '2026-10': 4.5 } } : n,
    );
    const r = buildSummary({ ...input, nodes: withOverride }).find((x) => x.id === 'customer.csat');
    expect(r).toMatchObject({ target: 4.5, value: 4.3, status: 'off-track' });
  });
});

describe('buildSummary: pillar and program rows', () => {
  it('roll up the KPIs below, recursively', () => {
    const expected = {
      status: 'off-track',
      statusCounts: { 'no-data': 2, 'on-track': 2, 'at-risk': 0, 'off-track': 1 },
      copies: 3,
      divergentCopies: 1,
      overdue: true,
      overdueCount: 1,
      lastSubmittedAt: '2026-11-20T08:00:00Z',
    };
    expect(row('claims-ops')).toMatchObject({ kind: 'program', ...expected });
    expect(row('efficiency')).toMatchObject({ kind: 'pillar', ...expected });
    expect(row('digital')).toMatchObject({
      status: 'at-risk',
      statusCounts: { 'no-data': 0, 'on-track': 1, 'at-risk': 1, 'off-track': 0 },
      copies: 1,
      divergentCopies: 1,
      overdueCount: 0,
      overdue: false,
      // 08:00+01:00 is 07:00Z, later than anything else below.
      lastSubmittedAt: '2026-11-23T08:00:00+01:00',
    });
  });

  it('are on track when one KPI is on track and the others have no data, counting those', () => {
    expect(row('customer')).toMatchObject({
      status: 'on-track',
      statusCounts: { 'no-data': 2, 'on-track': 1, 'at-risk': 0, 'off-track': 0 },
      overdueCount: 2,
    });
    expect(row('service')).toMatchObject({ status: 'no-data', overdueCount: 2 });
  });

  it('leave KPI fields empty', () => {
    expect(row('claims-ops')).toMatchObject({
      ownerId: null,
      cadence: null,
      unit: null,
      period: null,
      value: null,
      revision: null,
      target: null,
      thresholds: null,
      trend: [],
      remediation: null,
      dependsOn: [],
    });
  });

  it('has the same keys on every row', () => {
    const keys = Object.keys(kpiRow('ops.fte')).sort();
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(keys);
  });

  it('is no-data with zero counts for a program without KPIs', () => {
    const empty = buildSummary({
      ...input,
      nodes: [...nodes, { id: 'empty', kind: 'program', name: 'Not started', parentId: 'digital' }],
    });
    expect(empty.find((r) => r.id === 'empty')).toMatchObject({
      status: 'no-data',
      statusCounts: { 'no-data': 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0 },
      copies: 0,
      overdueCount: 0,
      lastSubmittedAt: null,
    });
  });
});

describe('buildSummary: the period rule at the boundaries', () => {
  const yearly: ModelNode = {
    id: 'claims.annual_cost',
    kind: 'kpi',
    name: 'Annual claims cost',
    parentId: 'claims-ops',
    unit: 'EUR',
    direction: 'down',
    cadence: 'year',
    ownerId: 'olivia',
    indicator: 'lag',
    dependsOn: [],
  };
  // One KPI of each cadence, each reported for the two periods around its boundary.
  const boundaryInput = (asOf: string): SummaryInput => ({
    nodes: [...nodes, yearly],
    readings: [
      reading('ops.fte', '2026-10', 419),
      reading('ops.fte', '2026-11', 417),
      reading('claims.backlog', '2026-W52', 3650),
      reading('claims.backlog', '2026-W53', 3610),
      reading('claims.cost_per_claim', '2026-Q2', 119.1),
      reading('claims.cost_per_claim', '2026-Q3', 118.6),
      reading('claims.annual_cost', '2025', 24_000_000),
      reading('claims.annual_cost', '2026', 22_500_000),
    ],
    links: [],
    observations: [],
    asOf,
  });
  const rowAt = (id: string, asOf: string) => buildSummary(boundaryInput(asOf)).find((r) => r.id === id);

  it.each([
    // kpi, asOf, period, value
    ['ops.fte', '2026-11-30', '2026-10', 419], // the last day of November: it is still running
    ['ops.fte', '2026-12-01', '2026-11', 417],
    ['claims.backlog', '2027-01-03', '2026-W52', 3650], // the Sunday ending 2026-W53, which crosses into 2027
    ['claims.backlog', '2027-01-04', '2026-W53', 3610],
    ['claims.cost_per_claim', '2026-09-30', '2026-Q2', 119.1], // the last day of Q3
    ['claims.cost_per_claim', '2026-10-01', '2026-Q3', 118.6],
    ['claims.annual_cost', '2026-12-31', '2025', 24_000_000], // the last day of 2026
    ['claims.annual_cost', '2027-01-01', '2026', 22_500_000],
  ] as const)('%s as of %s reports %s', (id, asOf, period, value) => {
    expect(rowAt(id, asOf)).toMatchObject({ period, value, overdue: false });
  });

  it.each([
    // kpi, the period's last day, the period, the one before it
    ['ops.fte', '2026-11-30', '2026-11', '2026-10'],
    ['claims.backlog', '2027-01-03', '2026-W53', '2026-W52'],
    ['claims.cost_per_claim', '2026-09-30', '2026-Q3', '2026-Q2'],
    ['claims.annual_cost', '2026-12-31', '2026', '2025'],
  ] as const)(
    '%s: a period missing after %s is due, then overdue more than two days after it ended',
    (id, lastDay, period, before) => {
      const missing = (asOf: string) => {
        const input = boundaryInput(asOf);
        return buildSummary({ ...input, readings: input.readings.filter((r) => r.period !== period) }).find(
          (r) => r.id === id,
        );
      };
      const day = (n: number) => addDaysToDay(lastDay, n);
      for (const n of [1, 2]) {
        expect(missing(day(n))).toMatchObject({ period, value: null, status: 'no-data', overdue: false });
      }
      expect(missing(day(3))).toMatchObject({ period, value: null, overdue: true });
      expect(missing(day(3))).toMatchObject({ latest: { period: before } });
    },
  );
});

describe('summaryPeriodRange', () => {
  it('names the trend periods each KPI needs', () => {
    const ranges = summaryPeriodRange(nodes, asOf);
    expect(ranges).toHaveLength(nodes.filter((n) => n.kind === 'kpi').length);
    expect(ranges.find((r) => r.kpiId === 'claims.turnaround_days')).toEqual({
      kpiId: 'claims.turnaround_days',
      cadence: 'month',
      period: '2026-10',
      from: '2025-11',
      to: '2026-10',
    });
    expect(ranges.find((r) => r.kpiId === 'platform.auto_adjudication')).toMatchObject({
      from: '2026-W36',
      to: '2026-W47',
    });
    expect(ranges.find((r) => r.kpiId === 'service.nps')).toMatchObject({ from: '2023-Q4', to: '2026-Q3' });
  });

  it('counts a period as ended once its last day is over, not on it', () => {
    expect(summaryPeriodRange(nodes, '2026-10-31').find((r) => r.kpiId === 'ops.fte')?.period).toBe(
      '2026-09',
    );
    expect(summaryPeriodRange(nodes, '2026-11-01').find((r) => r.kpiId === 'ops.fte')?.period).toBe(
      '2026-10',
    );
  });
});

describe('treeOrder', () => {
  it('keeps rows for a model that breaks the rules', () => {
    const broken: ModelNode[] = [
      { id: 'a', kind: 'program', name: 'A', parentId: 'b' },
      { id: 'b', kind: 'program', name: 'B', parentId: 'a' },
      { id: 'p', kind: 'pillar', name: 'P' },
      { id: 'orphan', kind: 'program', name: 'O', parentId: 'gone' },
      { id: 'p', kind: 'pillar', name: 'P again' },
    ];
    expect(treeOrder(broken).map((e) => [e.node.id, e.depth])).toEqual([
      ['p', 0],
      ['orphan', 0],
      ['a', 0],
      ['b', 1],
    ]);
  });
});

describe('laterTime', () => {
  it('compares instants, not text', () => {
    // 08:00+01:00 is 07:00Z: earlier, though its text sorts later.
    expect(laterTime('2026-11-23T08:00:00+01:00', '2026-11-23T07:30:00Z')).toBe('2026-11-23T07:30:00Z');
    expect(laterTime('2026-11-23T08:00:00+01:00', '2026-11-23T07:30:01+00:00')).toBe(
      '2026-11-23T07:30:01+00:00',
    );
    expect(laterTime(null, 'x')).toBe('x');
    expect(laterTime('x', null)).toBe('x');
    expect(laterTime(null, null)).toBeNull();
  });

  it("compares the store's own timestamps (toISOString) as text, with the same answers", () => {
    expect(laterTime('2026-11-23T07:30:00.000Z', '2026-11-23T07:30:00.001Z')).toBe(
      '2026-11-23T07:30:00.001Z',
    );
    expect(laterTime('2027-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z')).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    // Equal instants: the first, as before.
    const a = '2026-11-23T07:30:00.000Z';
    expect(laterTime(a, '2026-11-23T07:30:00.000Z')).toBe(a);
    // One in another form: parsed, as before.
    expect(laterTime('2026-11-23T08:00:00.000+01:00', '2026-11-23T07:30:00.000Z')).toBe(
      '2026-11-23T07:30:00.000Z',
    );
  });
});
