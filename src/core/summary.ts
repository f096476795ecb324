/**
 * The rows of `GET /v1/summary` (DESIGN §3, contract), computed from data the
 * store hands in: the model, readings, links, latest observations and the day
 * the summary is "as of". The same rows feed the pane and `summary.xlsx`.
 */
import type { Reading } from './api';
import type { Direction, Kpi, ModelNode, Thresholds } from './model';
import { targetFor } from './kpi-rules';
import { isOverdue } from './overdue';
import {
  comparePeriods,
  isPeriodKey,
  latestEndedPeriod,
  periodsEndingWith,
  shiftPeriod,
  type Cadence,
} from './period-key';
import { laterTime, rollupKpis, treeOrder, type AncestorEntry, type KpiFacts } from './rollup';
import { countStatuses, needsRemediation, statusOf, type Status } from './status';
import type { Verdict } from './verdict';

/** How many periods a trend covers, ending with the row's period. */
export const TREND_LENGTH = 12;

/** One point of a trend: the canonical value of a period, null when none was reported. */
export interface TrendPoint {
  period: string;
  value: number | null;
}

/** What the summary needs of a reading (a stored `Reading` fits). */
export type SummaryReading = Pick<
  Reading,
  'kpiId' | 'period' | 'value' | 'revision' | 'submittedBy' | 'submittedAt' | 'comment' | 'remediation'
>;

/** What the summary needs of a link (a stored `Link` fits). */
export interface SummaryLink {
  id: string;
  kpiIds: readonly string[];
}

/** The latest observation of one link for one KPI and period. */
export interface SummaryObservation {
  linkId: string;
  kpiId: string;
  period: string;
  verdict: Verdict;
}

export interface SummaryInput {
  /** The model; the order given decides the order of siblings. */
  nodes: readonly ModelNode[];
  /**
   * Readings of the KPIs for at least the periods `summaryPeriodRange` names.
   * All revisions may be passed: the highest revision per KPI and period is canonical.
   */
  readings: readonly SummaryReading[];
  links: readonly SummaryLink[];
  /** The latest observation per link, KPI and period (others are harmless but unneeded). */
  observations: readonly SummaryObservation[];
  /**
   * Per KPI, the canonical reading of its latest reported period that ended
   * before `asOf`, however old (the store's `latestReported`: one query for all
   * KPIs). Optional: without it `latest` is looked for among `readings` only,
   * which cover just the trend's periods.
   */
  latestReported?: readonly SummaryReading[];
  /** The calendar day (`YYYY-MM-DD`) the summary is as of. */
  asOf: string;
  /**
   * Latest `submittedAt` of any reading per KPI id, whatever its period. Optional:
   * `readings` only need to cover the trend's periods, but the last submission may
   * be a revision of an older period or a reading for the period still running,
   * so the store should pass this (one MAX … GROUP BY query). The later of this
   * and what `readings` show is used.
   */
  lastSubmittedAt?: Readonly<Record<string, string>>;
}

/** The last known value of a KPI: its latest reported period, with the canonical value and its status. */
export interface LatestReported {
  period: string;
  value: number;
  status: Status;
}

interface RowBase {
  id: string;
  name: string;
  parentId: string | null;
  /** The ancestors (id, kind, name), pillar first; empty for a pillar. As in `GET /v1/kpis`. */
  path: AncestorEntry[];
  /** 0 for a pillar, 1 below it, … (for indenting). */
  depth: number;
  status: Status;
  /** For a KPI its own status counted once; for a group every KPI below, by status. */
  statusCounts: Record<Status, number>;
  /** Links that include the KPI; for a group the sum over the KPIs below. */
  copies: number;
  /** Links whose latest observation for `period` diverged; for a group the sum below. */
  divergentCopies: number;
  /** For a KPI: no reading for `period` 2 days after it ended; for a group: `overdueCount > 0`. */
  overdue: boolean;
  /** For a KPI 0 or 1; for a group the number of overdue KPIs below. */
  overdueCount: number;
  /** Latest `submittedAt` of any reading of the KPI; for a group the latest below. */
  lastSubmittedAt: string | null;
}

