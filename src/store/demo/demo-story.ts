/**
 * The demo organisation's history, told in readings and anchored on the day the
 * demo runs, so it is always current: the last ten complete months (the last
 * one, "month 0", being the last month that has ended), the last 47 complete
 * weeks and the last six complete quarters. Claims turnaround improves month
 * after month but slips back to at risk in the last month (a corrected
 * revision), platform uptime dips off track four months before it (with a
 * remediation plan), and Sam (Service) has not sent the last month's
 * first-contact resolution. The monthly figures are those of the generated
 * sample pack (demo-packs.ts), so the pack reconciles against the demo store,
 * and its regional copy does not.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { latestEndedPeriod, periodBounds, periodsEndingWith, shiftPeriod } from '../../core/period-key';

export interface StoryReading {
  kpiId: string;
  period: string;
  value: number;
  comment?: string;
  remediation?: string;
}

/** Where the story ends: the last period of each cadence that has ended by the demo's day. */
export interface StoryEnd {
  /** The last complete month: the story's "this month's report". */
  month: string;
  week: string;
  quarter: string;
}

export function storyEnd(today: string): StoryEnd {
  return {
    month: latestEndedPeriod('month', today),
    week: latestEndedPeriod('week', today),
    quarter: latestEndedPeriod('quarter', today),
  };
}

/** How many complete months the story (and the pack) holds. */
export const STORY_MONTHS = 10;
/** The month of the uptime dip, counted back from the last complete month. */
export const UPTIME_DIP_MONTHS_BACK = 4;

/** `2026-06` → `June`. */
export function monthName(month: string): string {
  return format(parseISO(periodBounds(month).start), 'LLLL');
}

/** The story's months, oldest first, ending with the last complete month. */
export function storyMonths(end: StoryEnd): string[] {
  return periodsEndingWith(end.month, STORY_MONTHS);
}

/** The first reports of the five monthly KPIs, oldest month first (as the central pack holds them). */
export const MONTHLY_FIGURES: Record<string, readonly number[]> = {
  'claims.turnaround_days': [8.1, 7.9, 7.6, 7.4, 7.2, 7.0, 6.9, 6.8, 6.9, 6.7],
  'claims.manual_rate': [0.19, 0.185, 0.18, 0.17, 0.165, 0.16, 0.155, 0.15, 0.148, 0.145],
  'ops.fte': [452, 448, 447, 441, 436, 430, 428, 425, 421, 419],
  'platform.uptime': [0.991, 0.987, 0.993, 0.996, 0.995, 0.978, 0.994, 0.997, 0.996, 0.998],
  // The last month is in the pack but Sam has not submitted it: the overdue owner.
  'service.fcr': [0.715, 0.72, 0.724, 0.731, 0.73, 0.738, 0.742, 0.749, 0.753, 0.758],
};

/** The readings of the demo: first submissions, then the corrections made after them. */
export interface DemoStory {
  readings: StoryReading[];
  corrections: StoryReading[];
}

