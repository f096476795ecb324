import {
  observationProblems,
  observationRulesError,
  readingProblems,
  readingRulesError,
  type RulesKpi,
} from '../../src/core/reading-rules';

// Two KPIs of the demo organisation: one Olivia owns, one Ian owns.
const turnaround: RulesKpi = {
  id: 'claims.turnaround_days',
  name: 'Claims turnaround time',
  ownerId: 'olivia',
  cadence: 'month',
  direction: 'down',
  target: 6.4,
  thresholds: { amber: 7.0, red: 7.6 },
};
const backlog: RulesKpi = {
  id: 'claims.backlog',
  name: 'Open claims backlog',
  ownerId: 'olivia',
  cadence: 'week',
  direction: 'down',
  target: 3500,
  thresholds: { amber: 4500, red: 5000 },
};
const uptime: RulesKpi = {
  id: 'platform.uptime',
  name: 'Claims platform uptime',
  ownerId: 'ian',
  cadence: 'month',
  direction: 'up',
  target: 0.995,
  periodTargets: { '2026-12': 0.999 },
};
const kpis = [turnaround, backlog, uptime];
const olivia = { id: 'olivia' };
// A Tuesday: November and week 48 are running.
const today = '2026-11-24';

const check = (readings: Parameters<typeof readingProblems>[0]['readings'], user = olivia) =>
  readingProblems({ kpis, user, today, readings });

describe('readingProblems', () => {
  it('accepts an owner reporting ended and running periods', () => {
    expect(
      check([
        { kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.9 },
        { kpiId: 'claims.backlog', period: '2026-W48', value: 3692 },
        { kpiId: 'claims.turnaround_days', period: '2026-11', value: 6.5 },
      ]),
    ).toEqual([]);
  });

  it('names an unknown KPI and checks nothing else of that reading', () => {
    expect(check([{ kpiId: 'claims.nope', period: 'W47', value: 1 }])).toEqual([
      { code: 'unknown_kpi', path: 'readings.0.kpiId', message: 'No KPI "claims.nope".' },
    ]);
  });

  it('refuses anyone but the owner, admins included', () => {
    const problems = readingProblems({
      kpis,
      user: { id: 'ada' }, // the demo's admin
      today,
      readings: [{ kpiId: 'platform.uptime', period: '2026-10', value: 0.998 }],
    });
    expect(problems).toEqual([
      {
        code: 'not_kpi_owner',
        path: 'readings.0.kpiId',
        message:
          'Claims platform uptime (platform.uptime) is owned by ian; only its owner may submit readings.',
      },
    ]);
  });

  it.each([
    ['2026-W44', 'is a week key'],
    ['2026-Q3', 'is a quarter key'],
    ['2026-13', 'is not a valid period'],
  ])('refuses %s for a monthly KPI (%s)', (period, says) => {
    const [problem, ...rest] = check([{ kpiId: 'claims.turnaround_days', period, value: 6.9 }]);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'period_mismatch',
      path: 'readings.0.period',
      message: `${period} ${says}, but claims.turnaround_days is reported every month.`,
    });
  });

  it('refuses a period that has not started, up to the day', () => {
    expect(check([{ kpiId: 'claims.backlog', period: '2026-W49', value: 3400 }])).toEqual([
      { code: 'period_in_future', path: 'readings.0.period', message: '2026-W49 has not started yet.' },
    ]);
    // W49 starts on Monday 30 November.
    expect(
      readingProblems({
        kpis,
        user: olivia,
        today: '2026-11-30',
        readings: [{ kpiId: 'claims.backlog', period: '2026-W49', value: 3400 }],
      }),
    ).toEqual([]);
  });

  it('asks for a remediation note when a value is at risk or off track', () => {
    expect(check([{ kpiId: 'claims.turnaround_days', period: '2026-10', value: 7.1 }])).toEqual([
      {
        code: 'remediation_required',
        path: 'readings.0.remediation',
        message: '7.1 for Claims turnaround time in 2026-10 is at-risk: add a remediation note.',
      },
    ]);
    expect(
      check([{ kpiId: 'claims.turnaround_days', period: '2026-10', value: 7.8, remediation: '   ' }]),
    ).toMatchObject([{ code: 'remediation_required' }]);
    expect(
      check([
        { kpiId: 'claims.turnaround_days', period: '2026-10', value: 7.8, remediation: 'Two adjusters' },
      ]),
    ).toEqual([]);
  });

  it("judges the value against the period's own target", () => {
    const ian = { id: 'ian' };
    // 0.997 meets the KPI's target but not December's override (no thresholds: below target is off track).
    expect(check([{ kpiId: 'platform.uptime', period: '2026-10', value: 0.997 }], ian)).toEqual([]);
    expect(
      readingProblems({
        kpis,
        user: ian,
        today: '2026-12-10',
        readings: [{ kpiId: 'platform.uptime', period: '2026-12', value: 0.997 }],
      }),
    ).toMatchObject([{ code: 'remediation_required', path: 'readings.0.remediation' }]);
  });

  it('returns every problem, in request order and rule order', () => {
    expect(
      check(
        [
          { kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.9 },
          { kpiId: 'platform.uptime', period: '2027-01', value: 0.97 },
          { kpiId: 'claims.backlog', period: '2026-11', value: 3600 },
        ],
        olivia,
      ).map((p) => [p.path, p.code]),
    ).toEqual([
      ['readings.1.kpiId', 'not_kpi_owner'],
      ['readings.1.period', 'period_in_future'],
      ['readings.1.remediation', 'remediation_required'],
      ['readings.2.period', 'period_mismatch'],
    ]);
  });
});

