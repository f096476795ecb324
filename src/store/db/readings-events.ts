/**
 * Readings events (for /v1/events). On SQLite they stay in the process: the
 * only process that writes is the one that listens. On PostgreSQL every
 * submission sends `pg_notify` inside its transaction (delivered only if it
 * commits) and each store holds one dedicated LISTEN connection, so a pane
 * served by any API process hears readings landed through any other.
 */
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import { chunks } from './chunks';
import type { ReadingsEvent } from './repository';
import type { Database } from './schema';

export const READINGS_CHANNEL = 'plumbline_readings';

type Listener = (event: ReadingsEvent) => void;

export interface EventChannel {
  /** Runs inside the transaction that stores the readings. */
  inTransaction(trx: Transaction<Database>, event: ReadingsEvent): Promise<void>;
  /** Runs once that transaction has committed. */
  afterCommit(event: ReadingsEvent): void;
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

function listenerSet() {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener: Listener): () => void {
      // A wrapper per subscription, so subscribing one function twice gives two independent subscriptions.
      const entry: Listener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    deliver(event: ReadingsEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // The readings are stored; one failing subscriber must not fail the request or the others.
          console.error('plumbline: a readings listener failed', error);
        }
      }
    },
  };
}

export function createLocalChannel(): EventChannel {
  const listeners = listenerSet();
  return {
    inTransaction: async () => {},
    afterCommit: (event) => listeners.deliver(event),
    subscribe: listeners.subscribe,
    close: async () => {},
  };
}

/**
 * Why chunks: a NOTIFY payload must stay under 8000 bytes. A reference is at
 * most ~170 bytes (slugs are ASCII, ≤ 100 characters), so 40 fit; a large
 * batch arrives as several events, which listeners treat alike.
 */
const REFS_PER_NOTIFY = 40;

const RECONNECT_MS = 1000;

export async function createPostgresChannel(connectionString: string): Promise<EventChannel> {
  const listeners = listenerSet();
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, keepAlive: true });
    c.on('notification', (message) => {
      if (message.channel !== READINGS_CHANNEL || !message.payload) return;
      const event = parseEvent(message.payload);
      if (event) listeners.deliver(event);
    });
    c.on('error', (error) => {
      console.error('plumbline: the readings LISTEN connection failed; reconnecting', error);
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    // LISTEN names a channel, which cannot be a parameter; READINGS_CHANNEL is a constant.
    // eslint-disable-next-line no-restricted-syntax
    await c.query(`listen ${READINGS_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
  };

  /** Events sent while the connection is down are lost; panes refresh on the next one. */
  const lost = (c: pg.Client): void => {
    if (closed || client !== c) return;
    client = undefined;
    c.end().catch(() => {
      /* already broken: nothing left to close */
    });
    scheduleReconnect();
  };

  const scheduleReconnect = (): void => {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().catch((error: unknown) => {
        console.error('plumbline: could not reconnect the readings LISTEN connection', error);
        if (!closed) scheduleReconnect();
      });
    }, RECONNECT_MS);
    retryTimer.unref();
  };

  await connect();

  return {
    inTransaction: async (trx, event) => {
      const payloads = chunks(event.readings, REFS_PER_NOTIFY).map((part) =>
        JSON.stringify({ readings: part } satisfies ReadingsEvent),
      );
      if (payloads.length === 0) return;
      // Every payload in one statement: a round trip per 40 readings made a batch of 1,000 wait on 25.
      await sql`select pg_notify(${READINGS_CHANNEL}, payload) from unnest(${payloads}::text[]) as payload`.execute(
        trx,
      );
    },
    afterCommit: () => {},
    subscribe: listeners.subscribe,
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}

function parseEvent(payload: string): ReadingsEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'readings' in parsed &&
      Array.isArray(parsed.readings)
    ) {
      const readings: ReadingsEvent['readings'] = parsed.readings;
      return { readings };
    }
  } catch {
    // Not ours (someone else NOTIFYing on the channel): ignore.
  }
  return undefined;
}
