/**
 * The largest request body each route reads (413 `payload_too_large` above it),
 * declared with the route as fastify's `bodyLimit`: a route that takes a name
 * or a token's user refuses a megabyte as early as one that takes a batch
 * refuses a gigabyte.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Batches: readings, observations and links in bulk. Clients cut their batches
 * at core/request-batches.ts's REQUEST_BODY_BUDGET (4,000,000 bytes of items),
 * so this must stay above it with room for the envelope.
 */
export const BATCH_BODY_LIMIT = 4 * MiB;

export const BODY_LIMITS = {
  readings: BATCH_BODY_LIMIT,
  observations: BATCH_BODY_LIMIT,
  linksBulk: BATCH_BODY_LIMIT,
  /** The whole model (≤ 5,000 nodes of a few hundred bytes) in one request, as the admin uploads it. */
  model: BATCH_BODY_LIMIT,
  /**
   * One link: ≤ 1,000 KPI ids of ≤ 100 ASCII characters (~103 KB as JSON) plus
   * ≤ 1,100 characters of names and addresses (≤ 6.6 KB even with every one escaped).
   */
  link: 128 * KiB,
  /** ≤ 5,000 KPI ids of ≤ 100 ASCII characters: ~515 KB as JSON, with room for pretty-printing. */
  canonical: 1 * MiB,
  /** An id (≤ 100), a name (≤ 200 characters, ≤ 1.2 KB even escaped) and a role. */
  user: 8 * KiB,
  /**
   * Every route that reads no body (token revoke and rotate, reads): enough for
   * a client that sends `{}` or a few bytes out of habit, nothing more.
   */
  none: 1 * KiB,
} as const;