describe('readingRulesError', () => {
  it('is undefined without problems', () => {
    expect(readingRulesError([])).toBeUndefined();
  });

  it("uses the problem's own message when one reading is at fault", () => {
    const error = readingRulesError(check([{ kpiId: 'claims.backlog', period: '2026-W49', value: 1 }]))!;
    expect(error.code).toBe('period_in_future');
    expect(error.status).toBe(422);
    expect(error.message).toBe('2026-W49 has not started yet.');
    expect(error.details).toEqual([{ path: 'readings.0.period', message: '2026-W49 has not started yet.' }]);
  });

  it('lets ownership win (403) and counts readings, not problems', () => {
    const error = readingRulesError(
      check([
        { kpiId: 'claims.backlog', period: '2026-11', value: 1 },
        { kpiId: 'platform.uptime', period: '2027-01', value: 0.97 },
      ]),
    )!;
    expect(error.code).toBe('not_kpi_owner');
    expect(error.status).toBe(403);
    expect(error.message).toBe('2 readings break a rule; nothing was stored.');
    expect(error.details).toHaveLength(4);
  });

  it('keeps the lead message when one reading breaks several rules', () => {
    const error = readingRulesError(check([{ kpiId: 'platform.uptime', period: '2027-01', value: 0.97 }]))!;
    expect(error.code).toBe('not_kpi_owner');
    expect(error.message).toMatch(/owned by ian/);
    expect(error.details).toHaveLength(3);
  });
});

describe('observationProblems', () => {
  const links = [
    { id: 'L-pack', kpiIds: ['claims.turnaround_days', 'claims.backlog'] },
    { id: 'L-uptime', kpiIds: ['platform.uptime'] },
  ];
  const observe = (observations: Parameters<typeof observationProblems>[0]['observations']) =>
    observationProblems({ kpis, links, observations });

  it('accepts observations of bound KPIs in their cadence', () => {
    expect(
      observe([
        { linkId: 'L-pack', kpiId: 'claims.turnaround_days', period: '2026-10' },
        { linkId: 'L-pack', kpiId: 'claims.backlog', period: '2026-W47' },
        { linkId: 'L-uptime', kpiId: 'platform.uptime', period: '2026-06' },
      ]),
    ).toEqual([]);
  });

  it('names an unknown link, an unbound KPI, an unknown KPI and a period of another cadence', () => {
    expect(
      observe([
        { linkId: 'nope', kpiId: 'platform.uptime', period: '2026-10' },
        { linkId: 'L-uptime', kpiId: 'claims.turnaround_days', period: '2026-10' },
        { linkId: 'L-pack', kpiId: 'claims.nope', period: '2026-10' },
        { linkId: 'L-pack', kpiId: 'claims.backlog', period: '2026-11' },
      ]),
    ).toEqual([
      { code: 'unknown_link', path: 'observations.0.linkId', message: 'No link "nope"; register it first.' },
      {
        code: 'link_invalid',
        path: 'observations.1.kpiId',
        message: 'Link "L-uptime" is not bound to claims.turnaround_days.',
      },
      { code: 'unknown_kpi', path: 'observations.2.kpiId', message: 'No KPI "claims.nope".' },
      {
        code: 'period_mismatch',
        path: 'observations.3.period',
        message: '2026-11 is not a week of claims.backlog.',
      },
    ]);
  });

  it('reports every problem of one observation', () => {
    expect(
      observe([{ linkId: 'nope', kpiId: 'claims.backlog', period: '2026-11' }]).map((p) => p.code),
    ).toEqual(['unknown_link', 'period_mismatch']);
  });
});

describe('observationRulesError', () => {
  it("takes the first problem's code, and its message when one observation is at fault", () => {
    const one = observationRulesError([
      { code: 'unknown_link', path: 'observations.0.linkId', message: 'No link "nope"; register it first.' },
      { code: 'period_mismatch', path: 'observations.0.period', message: '2026-11 is not a week.' },
    ])!;
    expect([one.code, one.message]).toEqual(['unknown_link', 'No link "nope"; register it first.']);
    const two = observationRulesError([
      { code: 'link_invalid', path: 'observations.0.kpiId', message: 'not bound' },
      { code: 'unknown_link', path: 'observations.1.linkId', message: 'no link' },
    ])!;
    expect([two.code, two.message]).toEqual([
      'link_invalid',
      '2 observations are invalid; nothing was recorded.',
    ]);
    expect(observationRulesError([])).toBeUndefined();
  });
});
