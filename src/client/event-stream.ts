/**
 * Follows the store's `/v1/events` with `fetch` (EventSource cannot send the
 * bearer token) and reconnects after a lost connection, telling the caller so
 * it can refetch: events sent while disconnected are not replayed.
 */
export interface EventStreamHandlers {
  onReadings(): void;
  onReconnect(): void;
}

export interface EventStreamOptions {
  baseUrl: string;
  token: string;
  fetchImpl?: typeof fetch;
  /** Wait before reconnecting, doubled up to 30 s while the store stays away. */
  retryMs?: number;
}

export function followEvents(options: EventStreamOptions, handlers: EventStreamHandlers): () => void {
  const fetchImpl = options.fetchImpl ?? fetch;
  const controller = new AbortController();
  let delay = options.retryMs ?? 1000;
  let connectedBefore = false;

  async function connect(): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        const response = await fetchImpl(`${options.baseUrl.replace(/\/+$/, '')}/v1/events`, {
          headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        if (connectedBefore) handlers.onReconnect();
        connectedBefore = true;
        delay = options.retryMs ?? 1000;
        await readEvents(response.body, handlers);
      } catch {
        // A lost or refused connection: wait and try again until closed; the pane refetches on reconnect.
      }
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }

  void connect();
  return () => controller.abort();
}

async function readEvents(body: ReadableStream<Uint8Array>, handlers: EventStreamHandlers): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^event: readings$/m.test(event)) handlers.onReadings();
    }
  }
}
