/**
 * More than one machine: two real `plumbline serve` processes on one
 * PostgreSQL database. A pane subscribed to one hears submissions made through
 * the other; a key replayed through the other process gets the first answer
 * and stores nothing more; killing one process while clients submit through
 * both loses nothing that was acknowledged.
 */
import { createPgTestDatabase } from '../store/db/engines';
import { startCli, type RunningCli } from './run-cli';
import { putAdminOwnedKpis } from './monthly-kpis-model';

jest.setTimeout(60_000);

const ADMIN = 'pl_two_processes_admin_token_000000001';
const KPIS = ['two.a', 'two.b'];
const PERIODS = ['2026-09', '2026-10'];

interface Reading {
  kpiId: string;
  period: string;
  value: number;
}

interface StoredReading extends Reading {
  revision: number;
}

interface Answer {
  status: number;
  body: string;
  replayed: string | null;
}

const headers = (key?: string) => ({
  authorization: `Bearer ${ADMIN}`,
  'content-type': 'application/json',
  ...(key ? { 'idempotency-key': key } : {}),
});

async function submit(url: string, key: string, readings: Reading[]): Promise<Answer> {
  const res = await fetch(`${url}/v1/readings`, {
    method: 'POST',
    headers: headers(key),
    body: JSON.stringify({ readings }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text(), replayed: res.headers.get('idempotent-replayed') };
}

/** Sends until the store gives a final answer: a key still in progress elsewhere is its contract's 409. */
async function submitUntilAnswered(url: string, key: string, readings: Reading[]): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await submit(url, key, readings);
    if (answer.status !== 409 || !answer.body.includes('idempotency_in_progress') || attempt > 50)
      return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function allReadings(url: string): Promise<StoredReading[]> {
  const stored: StoredReading[] = [];
  for (const kpiId of KPIS) {
    const res = await fetch(`${url}/v1/readings?kpiId=${kpiId}`, { headers: headers() });
    expect(res.status).toBe(200);
    stored.push(...((await res.json()) as { readings: StoredReading[] }).readings);
  }
  return stored;
}

/** `GET /v1/events` as a pane holds it: the `readings` events' data, as they arrive. */
async function subscribe(url: string) {
  const abort = new AbortController();
  const res = await fetch(`${url}/v1/events`, { headers: headers(), signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  // The comment the server writes first: from here on, the subscription is registered.
  while (!text.includes(': connected')) text += (await reader.read()).value ?? '';
  const events = (): unknown[] =>
    [...text.matchAll(/^event: readings\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
  return {
    /** Reads until an event equal to `expected` has arrived, for at most 5 s. */
    async waitFor(expected: unknown): Promise<unknown[]> {
      const matches = () => events().some((e) => JSON.stringify(e) === JSON.stringify(expected));
      const timer = setTimeout(() => abort.abort(), 5000);
      try {
        while (!matches()) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
      } catch {
        // Aborted by the timer: the check below says what was missing.
      } finally {
        clearTimeout(timer);
      }
      if (!matches())
        throw new Error(`no event ${JSON.stringify(expected)} within 5 s; the stream:\n${text}`);
      return events();
    },
    close: () => abort.abort(),
  };
}

describe('two API processes on one PostgreSQL', () => {
  let a: RunningCli;
  let b: RunningCli;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const pg = await createPgTestDatabase();
    drop = pg.drop;
    const env = { PLUMBLINE_ADMIN_TOKEN: ADMIN, DATABASE_URL: pg.databaseUrl };
    // Started together, as a deployment would: the migrator's lock lets one of them migrate.
    [a, b] = await Promise.all([
      startCli(['serve', '--port', '0'], env),
      startCli(['serve', '--port', '0'], env),
    ]);
    const model = await putAdminOwnedKpis(a.url, ADMIN, 'two', KPIS);
    expect(model.status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await drop?.();
  });

  test('a pane subscribed to A receives the events of a submission made through B', async () => {
    const pane = await subscribe(a.url);
    try {
      const answer = await submit(b.url, 'events-1', [
        { kpiId: 'two.a', period: '2026-09', value: 1 },
        { kpiId: 'two.b', period: '2026-09', value: 2 },
      ]);
      expect(answer.status).toBe(201);
      const events = await pane.waitFor({
        readings: [
          { kpiId: 'two.a', period: '2026-09', revision: 1 },
          { kpiId: 'two.b', period: '2026-09', revision: 1 },
        ],
      });
      expect(events).toHaveLength(1);
    } finally {
      pane.close();
    }
  });

  test('a batch replayed through the other process gets the first answer and stores nothing more', async () => {
    const batch = [
      { kpiId: 'two.a', period: '2026-10', value: 10 },
      { kpiId: 'two.b', period: '2026-10', value: 20 },
    ];
    const first = await submit(a.url, 'replay-1', batch);
    expect([first.status, first.replayed]).toEqual([201, 'false']);
    const before = await allReadings(a.url);

    const replay = await submit(b.url, 'replay-1', batch);
    expect(replay).toEqual({ status: 201, body: first.body, replayed: 'true' });
    // A different batch under the same key is refused by the other process too.
    const conflict = await submit(b.url, 'replay-1', [{ kpiId: 'two.a', period: '2026-10', value: 11 }]);
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.body)).toMatchObject({ error: { code: 'idempotency_conflict' } });
    expect(await allReadings(b.url)).toEqual(before);

    // The same new key sent through both at once: one stores it, the other answers the same.
    const raced = [{ kpiId: 'two.b', period: '2026-10', value: 30 }];
    const [viaA, viaB] = await Promise.all([
      submitUntilAnswered(a.url, 'race-1', raced),
      submitUntilAnswered(b.url, 'race-1', raced),
    ]);
    expect([viaA.status, viaB.status]).toEqual([201, 201]);
    expect(viaA.body).toBe(viaB.body);
    expect([viaA.replayed, viaB.replayed].sort()).toEqual(['false', 'true']);
    const after = await allReadings(a.url);
    expect(after.filter((r) => r.value === 30)).toHaveLength(1);
    expect(after).toHaveLength(before.length + 1);
  });

  test('SIGKILL of one process while clients submit through both loses nothing acknowledged', async () => {
    interface Sent {
      key: string;
      reading: Reading;
      ack?: string;
    }
    const sent: Sent[] = [];
    const failedOnSurvivor: string[] = [];
    let seq = 0;
    let stopped = false;
    const client = async (server: RunningCli, survives: boolean) => {
      while (!stopped) {
        seq += 1;
        const item: Sent = {
          key: `kill-${seq}`,
          reading: {
            kpiId: KPIS[seq % KPIS.length]!,
            period: PERIODS[seq % PERIODS.length]!,
            value: 1000 + seq,
          },
        };
        sent.push(item);
        try {
          const answer = await submit(server.url, item.key, [item.reading]);
          if (answer.status === 201) item.ack = answer.body;
          else if (survives) failedOnSurvivor.push(`${item.key}: ${answer.status} ${answer.body}`);
        } catch (error) {
          // On the killed process the outcome is unknown until retried; on the survivor it is a failure.
          if (survives) failedOnSurvivor.push(`${item.key}: ${String(error)}`);
          else break;
        }
      }
    };
    const clients = [client(a, false), client(a, false), client(b, true), client(b, true)];
    await new Promise((resolve) => setTimeout(resolve, 400));
    const ackedBeforeKill = sent.filter((s) => s.ack !== undefined).length;
    await a.stop('SIGKILL');
    // The survivor keeps taking submissions after the kill.
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopped = true;
    await Promise.all(clients);
    expect(failedOnSurvivor).toEqual([]);
    expect(ackedBeforeKill).toBeGreaterThan(10);

    // Every key once more through the survivor, as a client that never saw an answer would.
    const wrong: string[] = [];
    for (const item of sent) {
      const answer = await submitUntilAnswered(b.url, item.key, [item.reading]);
      if (answer.status !== 201) wrong.push(`${item.key}: ${answer.status} ${answer.body}`);
      else if (item.ack !== undefined && (answer.body !== item.ack || answer.replayed !== 'true'))
        wrong.push(`${item.key}: acknowledged, then answered ${answer.replayed} ${answer.body}`);
      else item.ack ??= answer.body;
    }
    expect(wrong).toEqual([]);

    const stored = (await allReadings(b.url)).filter((r) => r.value > 1000);
    expect(stored).toHaveLength(sent.length);
    const byValue = new Map(stored.map((r) => [r.value, r]));
    for (const item of sent) {
      const answered = (JSON.parse(item.ack!) as { readings: StoredReading[] }).readings[0];
      expect([item.key, byValue.get(item.reading.value)?.revision]).toEqual([item.key, answered?.revision]);
    }
    const all = await allReadings(b.url);
    for (const kpiId of KPIS) {
      for (const period of PERIODS) {
        const revisions = all
          .filter((r) => r.kpiId === kpiId && r.period === period)
          .map((r) => r.revision)
          .sort((x, y) => x - y);
        expect([kpiId, period, revisions]).toEqual([kpiId, period, revisions.map((_, i) => i + 1)]);
      }
    }
  });
});
