import { hashToken } from '../../../src/store/auth';
import { connectDatabase } from '../../../src/store/db/open';
import { ENGINES } from '../db/engines';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './test-server';

describe.each(ENGINES)('auth, users and model on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  test('GET /healthz answers without a token', async () => {
    const res = await server.request('GET', '/healthz', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  test('every other route needs a valid bearer token', async () => {
    for (const path of ['/v1/kpis', '/v1/summary', '/openapi.json', '/v1/links']) {
      const none = await server.request('GET', path, { token: null });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      const wrong = await server.request('GET', path, { token: 'pl_not-a-real-token' });
      expect(wrong.status).toBe(401);
    }
  });

  test('the token is stored only as its hash', async () => {
    const { db } = connectDatabase(server.db.options);
    try {
      const rows = await db.selectFrom('users').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(ADMIN_TOKEN);
      expect(rows.find((r) => r.id === 'admin')?.token_hash).toBe(hashToken(ADMIN_TOKEN));
    } finally {
      await db.destroy();
    }
  });

  test('POST /v1/users: an admin creates a user and sees the token once', async () => {
    const res = await server.request('POST', '/v1/users', {
      body: { id: 'nora', name: 'Nora New', role: 'analyst' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'nora', name: 'Nora New', role: 'analyst' });
    expect(res.body.token).toMatch(/^pl_/);
    const me = await server.request('GET', '/v1/kpis', { token: res.body.token });
    expect(me.status).toBe(200);
  });

  test('POST /v1/users: an id is made when none is given', async () => {
    const res = await server.request('POST', '/v1/users', { body: { name: 'Anon', role: 'leader' } });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  test('POST /v1/users: 403 for a non-admin, 409 for a taken id, 400 for a bad role', async () => {
    const forbidden = await server.request('POST', '/v1/users', {
      as: 'leo',
      body: { name: 'X', role: 'admin' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const taken = await server.request('POST', '/v1/users', {
      body: { id: 'olivia', name: 'Other', role: 'owner' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('user_exists');
    const bad = await server.request('POST', '/v1/users', { body: { name: 'X', role: 'superuser' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details[0].path).toBe('role');
  });

  test('GET /v1/users and /v1/nodes: anyone signed in reads users (never tokens) and the model', async () => {
    const users = await server.request('GET', '/v1/users', { as: 'leo' });
    expect(users.status).toBe(200);
    expect(users.body.users).toContainEqual({ id: 'olivia', name: 'Olivia (COO office)', role: 'owner' });
    expect(JSON.stringify(users.body)).not.toMatch(/token|hash/i);
    const nodes = await server.request('GET', '/v1/nodes', { as: 'ana' });
    expect(nodes.body.nodes.slice(0, 3).map((n: { id: string }) => n.id)).toEqual([
      'customer',
      'efficiency',
      'digital',
    ]);
  });

  test('GET /v1/me: the token says who you are, without the token', async () => {
    const me = await server.request('GET', '/v1/me', { as: 'olivia' });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: 'olivia', name: 'Olivia (COO office)', role: 'owner' });
    expect((await server.request('GET', '/v1/me', { token: null })).status).toBe(401);
  });

  test('a body that is not JSON is a 415 in the error format', async () => {
    const res = await server.request('POST', '/v1/users', {
      rawBody: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  test('malformed JSON is a 400 bad_request', async () => {
    const res = await server.request('PUT', '/v1/model', { rawBody: '{"nodes": [' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  test('GET /v1/kpis lists KPIs with their path of ancestors', async () => {
    const res = await server.request('GET', '/v1/kpis', { as: 'leo' });
    expect(res.status).toBe(200);
    expect(res.body.kpis).toHaveLength(9);
    const turnaround = res.body.kpis.find((k: { id: string }) => k.id === 'claims.turnaround_days');
    expect(turnaround.path.map((p: { id: string }) => p.id)).toEqual(['efficiency', 'claims-ops']);
    expect(turnaround).toMatchObject({ ownerId: 'olivia', cadence: 'month', direction: 'down', target: 6.4 });
  });

  test('GET /v1/kpis/:id answers one KPI, 404 for an unknown or non-KPI id', async () => {
    const res = await server.request('GET', '/v1/kpis/platform.uptime', { as: 'ana' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'platform.uptime', tolerance: { abs: 0.0005 } });
    expect((await server.request('GET', '/v1/kpis/nope')).status).toBe(404);
    expect((await server.request('GET', '/v1/kpis/claims-ops')).status).toBe(404);
  });

  test('PUT /v1/model upserts: a renamed KPI keeps its place, a new one is appended', async () => {
    const res = await server.request('PUT', '/v1/model', {
      body: {
        nodes: [
          { id: 'claims-ops', kind: 'program', name: 'Claims operations', parentId: 'efficiency' },
          {
            id: 'claims.reopen_rate',
            kind: 'kpi',
            name: 'Re-opened claims',
            parentId: 'claims-ops',
            unit: '%',
            direction: 'down',
            cadence: 'month',
            ownerId: 'olivia',
            target: 0.02,
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const ids = res.body.nodes.map((n: { id: string }) => n.id);
    expect(ids.indexOf('claims-ops')).toBe(3);
    expect(ids[ids.length - 1]).toBe('claims.reopen_rate');
  });

  test('PUT /v1/model is all-or-nothing: one bad node stores nothing', async () => {
    const res = await server.request('PUT', '/v1/model', {
      body: {
        nodes: [
          { id: 'growth', kind: 'pillar', name: 'Growth' },
          {
            id: 'growth.leads',
            kind: 'kpi',
            name: 'Leads',
            parentId: 'no-such-program',
            unit: 'leads',
            direction: 'up',
            cadence: 'week',
            ownerId: 'nobody',
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('model_invalid');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes.1.parentId', 'nodes.1.ownerId']));
    const kpis = await server.request('GET', '/v1/kpis');
    expect(kpis.body.kpis.map((k: { id: string }) => k.id)).not.toContain('growth.leads');
    const nodes = await server.db.listNodes();
    expect(nodes.map((n) => n.id)).not.toContain('growth');
  });

  test('PUT /v1/model: 400 for a shape error, 403 for a non-admin', async () => {
    const shape = await server.request('PUT', '/v1/model', {
      body: { nodes: [{ id: 'Bad Id', kind: 'pillar', name: 'x' }] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details[0].path).toBe('nodes.0.id');
    const forbidden = await server.request('PUT', '/v1/model', { as: 'ana', body: { nodes: [] } });
    expect(forbidden.status).toBe(403);
  });

  test('an unknown route is a 404 in the error format', async () => {
    const res = await server.request('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
