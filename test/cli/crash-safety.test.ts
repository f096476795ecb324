/**
 * Crash safety: `plumbline serve` is killed with SIGKILL at random moments
 * while clients submit continuously, 20 times per engine. Afterwards every
 * acknowledged reading is there exactly once, revisions have no gaps, and
 * retrying every key (acknowledged or not) adds nothing that was acknowledged
 * and stores each unacknowledged one once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgTestDatabase } from '../store/db/engines';
import { startCli, type RunningCli } from './run-cli';
import { putAdminOwnedKpis } from './monthly-kpis-model';

jest.setTimeout(300_000);

const KILLS = 20;
const CLIENTS = 4;
const ADMIN = 'pl_crash_admin_token_000000000000000001';
const KPIS = ['crash.a', 'crash.b', 'crash.c'];
const PERIODS = ['2026-08', '2026-09', '2026-10'];

interface Sent {
  key: string;
  reading: { kpiId: string; period: string; value: number };
  /** The first answer's body, when the store acknowledged it. */
  ack?: string;
}

const headers = (key?: string) => ({
  authorization: `Bearer ${ADMIN}`,
  'content-type': 'application/json',
  ...(key ? { 'idempotency-key': key } : {}),
});

async function submit(
  url: string,
  sent: Sent,
): Promise<{ status: number; body: string; replayed: string | null }> {
  const res = await fetch(`${url}/v1/readings`, {
    method: 'POST',
    headers: headers(sent.key),
    body: JSON.stringify({ readings: [sent.reading] }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text(), replayed: res.headers.get('idempotent-replayed') };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['sqlite', 'postgres'] as const)('SIGKILL during submissions on %s', (engine) => {
  let env: Record<string, string>;
  let args: string[];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), 'plumbline-crash-'));
    args = ['serve', '--port', '0', '--data', data];
    env = { PLUMBLINE_ADMIN_TOKEN: ADMIN, DATABASE_URL: '' };
    let drop: () => Promise<void> = async () => undefined;
    if (engine === 'postgres') {
      const pg = await createPgTestDatabase();
      env.DATABASE_URL = pg.databaseUrl;
      drop = pg.drop;
    }
    cleanup = async () => {
      rmSync(data, { recursive: true, force: true });
      await drop();
    };
  });
  afterAll(() => cleanup());

  const serve = () => startCli(args, env);

  test(`${KILLS} kills: every acknowledged reading once, no gaps, retries add nothing`, async () => {
    let server: RunningCli = await serve();
    const model = await putAdminOwnedKpis(server.url, ADMIN, 'crash', KPIS);
    expect(model.status).toBe(200);

    const sent: Sent[] = [];
    const unexpected: string[] = [];
    let seq = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      let stopped = false;
      const client = async () => {
        while (!stopped) {
          // Now and then, a retry of an earlier key whose answer was lost (or was not).
          const retry =
            seq % 5 === 0 && sent.length > 0 ? sent[Math.floor(Math.random() * sent.length)] : undefined;
          seq += 1;
          const item: Sent = retry ?? {
            key: `crash-${engine}-${seq}`,
            reading: {
              kpiId: KPIS[seq % KPIS.length] ?? '',
              period: PERIODS[seq % PERIODS.length] ?? '',
              value: seq,
            },
          };
          if (!retry) sent.push(item);
          try {
            const res = await submit(server.url, item);
            if (res.status !== 201) unexpected.push(`${item.key}: ${res.status} ${res.body}`);
            else if (item.ack === undefined) item.ack = res.body;
            else if (item.ack !== res.body || res.replayed !== 'true')
              unexpected.push(`${item.key}: replay differs`);
          } catch {
            // The server died under the request: its outcome is unknown until it is retried.
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, client);
      await wait(50 + Math.random() * 400);
      await server.stop('SIGKILL');
      stopped = true;
      await Promise.all(clients);
      server = await serve();
    }

    // Every key once more, as a client that never saw an answer would.
    for (const item of sent) {
      const res = await submit(server.url, item);
      if (res.status !== 201) unexpected.push(`final ${item.key}: ${res.status} ${res.body}`);
      else if (item.ack !== undefined && (res.body !== item.ack || res.replayed !== 'true'))
        unexpected.push(`final ${item.key}: acknowledged, but answered ${res.replayed} ${res.body}`);
      else item.ack ??= res.body;
    }
    expect(unexpected).toEqual([]);

    const stored: { kpiId: string; period: string; value: number; revision: number }[] = [];
    for (const kpiId of KPIS) {
      const res = await fetch(`${server.url}/v1/readings?kpiId=${kpiId}`, { headers: headers() });
      stored.push(...((await res.json()) as { readings: typeof stored }).readings);
    }
    await server.stop('SIGKILL');

    // Each key's reading exactly once (values are unique per key), with the revision it was answered.
    expect(stored).toHaveLength(sent.length);
    const byValue = new Map(stored.map((r) => [r.value, r]));
    for (const item of sent) {
      const answered = (JSON.parse(item.ack ?? '{}') as { readings: { revision: number }[] }).readings[0];
      expect([item.key, byValue.get(item.reading.value)?.revision]).toEqual([item.key, answered?.revision]);
    }
    for (const kpiId of KPIS) {
      for (const period of PERIODS) {
        const revisions = stored
          .filter((r) => r.kpiId === kpiId && r.period === period)
          .map((r) => r.revision);
        revisions.sort((a, b) => a - b);
        expect([kpiId, period, revisions]).toEqual([kpiId, period, revisions.map((_, i) => i + 1)]);
      }
    }
    // The kills really happened under load: most keys were acknowledged before the final retry.
    expect(sent.length).toBeGreaterThan(KILLS * 5);
    console.log(
      `${engine}: ${KILLS} kills, ${sent.length} keys, ${stored.length} readings, nothing lost or doubled`,
    );
  });
});
