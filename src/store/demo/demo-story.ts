/**
 * The demo organisation's history for 2026, told in readings: claims
 * turnaround improving month after month but slipping back to at-risk in
 * October (a corrected revision), platform uptime dipping off track in June,
 * and Sam (Service) overdue with October's first-contact resolution.
 * The monthly figures are those of the sample pack `ops-monthly.xlsx`, so the
 * pack reconciles against the demo store, and the regional copy does not.
 */

export interface StoryReading {
  kpiId: string;
  period: string;
  value: number;
  comment?: string;
  remediation?: string;
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);

function monthly(
  kpiId: string,
  values: number[],
  notes: Record<string, Partial<StoryReading>> = {},
): StoryReading[] {
  return values.map((value, i) => {
    const period = MONTHS[i]!;
    return { kpiId, period, value, ...notes[period] };
  });
}

const turnaround = monthly('claims.turnaround_days', [8.1, 7.9, 7.6, 7.4, 7.2, 7.0, 6.9, 6.8, 6.9, 6.7], {
  '2026-01': { comment: 'Baseline before the cloud claims platform.' },
  '2026-06': { comment: 'Failover week added a day to open claims.' },
});

/** October was first reported from the pack, then corrected once the backlog after the outage was counted. */
const turnaroundCorrection: StoryReading = {
  kpiId: 'claims.turnaround_days',
  period: '2026-10',
  value: 7.1,
  comment: 'Corrected: 6.7 left out claims re-opened after the September migration wave.',
  remediation:
    'Two extra adjusters on re-opened claims until mid-December; weekly review with IT on auto-adjudication.',
};

const manualRate = monthly(
  'claims.manual_rate',
  [0.19, 0.185, 0.18, 0.17, 0.165, 0.16, 0.155, 0.15, 0.148, 0.145],
);

const fte = monthly('ops.fte', [452, 448, 447, 441, 436, 430, 428, 425, 421, 419]);

const uptime = monthly(
  'platform.uptime',
  [0.991, 0.987, 0.993, 0.996, 0.995, 0.978, 0.994, 0.997, 0.996, 0.998],
  {
    '2026-06': {
      comment: 'Data-centre failover on 11 June: 14 hours degraded.',
      remediation:
        'Second region live in July; failover drill every quarter; status page for claims handlers.',
    },
  },
);

/** Sam has not sent October yet: the overdue owner of the demo. */
const fcr = monthly('service.fcr', [0.715, 0.72, 0.724, 0.731, 0.73, 0.738, 0.742, 0.749, 0.753]);

/** ISO weeks of 2026, W01 to W47, as `2026-Wnn`. */
function weeks(last: number): string[] {
  return Array.from({ length: last }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
}

/** The weekly pack (weekly-backlog.xlsx) starts at W23; earlier weeks continue its trend backwards. */
const backlogFromPack = [
  5200, 5156, 5112, 5017, 4973, 4929, 4834, 4790, 4746, 4651, 4607, 4563, 4468, 4424, 4380, 4285, 4241, 4197,
  4102, 4058, 4014, 3919, 3875, 3831, 3736,
];
const autoFromPack = [
  0.41, 0.417, 0.424, 0.431, 0.438, 0.445, 0.452, 0.459, 0.466, 0.473, 0.48, 0.487, 0.494, 0.501, 0.508,
  0.515, 0.522, 0.529, 0.536, 0.543, 0.55, 0.557, 0.564, 0.571, 0.578,
];

function weekly(kpiId: string, before: (weekIndex: number) => number, pack: number[]): StoryReading[] {
  const all = weeks(47);
  const firstPackWeek = 23;
  return all.map((period, i) => {
    const week = i + 1;
    const value = week >= firstPackWeek ? pack[week - firstPackWeek]! : before(week);
    return { kpiId, period, value };
  });
}

const backlog = weekly('claims.backlog', (w) => Math.round(5650 - (w - 1) * 20), backlogFromPack);
const autoAdjudication = weekly(
  'platform.auto_adjudication',
  (w) => Number((0.3 + (w - 1) * 0.005).toFixed(3)),
  autoFromPack,
);

/** Quarterly figures of finance-quarterly.xlsx (fiscal year from April: FY26 Q1 = 2025-Q2), plus 2026-Q3. */
const costPerClaim: StoryReading[] = [
  ['2025-Q2', 131.2],
  ['2025-Q3', 127.9],
  ['2025-Q4', 124.35],
  ['2026-Q1', 121.8],
  ['2026-Q2', 119.1],
  ['2026-Q3', 118.6],
].map(([period, value]) => ({
  kpiId: 'claims.cost_per_claim',
  period: String(period),
  value: Number(value),
}));

const nps: StoryReading[] = [
  ['2025-Q2', 28],
  ['2025-Q3', 29],
  ['2025-Q4', 31],
  ['2026-Q1', 33],
  ['2026-Q2', 34],
  ['2026-Q3', 34],
].map(([period, value]) => ({ kpiId: 'service.nps', period: String(period), value: Number(value) }));

/** The first submissions, in the order they were made; then the corrections. */
export const DEMO_READINGS: StoryReading[] = [
  ...turnaround,
  ...manualRate,
  ...fte,
  ...uptime,
  ...fcr,
  ...backlog,
  ...autoAdjudication,
  ...costPerClaim,
  ...nps,
];

export const DEMO_CORRECTIONS: StoryReading[] = [turnaroundCorrection];

/** Generic remediation notes for early-year readings that breached their thresholds. */
export const DEFAULT_REMEDIATION: Record<string, string> = {
  'claims.turnaround_days': 'Triage desk for complex claims; daily stand-up on claims older than 10 days.',
  'claims.manual_rate': 'Rules for the top 20 manual-review reasons move to the cloud platform by Q3.',
  'ops.fte': 'Natural attrition, no backfill while automation ramps up.',
  'platform.uptime': 'Incident review with the vendor; error budget tracked weekly.',
  'platform.auto_adjudication': 'Rules migration wave plan agreed with Claims Ops; one wave every two weeks.',
  'claims.backlog': 'Weekend overtime rota and re-routing of simple claims to auto-adjudication.',
  'service.fcr': 'Knowledge base refresh and call-back scripts for claims status questions.',
  'service.nps': 'Proactive status messages on open claims.',
  'claims.cost_per_claim': 'Lower handling FTE and fewer manual interventions as automation grows.',
};
