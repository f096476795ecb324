import type { SummaryRow } from '../core/summary';
import type { StoreDb } from './db/repository';
import { loadSummary } from './load-summary';

/** Days (`asOf`) whose summary is kept; a pane asks for today, a report for a few past days. */
const CACHED_DAYS = 4;

/**
 * The summary as of a day, computed once per state of the database: every
 * pane and every leader opening the summary between two writes gets the same
 * rows without the store reading 24,000 readings again. The rows are kept
 * only when the database did not change while they were read (the data
 * version is the same before and after), so a kept summary is always one the
 * database held; any commit, in this process or another, makes the next
 * request read again. Callers must not modify the rows they get.
 */
export function createSummaryCache(db: StoreDb): (asOf: string) => Promise<readonly SummaryRow[]> {
  const kept = new Map<string, { version: string; rows: readonly SummaryRow[] }>();
  return async (asOf) => {
    const version = await db.dataVersion();
    if (version === undefined) return loadSummary(db, asOf);
    const hit = kept.get(asOf);
    if (hit?.version === version) return hit.rows;
    const rows = await loadSummary(db, asOf);
    if ((await db.dataVersion()) === version) {
      // Summaries of an older state can never be answered again: the version only moves on.
      for (const [day, entry] of kept) if (entry.version !== version || day === asOf) kept.delete(day);
      kept.set(asOf, { version, rows });
      if (kept.size > CACHED_DAYS) kept.delete(kept.keys().next().value!);
    }
    return rows;
  };
}
