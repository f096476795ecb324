/**
 * The pane follows the store's events with fetch (EventSource cannot send a
 * token): a submission reaches it, and after a lost connection it reconnects
 * and says so, so the pane refetches what it may have missed.
 */
import { followEvents } from '../../src/client/event-stream';
import { startTestServer, submit, type TestServer } from '../store/api/test-server';

jest.setTimeout(30_000);

function waitFor(check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > 10_000) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

describe('followEvents', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  test('a reading submitted elsewhere reaches the pane', async () => {
    let readings = 0;
    const stop = followEvents(
      { baseUrl: server.url, token: server.tokens.leo! },
      { onReadings: () => (readings += 1), onReconnect: () => undefined },
    );
    try {
      // Give the stream a moment to open before submitting.
      await new Promise((r) => setTimeout(r, 300));
      const res = await submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-10', value: 419 }]);
      expect(res.status).toBe(201);
      await waitFor(() => readings > 0, 'the readings event');
    } finally {
      stop();
    }
  });

  test('after a lost connection it reconnects and says so', async () => {
    let calls = 0;
    let reconnects = 0;
    // The first stream opens and then drops (the store restarted); the second is the real one.
    const dropping: typeof fetch = (input, init) => {
      calls += 1;
      if (calls > 1) return fetch(input, init);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': connected\n\n'));
          controller.close();
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const stop = followEvents(
      { baseUrl: server.url, token: server.tokens.leo!, fetchImpl: dropping, retryMs: 50 },
      { onReadings: () => undefined, onReconnect: () => (reconnects += 1) },
    );
    try {
      await waitFor(() => reconnects === 1, 'the reconnect');
      expect(calls).toBe(2);
    } finally {
      stop();
    }
  });

  test('a refused first connection is retried without claiming a reconnect', async () => {
    let calls = 0;
    let reconnects = 0;
    const refusing: typeof fetch = (input, init) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    const stop = followEvents(
      { baseUrl: server.url, token: server.tokens.leo!, fetchImpl: refusing, retryMs: 50 },
      { onReadings: () => undefined, onReconnect: () => (reconnects += 1) },
    );
    try {
      await waitFor(() => calls >= 2, 'a second connection');
      await new Promise((r) => setTimeout(r, 200));
      expect(reconnects).toBe(0);
    } finally {
      stop();
    }
  });
});
