/**
 * Submissions on their way to the store. Each gets its idempotency key and is
 * written to the platform's storage before it is sent, so a retry after a
 * failure, a crash or a reload sends the same key and the store keeps it once.
 * An entry leaves the outbox only when the store has acknowledged it.
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

  /** Records a new submission before anything is sent. */
  add(readings: ReadingInput[], key: string, createdAt: string): OutboxEntry {
    const entry: OutboxEntry = { key, createdAt, readings, state: 'pending' };
    this.write([...this.entries(), entry]);
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
