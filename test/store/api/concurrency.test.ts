/**
 * 50 owners submitting at once, each correcting the same KPI periods under
 * several keys while replaying every batch with its key, plus one KPI period
 * that 20 corrections race for: nothing lost, nothing doubled, revisions
 * numbered 1..n without gaps, each key answered once and replayed after.
 */
import { ENGINES } from '../db/engines';
import { startTestServer, type ApiResponse, type TestServer } from './test-server';

jest.setTimeout(180_000);

const OWNERS = 50;
/** Keys per owner, each a batch correcting the same two KPI periods. */
const KEYS = 4;
/** Times each key is sent at once (one answer, the others replays). */
const SENDS = 3;
/** Corrections racing for one KPI period. */
const HOT = 20;
const PERIODS = ['2026-09', '2026-10'] as const;

const ownerId = (i: number) => `racer-${String(i).padStart(2, '0')}`;
const kpiId = (i: number) => `race.kpi_${String(i).padStart(2, '0')}`;

interface Send {
  owner: number;
  key: string;
  readings: { kpiId: string; period: string; value: number }[];
}

/** POST /v1/readings, retried while the store says the same key is still being processed (its contract). */
async function sendUntilAnswered(server: TestServer, send: Send): Promise<ApiResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await server.request('POST', '/v1/readings', {
      as: ownerId(send.owner),
      body: { readings: send.readings },
      headers: { 'idempotency-key': send.key },
    });
    if (res.status !== 409 || res.body?.error?.code !== 'idempotency_in_progress' || attempt > 50) return res;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(ENGINES)('concurrent submissions on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
    for (let i = 0; i < OWNERS; i++) {
      const res = await server.request('POST', '/v1/users', {
        body: { id: ownerId(i), name: `Racer ${i}`, role: 'owner' },
      });
      expect(res.status).toBe(201);
      server.tokens[ownerId(i)] = res.body.token;
    }
    const nodes = Array.from({ length: OWNERS }, (_, i) => ({
      id: kpiId(i),
      kind: 'kpi',
      name: `Race ${i}`,
      parentId: 'claims-ops',
      unit: 'n',
      direction: 'up',
      cadence: 'month',
      ownerId: ownerId(i),
      target: 1,
    }));
    expect((await server.request('PUT', '/v1/model', { body: { nodes } })).status).toBe(200);
  });
  afterAll(() => server.close());

  test('nothing lost, nothing doubled, revisions without gaps, one answer per key', async () => {
    const sends: Send[] = [];
    for (let owner = 0; owner < OWNERS; owner++) {
      for (let k = 0; k < KEYS; k++) {
        const readings = PERIODS.map((period, p) => ({
          kpiId: kpiId(owner),
          period,
          value: 100 * p + 10 * k + owner / 100 + 1,
        }));
        for (let s = 0; s < SENDS; s++) sends.push({ owner, key: `race-${owner}-${k}`, readings });
      }
    }
    // The hot spot: one owner's one KPI period, corrected under HOT keys at once.
    for (let h = 0; h < HOT; h++) {
      sends.push({
        owner: 0,
        key: `hot-${h}`,
        readings: [{ kpiId: kpiId(0), period: '2026-08', value: 1000 + h }],
      });
    }
    const answers = await Promise.all(sends.map((send) => sendUntilAnswered(server, send)));

    const refused = answers
      .filter((a) => a.status !== 201)
      .map((a) => `${a.status} ${JSON.stringify(a.body)}`);
    expect(refused).toEqual([]);

    // One fresh answer per key; every other send of it replays that answer exactly.
    const byKey = new Map<string, { bodies: string[]; fresh: number }>();
    sends.forEach((send, i) => {
      const answer = answers[i] as ApiResponse;
      const entry = byKey.get(send.key) ?? { bodies: [], fresh: 0 };
      entry.bodies.push(JSON.stringify(answer.body));
      if (answer.headers.get('idempotent-replayed') === 'false') entry.fresh += 1;
      byKey.set(send.key, entry);
    });
    for (const [key, { bodies, fresh }] of byKey) {
      expect([key, fresh, new Set(bodies).size]).toEqual([key, 1, 1]);
    }

    // Every KPI period holds exactly the values sent under distinct keys, revisions 1..n.
    const stored = new Map<string, { revision: number; value: number }[]>();
    for (let owner = 0; owner < OWNERS; owner++) {
      const res = await server.request('GET', `/v1/readings?kpiId=${kpiId(owner)}`, { as: 'leo' });
      for (const r of res.body.readings as {
        kpiId: string;
        period: string;
        revision: number;
        value: number;
      }[]) {
        const list = stored.get(`${r.kpiId} ${r.period}`) ?? [];
        list.push({ revision: r.revision, value: r.value });
        stored.set(`${r.kpiId} ${r.period}`, list);
      }
    }
    const expected = new Map<string, number[]>();
    for (const [key, { bodies }] of byKey) {
      for (const r of JSON.parse(bodies[0] ?? '{}').readings as {
        kpiId: string;
        period: string;
        value: number;
        revision: number;
      }[]) {
        const list = expected.get(`${r.kpiId} ${r.period}`) ?? [];
        list.push(r.value);
        expected.set(`${r.kpiId} ${r.period}`, list);
        // What the key was answered is what is stored under that revision.
        expect([
          key,
          stored.get(`${r.kpiId} ${r.period}`)?.find((s) => s.revision === r.revision)?.value,
        ]).toEqual([key, r.value]);
      }
    }
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [pair, list] of stored) {
      const revisions = list.map((r) => r.revision).sort((a, b) => a - b);
      expect([pair, revisions]).toEqual([pair, Array.from({ length: list.length }, (_, i) => i + 1)]);
      expect([pair, list.map((r) => r.value).sort()]).toEqual([pair, (expected.get(pair) ?? []).sort()]);
    }
    const total = [...stored.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBe(OWNERS * KEYS * PERIODS.length + HOT);
    expect(stored.get(`${kpiId(0)} 2026-08`)).toHaveLength(HOT);

    // Retrying every key again, all at once, adds nothing.
    const again = await Promise.all(
      [...byKey.keys()].map((key) => {
        const send = sends.find((s) => s.key === key) as Send;
        return sendUntilAnswered(server, send);
      }),
    );
    expect(again.filter((a) => a.status !== 201 || a.headers.get('idempotent-replayed') !== 'true')).toEqual(
      [],
    );
    let after = 0;
    for (let owner = 0; owner < OWNERS; owner++) {
      after += (await server.request('GET', `/v1/readings?kpiId=${kpiId(owner)}`, { as: 'leo' })).body
        .readings.length;
    }
    expect(after).toBe(total);
  });
});
