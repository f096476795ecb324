/**
 * Submissions on their way to the store. Each gets its idempotency key and is
 * kept in the platform's storage before it is sent (`add` waits until the
 * storage has it), so a retry after a failure, a crash or a reload sends the
 * same key and the store keeps it once. An entry leaves the outbox only when
 * the store has acknowledged it.
 */
import type { ReadingInput } from '../../core/api';
import type { KeyValueStorage } from '../platform';

export interface OutboxEntry {
  /** The Idempotency-Key of the request, fixed when the user confirmed. */
  key: string;
  createdAt: string;
  readings: ReadingInput[];
  /** `pending`: not yet acknowledged (sending, or never heard back); `failed`: the store refused it. */
  state: 'pending' | 'failed';
  /** Why it is not stored yet, in the user's words. */
  reason?: string;
}

/** The submission could not be kept on this device before sending: it was not sent. */
export class OutboxNotKept extends Error {
  /** Why the storage could not keep it, in its own words. */
  readonly reason: string;

  constructor(error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    super(`This device could not keep the submission before sending it (${reason}).`);
    this.name = 'OutboxNotKept';
    this.reason = reason;
  }
}

export class Outbox {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly userId: string,
  ) {}

  private get storageKey(): string {
    return `plumbline.outbox.${this.userId}`;
  }

  entries(): OutboxEntry[] {
    const text = this.storage.get(this.storageKey);
    if (!text) return [];
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      // Never drop silently what a user submitted: keep the damaged text aside for support.
      this.storage.set(`${this.storageKey}.damaged`, text);
      return [];
    }
  }

  /**
   * Records a new submission, resolving once the storage has kept it: only then may it be sent.
   * When it cannot be kept, it is taken out again and the error says so: nothing was sent.
   */
  async add(readings: ReadingInput[], key: string, createdAt: string): Promise<OutboxEntry> {
    const entry: OutboxEntry = { key, createdAt, readings, state: 'pending' };
    this.write([...this.entries(), entry]);
    try {
      await this.storage.persisted();
    } catch (error) {
      this.remove(key);
      throw new OutboxNotKept(error);
    }
    return entry;
  }

  update(key: string, change: Partial<Pick<OutboxEntry, 'state' | 'reason'>>): void {
    this.write(this.entries().map((e) => (e.key === key ? { ...e, ...change } : e)));
  }

  /** The store acknowledged it, or the user discarded it. */
  remove(key: string): void {
    this.write(this.entries().filter((e) => e.key !== key));
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.storage.remove(this.storageKey);
    else this.storage.set(this.storageKey, JSON.stringify(entries));
  }
}
