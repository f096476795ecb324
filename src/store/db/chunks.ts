/**
 * Splits `items` into runs of at most `size`. Big batches (5,000 nodes, 20,000
 * observations) are written in several statements so no statement goes over
 * an engine's limit on bound parameters (SQLite 32,766, PostgreSQL 65,535).
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Bound parameters per statement: under SQLite's 32,766 (PostgreSQL allows 65,535). */
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Rows per INSERT of a table of `columns` columns: as many as the limit on
 * bound parameters allows, so a batch of 1,000 readings is one statement (one
 * round trip on PostgreSQL) rather than several.
 */
export function rowsPerInsert(columns: number): number {
  return Math.floor(PARAMETERS_PER_STATEMENT / columns);
}

/** Rows per INSERT: 500 rows × at most 12 columns stays far below both limits. */
export const ROWS_PER_INSERT = 500;

/**
 * Values per `IN (...)` list: a summary's or a canonical request's every KPI
 * (up to 5,000) in one statement, so PostgreSQL scans or hashes the readings
 * once rather than once per thousand KPIs.
 */
export const IDS_PER_QUERY = 5000;
