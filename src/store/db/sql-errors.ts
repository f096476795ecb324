/** Recognises the database errors the repository reacts to, in both engines. */

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A unique or primary key violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A transaction that lost a race and may simply be run again: a unique
 * violation (another transaction took the revision or the idempotency key
 * first), a serialization failure (distributed PostgreSQL-compatible engines
 * report contention this way) or a deadlock.
 */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return isUniqueViolation(error) || code === '40001' || code === '40P01';
}

/** A function the engine does not have (PostgreSQL 42883), as on a compatible engine that lacks one. */
export function isUndefinedFunction(error: unknown): boolean {
  return errorCode(error) === '42883';
}