export function demoStory(end: StoryEnd): DemoStory {
  const months = storyMonths(end);
  const last = STORY_MONTHS - 1;
  const dip = last - UPTIME_DIP_MONTHS_BACK;
  const monthly = (kpiId: string, notes: Record<number, Partial<StoryReading>> = {}, count = STORY_MONTHS) =>
    MONTHLY_FIGURES[kpiId]!.slice(0, count).map((value, i): StoryReading => ({
      kpiId,
      period: months[i]!,
      value,
      ...notes[i],
    }));

  const turnaround = monthly('claims.turnaround_days', {
    0: { comment: 'Baseline before the cloud claims platform.' },
    [dip]: { comment: 'Failover week added a day to open claims.' },
  });
  /** The last month was first reported from the pack, then corrected once the re-opened claims were counted. */
  const correction: StoryReading = {
    kpiId: 'claims.turnaround_days',
    period: end.month,
    value: 7.1,
    comment: `Corrected: 6.7 left out claims re-opened after the ${monthName(months[last - 1]!)} migration wave.`,
    remediation: `Two extra adjusters on re-opened claims until mid-${monthName(shiftPeriod(end.month, 2))}; weekly review with IT on auto-adjudication.`,
  };
  const uptime = monthly('platform.uptime', {
    [dip]: {
      comment: `Data-centre failover on 11 ${monthName(months[dip]!)}: 14 hours degraded.`,
      remediation: `Second region live in ${monthName(months[dip + 1]!)}; failover drill every quarter; status page for claims handlers.`,
    },
  });

  return {
    readings: [
      ...turnaround,
      ...monthly('claims.manual_rate'),
      ...monthly('ops.fte'),
      ...uptime,
      ...monthly('service.fcr', {}, STORY_MONTHS - 1),
      ...weekly('claims.backlog', end.week, (w) => Math.round(5650 - w * 20), BACKLOG_FROM_PACK),
      ...weekly(
        'platform.auto_adjudication',
        end.week,
        (w) => Number((0.3 + w * 0.005).toFixed(3)),
        AUTO_FROM_PACK,
      ),
      ...quarterly('claims.cost_per_claim', end.quarter, [131.2, 127.9, 124.35, 121.8, 119.1, 118.6]),
      ...quarterly('service.nps', end.quarter, [28, 29, 31, 33, 34, 34]),
    ],
    corrections: [correction],
  };
}

const STORY_WEEKS = 47;

/** The weekly pack's figures (weekly-backlog.xlsx) for the last 25 weeks; earlier weeks continue its trend backwards. */
const BACKLOG_FROM_PACK = [
  5200, 5156, 5112, 5017, 4973, 4929, 4834, 4790, 4746, 4651, 4607, 4563, 4468, 4424, 4380, 4285, 4241, 4197,
  4102, 4058, 4014, 3919, 3875, 3831, 3736,
];
const AUTO_FROM_PACK = [
  0.41, 0.417, 0.424, 0.431, 0.438, 0.445, 0.452, 0.459, 0.466, 0.473, 0.48, 0.487, 0.494, 0.501, 0.508,
  0.515, 0.522, 0.529, 0.536, 0.543, 0.55, 0.557, 0.564, 0.571, 0.578,
];

function weekly(
  kpiId: string,
  lastWeek: string,
  before: (weekIndex: number) => number,
  pack: readonly number[],
): StoryReading[] {
  const firstPackWeek = STORY_WEEKS - pack.length;
  return periodsEndingWith(lastWeek, STORY_WEEKS).map((period, i) => ({
    kpiId,
    period,
    value: i >= firstPackWeek ? pack[i - firstPackWeek]! : before(i),
  }));
}

/** The finance pack's quarterly figures, oldest first, ending with the last complete quarter. */
function quarterly(kpiId: string, lastQuarter: string, values: readonly number[]): StoryReading[] {
  const quarters = periodsEndingWith(lastQuarter, values.length);
  return values.map((value, i) => ({ kpiId, period: quarters[i]!, value }));
}

/** Generic remediation notes for early readings that breached their thresholds. */
export const DEFAULT_REMEDIATION: Record<string, string> = {
  'claims.turnaround_days': 'Triage desk for complex claims; daily stand-up on claims older than 10 days.',
  'claims.manual_rate': 'Rules for the top 20 manual-review reasons move to the cloud platform this year.',
  'ops.fte': 'Natural attrition, no backfill while automation ramps up.',
  'platform.uptime': 'Incident review with the vendor; error budget tracked weekly.',
  'platform.auto_adjudication': 'Rules migration wave plan agreed with Claims Ops; one wave every two weeks.',
  'claims.backlog': 'Weekend overtime rota and re-routing of simple claims to auto-adjudication.',
  'service.fcr': 'Knowledge base refresh and call-back scripts for claims status questions.',
  'service.nps': 'Proactive status messages on open claims.',
  'claims.cost_per_claim': 'Lower handling FTE and fewer manual interventions as automation grows.',
};
