import { ENGINES } from '../db/engines';
import { startTestServer, submit, type TestServer } from './test-server';

const packLink = {
  workbookId: 'wb-ops-north',
  workbookName: 'ops-monthly-north.xlsx',
  sheet: 'Ops KPIs',
  address: 'C5:N7',
  layout: 'grid',
  kpiIds: ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'],
};

describe.each(ENGINES)('links, observations and canonical values on %s', (engine) => {
  let server: TestServer;
  let linkId: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    const res = await submit(server, 'olivia', [
      { kpiId: 'claims.turnaround_days', period: '2026-09', value: 6.9 },
      { kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.7 },
      { kpiId: 'ops.fte', period: '2026-10', value: 419 },
      { kpiId: 'claims.manual_rate', period: '2026-10', value: 0.145 },
    ]);
    expect(res.status).toBe(201);
    await submit(server, 'olivia', [{ kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.8 }]);
  });
  afterAll(() => server.close());

  test('POST /v1/canonical answers the latest revision per KPI and period', async () => {
    const res = await server.request('POST', '/v1/canonical', {
      as: 'leo',
      body: { kpiIds: ['claims.turnaround_days', 'ops.fte'], from: '2026-10', to: '2026-10' },
    });
    expect(res.status).toBe(200);
    const seen = res.body.readings.map(
      (r: { kpiId: string; period: string; value: number; revision: number }) => [
        r.kpiId,
        r.period,
        r.value,
        r.revision,
      ],
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        ['claims.turnaround_days', '2026-10', 6.8, 2],
        ['ops.fte', '2026-10', 419, 1],
      ]),
    );
    expect(seen).toHaveLength(2);
  });

  test('POST /v1/canonical without a range answers every period; 422 for an unknown KPI; 400 for from after to', async () => {
    const all = await server.request('POST', '/v1/canonical', {
      as: 'leo',
      body: { kpiIds: ['claims.turnaround_days'] },
    });
    expect(all.body.readings.map((r: { period: string }) => r.period).sort()).toEqual(['2026-09', '2026-10']);
    const unknown = await server.request('POST', '/v1/canonical', { body: { kpiIds: ['nope'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_kpi');
    const reversed = await server.request('POST', '/v1/canonical', {
      body: { kpiIds: ['ops.fte'], from: '2026-10', to: '2026-01' },
    });
    expect(reversed.status).toBe(400);
  });

  test('POST /v1/links: an analyst registers a link; a leader may not', async () => {
    const res = await server.request('POST', '/v1/links', { as: 'ana', body: packLink });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...packLink, scale: 1, createdBy: 'ana' });
    linkId = res.body.id;
    const leader = await server.request('POST', '/v1/links', { as: 'leo', body: packLink });
    expect(leader.status).toBe(403);
  });

  test('POST /v1/links updates a known id (the range moved), 422 for an unknown KPI', async () => {
    const moved = await server.request('POST', '/v1/links', {
      as: 'ana',
      body: { ...packLink, id: linkId, address: 'C6:N8' },
    });
    expect(moved.status).toBe(201);
    const listed = await server.request('GET', '/v1/links?workbookId=wb-ops-north', { as: 'leo' });
    expect(listed.body.links).toHaveLength(1);
    expect(listed.body.links[0]).toMatchObject({ id: linkId, address: 'C6:N8', createdBy: 'ana' });
    const unknown = await server.request('POST', '/v1/links', {
      as: 'ana',
      body: { ...packLink, kpiIds: ['nope'] },
    });
    expect(unknown.status).toBe(422);
    const zeroScale = await server.request('POST', '/v1/links', {
      as: 'ana',
      body: { ...packLink, scale: 0 },
    });
    expect(zeroScale.status).toBe(400);
  });

  test('POST /v1/observations answers each with canonical, revision and verdict', async () => {
    const res = await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: {
        observations: [
          { linkId, kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.4 },
          { linkId, kpiId: 'claims.turnaround_days', period: '2026-09', value: 6.92 },
          { linkId, kpiId: 'ops.fte', period: '2026-10', value: { unreadable: '#DIV/0!' } },
          { linkId, kpiId: 'ops.fte', period: '2026-09', value: 421 },
          { linkId, kpiId: 'claims.manual_rate', period: '2026-10', value: null },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.observations.map((o: { verdict: string }) => o.verdict)).toEqual([
      'diverged',
      'match',
      'unreadable',
      'local-only',
      'canonical-only',
    ]);
    expect(res.body.observations[0]).toMatchObject({ canonical: 6.8, revision: 2 });
    expect(res.body.observations[3]).toMatchObject({ canonical: null, revision: null });
  });

  test('the latest observation per link and period is kept', async () => {
    await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: { observations: [{ linkId, kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.8 }] },
    });
    const rows = await server.db.listObservations({ kpiIds: ['claims.turnaround_days'] });
    const october = rows.filter((r) => r.period === '2026-10');
    expect(october).toHaveLength(1);
    expect(october[0]).toMatchObject({ verdict: 'match', value: 6.8, observedBy: 'ana' });
  });

  test('POST /v1/observations: 422 for an unknown link or a KPI the link does not hold, 403 for a leader', async () => {
    const unknown = await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: { observations: [{ linkId: 'nope', kpiId: 'ops.fte', period: '2026-10', value: 1 }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_link');
    const notBound = await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: { observations: [{ linkId, kpiId: 'platform.uptime', period: '2026-10', value: 1 }] },
    });
    expect(notBound.status).toBe(422);
    expect(notBound.body.error.code).toBe('link_invalid');
    const shape = await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: { observations: [{ linkId, kpiId: 'ops.fte', period: '2026-10', value: '419' }] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details[0].path).toBe('observations.0.value');
    const leader = await server.request('POST', '/v1/observations', {
      as: 'leo',
      body: { observations: [{ linkId, kpiId: 'ops.fte', period: '2026-10', value: 1 }] },
    });
    expect(leader.status).toBe(403);
  });
});
