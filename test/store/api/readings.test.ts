import { ENGINES } from '../db/engines';
import demoModel from '../../../src/store/demo/model.json';
import { newKey, startTestServer, submit, type TestServer } from './test-server';

const demoFte = () => demoModel.nodes.find((n) => n.id === 'ops.fte')!;

const onTrackTurnaround = {
  kpiId: 'claims.turnaround_days',
  period: '2026-09',
  value: 6.9,
  comment: 'From the pack',
};

describe.each(ENGINES)('POST/GET /v1/readings on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const revisions = async (kpiId: string, period: string) =>
    (await server.request('GET', `/v1/readings?kpiId=${kpiId}&period=${period}`, { as: 'leo' })).body
      .readings;

  test('the owner submits a reading: 201 with revision 1, who and when', async () => {
    const res = await submit(server, 'olivia', [onTrackTurnaround]);
    expect(res.status).toBe(201);
    expect(res.body.readings).toEqual([
      { ...onTrackTurnaround, revision: 1, submittedBy: 'olivia', submittedAt: '2026-11-24T10:00:00.000Z' },
    ]);
  });

  test('a correction is a new revision; GET lists revisions oldest first', async () => {
    const res = await submit(server, 'olivia', [{ ...onTrackTurnaround, value: 6.95, comment: 'Recounted' }]);
    expect(res.body.readings[0].revision).toBe(2);
    const listed = await revisions('claims.turnaround_days', '2026-09');
    expect(listed.map((r: { revision: number; value: number }) => [r.revision, r.value])).toEqual([
      [1, 6.9],
      [2, 6.95],
    ]);
  });

  test('an Idempotency-Key is required', async () => {
    const res = await server.request('POST', '/v1/readings', {
      as: 'olivia',
      body: { readings: [onTrackTurnaround] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('idempotency_key_required');
  });

  test('a replayed request returns the first answer and stores nothing new', async () => {
    const key = newKey();
    const reading = { kpiId: 'ops.fte', period: '2026-09', value: 421 };
    const first = await submit(server, 'olivia', [reading], key);
    const again = await submit(server, 'olivia', [reading], key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await revisions('ops.fte', '2026-09')).toHaveLength(1);
  });

  test('a retry is answered from its key even when the body would now break a rule', async () => {
    const key = newKey();
    const reading = { kpiId: 'ops.fte', period: '2026-05', value: 436, remediation: 'Attrition plan' };
    const first = await submit(server, 'olivia', [reading], key);
    expect(first.status).toBe(201);
    await server.request('PUT', '/v1/model', {
      body: { nodes: [{ ...demoFte(), ownerId: 'sam' }] },
    });
    const retry = await submit(server, 'olivia', [reading], key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    await server.request('PUT', '/v1/model', { body: { nodes: [demoFte()] } });
  });

  test('the same key with another body is a 409 and stores nothing', async () => {
    const key = newKey();
    await submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-08', value: 425 }], key);
    const res = await submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-08', value: 999 }], key);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_conflict');
    expect((await revisions('ops.fte', '2026-08')).map((r: { value: number }) => r.value)).toEqual([425]);
  });

  test('ten racing copies of one request are stored once', async () => {
    const key = newKey();
    const reading = { kpiId: 'ops.fte', period: '2026-07', value: 428 };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => submit(server, 'olivia', [reading], key)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await revisions('ops.fte', '2026-07')).toHaveLength(1);
  });

  test('racing corrections with different keys each get their own revision', async () => {
    const answers = await Promise.all(
      [430, 431, 432, 433].map((value) =>
        submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-06', value, remediation: 'Plan' }]),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const revs = (await revisions('ops.fte', '2026-06')).map((r: { revision: number }) => r.revision);
    expect(revs).toEqual([1, 2, 3, 4]);
  });

  test('a batch with one bad reading stores nothing and names the bad one', async () => {
    const res = await submit(server, 'olivia', [
      { kpiId: 'claims.manual_rate', period: '2026-05', value: 0.11 },
      { kpiId: 'claims.manual_rate', period: '2026-W20', value: 0.11 },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('period_mismatch');
    expect(res.body.error.details).toEqual([
      { path: 'readings.1.period', message: expect.stringContaining('month') },
    ]);
    expect(await revisions('claims.manual_rate', '2026-05')).toEqual([]);
  });

  test('only the owner of every KPI may submit: 403 and nothing stored', async () => {
    const res = await submit(server, 'olivia', [
      { kpiId: 'ops.fte', period: '2026-04', value: 425 },
      { kpiId: 'platform.uptime', period: '2026-04', value: 0.996 },
    ]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_kpi_owner');
    expect(res.body.error.details).toEqual([
      { path: 'readings.1.kpiId', message: expect.stringContaining('owned by ian') },
    ]);
    expect(await revisions('ops.fte', '2026-04')).toEqual([]);
    const admin = await submit(server, 'admin', [{ kpiId: 'ops.fte', period: '2026-04', value: 425 }]);
    expect(admin.status).toBe(403);
  });

  test('422 for an unknown KPI, a future period, and a breach without remediation', async () => {
    const unknown = await submit(server, 'olivia', [{ kpiId: 'claims.nope', period: '2026-04', value: 1 }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_kpi');
    const future = await submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-12', value: 400 }]);
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('period_in_future');
    const breach = await submit(server, 'ian', [
      { kpiId: 'platform.uptime', period: '2026-06', value: 0.978 },
    ]);
    expect(breach.status).toBe(422);
    expect(breach.body.error.code).toBe('remediation_required');
    const planned = await submit(server, 'ian', [
      { kpiId: 'platform.uptime', period: '2026-06', value: 0.978, remediation: 'Second region in July' },
    ]);
    expect(planned.status).toBe(201);
  });

  test('the period running now may be reported; weekly keys for weekly KPIs', async () => {
    const res = await submit(server, 'olivia', [
      { kpiId: 'claims.backlog', period: '2026-W48', value: 3692 },
    ]);
    expect(res.status).toBe(201);
  });

  test('400 for values that are not finite numbers and for unknown fields', async () => {
    const text = await submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-03', value: '447' }]);
    expect(text.status).toBe(400);
    expect(text.body.error.details[0].path).toBe('readings.0.value');
    const extra = await submit(server, 'olivia', [
      { kpiId: 'ops.fte', period: '2026-03', value: 447, revision: 7 },
    ]);
    expect(extra.status).toBe(400);
    const empty = await submit(server, 'olivia', []);
    expect(empty.status).toBe(400);
  });

  test('413 for a body over the size limit', async () => {
    const huge = Array.from({ length: 1000 }, () => ({
      kpiId: 'ops.fte',
      period: '2026-03',
      value: 447,
      comment: 'x'.repeat(5000),
    }));
    const res = await submit(server, 'olivia', huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  test('GET /v1/readings: 404 for an unknown KPI, 400 without kpiId', async () => {
    expect((await server.request('GET', '/v1/readings?kpiId=nope')).status).toBe(404);
    expect((await server.request('GET', '/v1/readings')).status).toBe(400);
  });
});
