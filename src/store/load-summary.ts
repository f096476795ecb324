import { buildSummary, summaryPeriodRange, type SummaryRow } from '../core/summary';
import { periodBounds } from '../core/period-key';
import type { StoreDb } from './db/repository';

/**
 * Gathers what `buildSummary` needs from the store: one range query per cadence
 * for the trends, and one query for every KPI's last reported period (which may
 * be older than its trend), never one query per KPI.
 */
export async function loadSummary(db: StoreDb, asOf: string): Promise<SummaryRow[]> {
  const nodes = await db.listNodes();
  const ranges = summaryPeriodRange(nodes, asOf);
  const byCadence = new Map<string, { kpiIds: string[]; fromDay: string; toDay: string }>();
  for (const range of ranges) {
    const entry = byCadence.get(range.cadence) ?? {
      kpiIds: [],
      fromDay: periodBounds(range.from).start,
      toDay: periodBounds(range.to).end,
    };
    entry.kpiIds.push(range.kpiId);
    byCadence.set(range.cadence, entry);
  }
  const readings = (
    await Promise.all(
      [...byCadence.values()].map((r) => db.latestReadings(r.kpiIds, { fromDay: r.fromDay, toDay: r.toDay })),
    )
  ).flat();
  const kpiIds = ranges.map((r) => r.kpiId);
  const [links, observations, lastSubmitted, latestReported] = await Promise.all([
    db.listLinks(),
    // buildSummary counts diverged copies only: matching observations (most of them) stay in the database.
    db.listObservations({ kpiIds, verdict: 'diverged' }),
    db.lastSubmittedAt(kpiIds),
    // Every period whose last day is before asOf has ended, whatever its cadence.
    db.latestReported(kpiIds, asOf),
  ]);
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