/** A KPI's row. */
export interface KpiSummaryRow extends RowBase {
  kind: 'kpi';
  ownerId: string;
  cadence: Cadence;
  unit: string;
  direction: Direction;
  indicator: Kpi['indicator'];
  /**
   * The period the row is about: the latest period of the KPI's cadence that
   * has ended by `asOf` (whose last day is before `asOf`; see `latestEndedPeriod`).
   */
  period: string;
  /** The canonical value for `period` (its latest revision), null when none. */
  value: number | null;
  /**
   * The latest period up to `period` that has a reading, with its canonical
   * value and status: `period`'s own when it was reported, else the last known
   * one, so a period that is due never hides what was reported before it. Null
   * when nothing was ever reported. (A period still running is left out, like
   * from the row: its number is not final.)
   */
  latest: LatestReported | null;
  revision: number | null;
  /** The target for `period` (its override, else the KPI's target), null when none. */
  target: number | null;
  thresholds: Thresholds | null;
  /** The last `TREND_LENGTH` periods ending with `period`, oldest first. */
  trend: TrendPoint[];
  /** Who submitted the canonical value, and when. */
  submittedBy: string | null;
  submittedAt: string | null;
  comment: string | null;
  /** The canonical reading's remediation note while the status is at risk or off track, else null. */
  remediation: string | null;
  dependsOn: string[];
}

/** A pillar's or program's row: KPI-only fields are null (or empty), facts are rolled up. */
export interface GroupSummaryRow extends RowBase {
  kind: 'pillar' | 'program';
  ownerId: null;
  cadence: null;
  unit: null;
  direction: null;
  indicator: null;
  period: null;
  value: null;
  latest: null;
  revision: null;
  target: null;
  thresholds: null;
  trend: [];
  submittedBy: null;
  submittedAt: null;
  comment: null;
  remediation: null;
  dependsOn: [];
}

/** One row of `GET /v1/summary`; every row has every key, so tables and sheets stay rectangular. */
export type SummaryRow = KpiSummaryRow | GroupSummaryRow;

/** The periods one KPI's summary row needs readings for: `from` … `to`, both included. */
export interface SummaryPeriodRange {
  kpiId: string;
  cadence: Cadence;
  /** The row's period (= `to`). */
  period: string;
  /** `TREND_LENGTH - 1` periods before `period`. */
  from: string;
  to: string;
}

/**
 * Which readings `buildSummary` needs: per KPI, the trend's periods. KPIs of
 * one cadence share `from`/`to` (period keys of one cadence sort as text), so the
 * store can fetch with one range query per cadence.
 */
export function summaryPeriodRange(nodes: readonly ModelNode[], asOf: string): SummaryPeriodRange[] {
  return nodes
    .filter((n): n is Kpi => n.kind === 'kpi')
    .map((kpi) => {
      const period = latestEndedPeriod(kpi.cadence, asOf);
      return {
        kpiId: kpi.id,
        cadence: kpi.cadence,
        period,
        from: shiftPeriod(period, 1 - TREND_LENGTH),
        to: period,
      };
    });
}

const key = (kpiId: string, period: string) => `${kpiId}\u0000${period}`;

/**
 * The rows of `GET /v1/summary` (contract): one per node in tree order (each
 * pillar, then its children in the order given, depth first; see `treeOrder`).
 * A KPI row reports its latest ended period as of `asOf`; a program or pillar
 * row rolls up every KPI below it (see `rollupKpis`).
 */
