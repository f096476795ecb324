import { periodsEndingWith, type Cadence } from '../core/period-key';
import { buildSummary, summaryPeriodRange, TREND_LENGTH, type SummaryRow } from '../core/summary';
import type { StoreDb } from './db/repository';

/**
 * Gathers what `buildSummary` needs from the store, never one query per KPI:
 * per cadence one query for the trends' periods (the only readings a row
 * shows) and one for the observations of the rows' period that diverged; every link's KPIs; each KPI's last
 * submission; and, only for KPIs with nothing reported in their trend, the
 * last period they ever reported (which may be older than the trend).
 */
export async function loadSummary(db: StoreDb, asOf: string): Promise<SummaryRow[]> {
  const nodes = await db.listNodes();
  const ranges = summaryPeriodRange(nodes, asOf);
  const byCadence = new Map<Cadence, { kpiIds: string[]; period: string; trend: string[] }>();
  for (const range of ranges) {
    const entry = byCadence.get(range.cadence) ?? {
      kpiIds: [],
      // KPIs of one cadence share their period and trend (see summaryPeriodRange).
      period: range.period,
      trend: periodsEndingWith(range.period, TREND_LENGTH),
    };
    entry.kpiIds.push(range.kpiId);
    byCadence.set(range.cadence, entry);
  }
  const groups = [...byCadence.values()];
  const kpiIds = ranges.map((r) => r.kpiId);
  const [readings, links, observations, lastSubmitted] = await Promise.all([
    Promise.all(groups.map((g) => db.latestOfPeriods(g.kpiIds, g.trend))).then((r) => r.flat()),
    db.summaryLinks(),
    // buildSummary counts the diverged copies of each row's period only.
    Promise.all(groups.map((g) => db.divergedObservations(g.kpiIds, g.period))).then((o) => o.flat()),
    db.lastSubmittedAt(kpiIds),
  ]);

  // A KPI with a reading in its trend has its last known value there (the trend runs up
  // to its latest ended period); only the others need an older one.
  const inTrend = new Set(readings.map((r) => r.kpiId));
  const silent = kpiIds.filter((id) => !inTrend.has(id));
  // Every period whose last day is before asOf has ended, whatever its cadence.
  const latestReported = silent.length > 0 ? await db.latestReported(silent, asOf) : [];

  return buildSummary({
    nodes,
    readings,
    links,
    observations,
    latestReported,
    asOf,
    lastSubmittedAt: Object.fromEntries(lastSubmitted),
  });
}
