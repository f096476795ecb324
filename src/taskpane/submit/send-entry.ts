/**
 * Sends one outbox entry with its own key. The store answers a replayed key
 * with its first answer, so sending again is always safe.
 */
import type { StoreClient } from '../../client/store-client';
import type { Reading } from '../../core/api';
import { PlumblineError } from '../../core/errors';
import { userMessage } from '../errors/user-message';
import type { Outbox, OutboxEntry } from './outbox';

export type SendResult =
  { ok: true; readings: Reading[] } | { ok: false; reason: string; retryable: boolean };

export async function sendEntry(
  client: StoreClient,
  outbox: Outbox,
  entry: OutboxEntry,
): Promise<SendResult> {
  try {
    const readings = await client.submitReadings(entry.readings, entry.key);
    outbox.remove(entry.key);
    return { ok: true, readings };
  } catch (error) {
    const message = userMessage(error);
    const retryable =
      !(error instanceof PlumblineError) ||
      ['store_unreachable', 'internal', 'idempotency_in_progress'].includes(error.code);
    const reason = `${message.title}: ${message.body}${message.details.length ? ` (${message.details.map((d) => d.message).join('; ')})` : ''}`;
    // Unreachable: it may or may not have landed; it stays pending and goes again with the same key.
    outbox.update(entry.key, { state: retryable ? 'pending' : 'failed', reason });
    return { ok: false, reason, retryable };
  }
}