export function buildSummary(input: SummaryInput): SummaryRow[] {
  // By KPI, then period: thousands of KPIs × their trends are looked up without building a key per cell.
  const canonical = new Map<string, Map<string, SummaryReading>>();
  const lastSubmitted = new Map<string, string>(Object.entries(input.lastSubmittedAt ?? {}));
  const take = (r: SummaryReading) => {
    let periods = canonical.get(r.kpiId);
    if (!periods) canonical.set(r.kpiId, (periods = new Map()));
    const current = periods.get(r.period);
    if (!current || r.revision > current.revision) periods.set(r.period, r);
    const last = lastSubmitted.get(r.kpiId);
    if (last !== r.submittedAt)
      lastSubmitted.set(r.kpiId, laterTime(last ?? null, r.submittedAt) ?? r.submittedAt);
  };
  for (const r of input.readings) take(r);
  for (const r of input.latestReported ?? []) take(r);

  const linksOf = new Map<string, Set<string>>();
  for (const link of input.links) {
    for (const kpiId of link.kpiIds) {
      const set = linksOf.get(kpiId);
      if (set) set.add(link.id);
      else linksOf.set(kpiId, new Set([link.id]));
    }
  }
  // Only links that still include the KPI count, so divergentCopies ≤ copies.
  const diverged = new Map<string, Set<string>>();
  for (const o of input.observations) {
    if (o.verdict !== 'diverged' || !linksOf.get(o.kpiId)?.has(o.linkId)) continue;
    const k = key(o.kpiId, o.period);
    const set = diverged.get(k);
    if (set) set.add(o.linkId);
    else diverged.set(k, new Set([o.linkId]));
  }

  // KPIs of one cadence share their period and trend: each is worked out once.
  const periodOf = memo((cadence: Cadence) => latestEndedPeriod(cadence, input.asOf));
  const trendOf = memo((period: string) => periodsEndingWith(period, TREND_LENGTH));

  const entries = treeOrder(input.nodes);
  const kpiRows = new Map<string, KpiSummaryRow>();
  for (const { node, depth, path } of entries) {
    if (node.kind !== 'kpi') continue;
    const period = periodOf(node.cadence);
    const trend = trendOf(period);
    const reported = canonical.get(node.id);
    const reading = reported?.get(period);
    const value = reading?.value ?? null;
    const status = statusOf(node, value, period);
    const last = latestUpTo(reported, node.cadence, trend);
    const overdue = isOverdue(period, reading !== undefined, input.asOf);
    kpiRows.set(node.id, {
      id: node.id,
      kind: 'kpi',
      name: node.name,
      parentId: node.parentId,
      path,
      depth,
      ownerId: node.ownerId,
      cadence: node.cadence,
      unit: node.unit,
      direction: node.direction,
      indicator: node.indicator,
      period,
      value,
      latest: last
        ? { period: last.period, value: last.value, status: statusOf(node, last.value, last.period) }
        : null,
      revision: reading?.revision ?? null,
      target: targetFor(node, period) ?? null,
      thresholds: node.thresholds ?? null,
      status,
      statusCounts: countStatuses([status]),
      trend: trend.map((p) => ({ period: p, value: reported?.get(p)?.value ?? null })),
      copies: linksOf.get(node.id)?.size ?? 0,
      divergentCopies: diverged.get(key(node.id, period))?.size ?? 0,
      lastSubmittedAt: lastSubmitted.get(node.id) ?? null,
      submittedBy: reading?.submittedBy ?? null,
      submittedAt: reading?.submittedAt ?? null,
      comment: reading?.comment ?? null,
      remediation: needsRemediation(status) ? (reading?.remediation ?? null) : null,
      overdue,
      overdueCount: overdue ? 1 : 0,
      dependsOn: [...node.dependsOn],
    });
  }

  const below = new Map<string, KpiFacts[]>();
  for (const { node, path } of entries) {
    const row = kpiRows.get(node.id);
    if (!row) continue;
    for (const { id: ancestor } of path) {
      const list = below.get(ancestor);
      if (list) list.push(row);
      else below.set(ancestor, [row]);
    }
  }

  return entries.map(({ node, depth, path }): SummaryRow => {
    const kpiRow = kpiRows.get(node.id);
    if (kpiRow) return kpiRow;
    const facts = rollupKpis(below.get(node.id) ?? []);
    return {
      id: node.id,
      // A KPI is always in kpiRows, so this node is a pillar or a program.
      kind: node.kind === 'pillar' ? 'pillar' : 'program',
      name: node.name,
      parentId: node.parentId ?? null,
      path,
      depth,
      ownerId: null,
      cadence: null,
      unit: null,
      direction: null,
      indicator: null,
      period: null,
      value: null,
      latest: null,
      revision: null,
      target: null,
      thresholds: null,
      status: facts.status,
      statusCounts: facts.statusCounts,
      trend: [],
      copies: facts.copies,
      divergentCopies: facts.divergentCopies,
      lastSubmittedAt: facts.lastSubmittedAt,
      submittedBy: null,
      submittedAt: null,
      comment: null,
      remediation: null,
      overdue: facts.overdueCount > 0,
      overdueCount: facts.overdueCount,
      dependsOn: [],
    };
  });
}

/**
 * The reading of the latest period of `cadence` up to the last of `trend` (the
 * row's period) among a KPI's canonical readings, by period. Readings of
 * another cadence (the KPI's cadence changed since) are not periods of this row.
 */
function latestUpTo(
  reported: ReadonlyMap<string, SummaryReading> | undefined,
  cadence: Cadence,
  trend: readonly string[],
): SummaryReading | undefined {
  if (!reported) return undefined;
  // The trend is the row's last periods: one reported there is later than any before it.
  for (let i = trend.length - 1; i >= 0; i--) {
    const found = reported.get(trend[i]!);
    if (found) return found;
  }
  const last = trend[trend.length - 1]!;
  let best: SummaryReading | undefined;
  for (const r of reported.values()) {
    if (!isPeriodKey(r.period, cadence) || comparePeriods(r.period, last) > 0) continue;
    if (!best || comparePeriods(r.period, best.period) > 0) best = r;
  }
  return best;
}

/** `f` remembered by its argument, for the few distinct cadences and periods of a summary. */
function memo<K, V>(f: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (k) => {
    if (!seen.has(k)) seen.set(k, f(k));
    return seen.get(k)!;
  };
}
