/**
 * The store's one query layer (DESIGN §3 Storage): the same Kysely queries run
 * on SQLite and PostgreSQL. `openStoreDb` (open.ts) builds one; routes only
 * see the `StoreDb` interface.
 */
import type { Kysely } from 'kysely';
import type { Link, Reading, ReadingInput } from '../../core/api';
import type { ModelNode, User } from '../../core/model';
import type { SummaryLink, SummaryObservation, SummaryReading } from '../../core/summary';
import type { Verdict } from '../../core/verdict';
import { createLinkQueries } from './link-queries';
import { createReadingQueries } from './reading-queries';
import { createSummaryQueries, dataVersion } from './summary-queries';
import type { EventChannel } from './readings-events';
import type { Database, Engine } from './schema';
import { createReadingWrites } from './submit-readings';
import { createUserNodeQueries } from './user-node-queries';

export type { Engine } from './schema';

export interface NewReading extends ReadingInput {
  submittedBy: string;
  submittedAt: string;
}

export interface ObservationRow {
  linkId: string;
  kpiId: string;
  period: string;
  value: number | null;
  unreadable: string | null;
  canonical: number | null;
  revision: number | null;
  verdict: Verdict;
  observedBy: string;
  observedAt: string;
}

export interface ReadingsEvent {
  readings: { kpiId: string; period: string; revision: number }[];
}

export interface StoreDb {
  readonly engine: Engine;
  close(): Promise<void>;
  countUsers(): Promise<number>;
  /** throws PlumblineError('user_exists') when the id is taken */
  createUser(user: User & { tokenHash: string }, now: string): Promise<void>;
  /** The user with this token hash, with the stored hash (for a constant-time comparison by the caller). */
  findUserByTokenHash(tokenHash: string): Promise<(User & { tokenHash: string }) | undefined>;
  /** Replaces a user's token hash (revoke, rotate); the user, or undefined when there is none with this id. */
  setUserTokenHash(id: string, tokenHash: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** In stored order: existing nodes keep their position, new ones are appended in request order. */
  listNodes(): Promise<ModelNode[]>;
  /** The nodes of some ids (those that exist), in no particular order: a request's KPIs without the whole model. */
  listNodesByIds(ids: readonly string[]): Promise<ModelNode[]>;
  /** One transaction, all-or-nothing. */
  upsertNodes(nodes: ModelNode[], now: string): Promise<void>;
  kpisWithReadings(kpiIds: string[]): Promise<Set<string>>;
  /**
   * One transaction: stores the idempotency key with the request hash and the
   * answer, and appends the readings with revision = previous max + 1 per
   * (kpiId, period), consecutive in request order within a batch. The same
   * (userId, key) with the same requestHash returns `{ replayed: true }` and
   * the first answer, storing nothing; with another hash it throws
   * PlumblineError('idempotency_conflict'). Safe under concurrent requests.
   */
  submitReadings(args: {
    userId: string;
    idempotencyKey: string;
    requestHash: string;
    readings: NewReading[];
  }): Promise<{ replayed: boolean; readings: Reading[] }>;
  /**
   * The answer already given to (userId, key), so a retry is answered before
   * its body is checked again; undefined for a new key. Throws
   * PlumblineError('idempotency_conflict') when the key was used with another body.
   */
  storedAnswer(args: {
    userId: string;
    idempotencyKey: string;
    requestHash: string;
  }): Promise<Reading[] | undefined>;
  /** All revisions, oldest first (by period, then revision). */
  listReadings(kpiId: string, period?: string): Promise<Reading[]>;
  /**
   * Latest revision per (kpiId, period) for the KPIs, optionally only periods
   * overlapping the days [fromDay, toDay] (YYYY-MM-DD).
   */
  latestReadings(kpiIds: string[], range?: { fromDay?: string; toDay?: string }): Promise<Reading[]>;
  /**
   * Per KPI, the latest revision of its latest reported period that ended
   * before the day `endedBefore` (YYYY-MM-DD): what a summary as of that day shows
   * as the last known value, however long ago it was reported. (A KPI whose
   * cadence changed may answer one period per cadence that ended that day.)
   */
  latestReported(kpiIds: string[], endedBefore: string): Promise<Reading[]>;
  lastSubmittedAt(kpiIds: string[]): Promise<Map<string, string>>;
  /**
   * The latest revision of each of `periods` (keys) of the KPIs, with only the
   * fields a summary shows (no source, no period bounds), in no particular
   * order: a summary's trends, the canonical values a reconcile is compared with.
   */
  latestOfPeriods(kpiIds: string[], periods: string[]): Promise<SummaryReading[]>;
  /** Every link's id and KPIs, all a summary needs of links. */
  summaryLinks(): Promise<SummaryLink[]>;
  /** The latest observations of some KPIs for one period that diverged: what a summary counts. */
  divergedObservations(kpiIds: string[], period: string): Promise<SummaryObservation[]>;
  /** Inserts, or updates every field but createdBy/createdAt when the id exists; returns the stored link. */
  upsertLink(link: Link): Promise<Link>;
  /** `upsertLink` for many links in one transaction, all-or-nothing; answers in the order given. */
  upsertLinks(links: Link[]): Promise<Link[]>;
  listLinks(filter?: { workbookId?: string; ids?: string[] }): Promise<Link[]>;
  /** Upserts the latest observation per (linkId, kpiId, period), all in one transaction. */
  recordObservations(rows: ObservationRow[]): Promise<void>;
  /** The latest observations, of some KPIs and of one verdict when asked (the summary counts only `diverged`). */
  listObservations(filter?: { kpiIds?: string[]; verdict?: Verdict }): Promise<ObservationRow[]>;
  /**
   * A text that changes whenever anything is committed to the database, by
   * this process or any other: two equal answers around some reads mean those
   * reads saw the same data (what a cache of derived answers is keyed by).
   * It may also change when nothing a reader cares about did. Undefined when
   * the engine cannot tell: then nothing derived may be kept.
   */
  dataVersion(): Promise<string | undefined>;
  /**
   * Readings events: in-process on SQLite; PostgreSQL LISTEN on a dedicated
   * client so any API process sees readings landed through any other.
   * Returns an unsubscribe function.
   */
  onReadings(listener: (event: ReadingsEvent) => void): () => void;
}

/**
 * The repository over an open, migrated database. A plain object of
 * functions (no `this`), so callers may pass its methods around.
 */
export function createStoreDb(db: Kysely<Database>, engine: Engine, events: EventChannel): StoreDb {
  let closing: Promise<void> | undefined;
  return {
    engine,
    close: () => {
      closing ??= (async () => {
        try {
          await events.close();
        } finally {
          await db.destroy();
        }
      })();
      return closing;
    },
    ...createUserNodeQueries(db, engine),
    ...createReadingWrites(db, events),
    ...createReadingQueries(db),
    ...createLinkQueries(db),
    ...createSummaryQueries(db),
    dataVersion: () => dataVersion(db, engine),
    onReadings: (listener) => events.subscribe(listener),
  };
}
