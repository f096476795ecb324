/**
 * `POST /v1/links/bulk`: a reconcile registers (or moves) every link of a
 * workbook in one request, all-or-nothing, answering in the order given.
 */
import { randomUUID } from 'node:crypto';
import { MAX_LINKS_PER_REQUEST } from '../../../src/core/request-limits';
import { ENGINES } from '../db/engines';
import { startTestServer, type TestServer } from './test-server';

const link = (row: number, id?: string) => ({
  ...(id ? { id } : {}),
  workbookId: 'wb-bulk',
  workbookName: 'bulk.xlsx',
  sheet: 'Pack',
  address: `B${row}:M${row}`,
  layout: 'series',
  kpiIds: ['claims.turnaround_days'],
});

describe.each(ENGINES)('POST /v1/links/bulk on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const listed = async () =>
    (await server.request('GET', '/v1/links?workbookId=wb-bulk', { as: 'leo' })).body.links as {
      id: string;
      address: string;
      createdBy: string;
    }[];

  test('registers new links and moves known ones in one request, answering in order', async () => {
    const first = await server.request('POST', '/v1/links/bulk', {
      as: 'ana',
      body: { links: [link(2), link(3)] },
    });
    expect(first.status).toBe(201);
    const [a, b] = first.body.links;
    expect([a.address, b.address, a.createdBy, a.scale]).toEqual(['B2:M2', 'B3:M3', 'ana', 1]);

    const moved = await server.request('POST', '/v1/links/bulk', {
      as: 'ana',
      body: { links: [link(5, b.id), link(4, a.id), link(6)] },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.links.map((l: { id: string; address: string }) => [l.id, l.address])).toEqual([
      [b.id, 'B5:M5'],
      [a.id, 'B4:M4'],
      [moved.body.links[2].id, 'B6:M6'],
    ]);
    expect(moved.body.links[0].createdAt).toBe(b.createdAt);
    expect((await listed()).map((l) => l.address).sort()).toEqual(['B4:M4', 'B5:M5', 'B6:M6']);
  });

  test('all-or-nothing: one unknown KPI and nothing is stored (422)', async () => {
    const before = await listed();
    const res = await server.request('POST', '/v1/links/bulk', {
      as: 'ana',
      body: { links: [link(9, randomUUID()), { ...link(10), kpiIds: ['no.such.kpi'] }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_kpi');
    expect(await listed()).toEqual(before);
  });

  test('as the single route: leaders may not link (403); empty, too many or malformed lists are 400', async () => {
    const leader = await server.request('POST', '/v1/links/bulk', { as: 'leo', body: { links: [link(2)] } });
    expect(leader.status).toBe(403);
    const empty = await server.request('POST', '/v1/links/bulk', { as: 'ana', body: { links: [] } });
    expect(empty.status).toBe(400);
    const many = Array.from({ length: MAX_LINKS_PER_REQUEST + 1 }, () => ({ ...link(2), kpiIds: ['a'] }));
    const tooMany = await server.request('POST', '/v1/links/bulk', { as: 'ana', body: { links: many } });
    expect(tooMany.status).toBe(400);
    const malformed = await server.request('POST', '/v1/links/bulk', {
      as: 'ana',
      body: { links: [{ ...link(2), layout: 'diagonal' }] },
    });
    expect(malformed.status).toBe(400);
  });
});
