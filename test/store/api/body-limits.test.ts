/**
 * Each route's body limit (src/store/body-limits.ts): a valid request padded to
 * exactly its route's limit is served, one byte more is a 413 in the error
 * format. The routes come from the running app, so a route added later that
 * reads a body fails here until it has a row (and a limit of its own).
 */
import { canonicalRequestSchema, linkInputSchema } from '../../../src/core/api';
import { ERRORS } from '../../../src/core/errors';
import { userInputSchema } from '../../../src/core/model';
import { BATCH_BODY_LIMIT, BODY_LIMITS } from '../../../src/store/body-limits';
import { REQUEST_BODY_BUDGET } from '../../../src/core/request-batches';
import { routesOf } from './app-routes';
import { sendRaw, type RawResponse } from './hostile/raw-http';
import { newKey, startTestServer, type TestServer } from './test-server';

jest.setTimeout(60_000);

interface LimitRow {
  limit: number;
  /** Who sends it, a valid body and the path (`:id` routes name a user the setup made). */
  as: string;
  path: string;
  body: unknown;
  headers?: () => Record<string, string>;
  /** The status of the valid request when its body is accepted. */
  ok: number;
}

let linkId = '';
let userCount = 0;

const link = (address: string) => ({
  workbookId: 'wb-limits',
  workbookName: 'limits.xlsx',
  sheet: 'KPIs',
  address,
  layout: 'cell',
  kpiIds: ['platform.uptime'],
});

/** Keyed "METHOD /path" as fastify lists its routes; every route that reads a body needs a row. */
const ROWS: Record<string, LimitRow> = {
  'POST /v1/readings': {
    limit: BODY_LIMITS.readings,
    as: 'olivia',
    path: '/v1/readings',
    body: { readings: [{ kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.5 }] },
    headers: () => ({ 'idempotency-key': newKey() }),
    ok: 201,
  },
  'POST /v1/observations': {
    limit: BODY_LIMITS.observations,
    as: 'ana',
    path: '/v1/observations',
    body: { observations: [{ linkId: '$LINK', kpiId: 'platform.uptime', period: '2026-10', value: 0.99 }] },
    ok: 200,
  },
  'POST /v1/links/bulk': {
    limit: BODY_LIMITS.linksBulk,
    as: 'ana',
    path: '/v1/links/bulk',
    body: { links: [link('C3')] },
    ok: 201,
  },
  'POST /v1/links': { limit: BODY_LIMITS.link, as: 'ana', path: '/v1/links', body: link('D4'), ok: 201 },
  'PUT /v1/model': {
    limit: BODY_LIMITS.model,
    as: 'admin',
    path: '/v1/model',
    body: { nodes: [{ id: 'limits-pillar', kind: 'pillar', name: 'Limits' }] },
    ok: 200,
  },
  'POST /v1/canonical': {
    limit: BODY_LIMITS.canonical,
    as: 'leo',
    path: '/v1/canonical',
    body: { kpiIds: ['platform.uptime'] },
    ok: 200,
  },
  'POST /v1/users': {
    limit: BODY_LIMITS.user,
    as: 'admin',
    path: '/v1/users',
    // A new user each time: the same id twice would be a 409, not what this test is about.
    get body() {
      userCount += 1;
      return { id: `limits-user-${userCount}`, name: 'Limits', role: 'leader' };
    },
    ok: 201,
  },
  'POST /v1/users/:id/token': {
    limit: BODY_LIMITS.none,
    as: 'admin',
    path: '/v1/users/ian/token',
    body: {},
    ok: 201,
  },
  'DELETE /v1/users/:id/token': {
    limit: BODY_LIMITS.none,
    as: 'admin',
    path: '/v1/users/ian/token',
    body: {},
    ok: 200,
  },
};

/** The row's valid JSON with spaces after it, `bytes` long in all (JSON allows trailing whitespace). */
function paddedBody(row: LimitRow, bytes: number): string {
  const json = JSON.stringify(row.body).replaceAll('$LINK', linkId);
  expect(Buffer.byteLength(json)).toBeLessThan(bytes);
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
}

/** The route's request with a body of `bytes`, over a bare socket (the store may answer a 413 before reading it all). */
function send(server: TestServer, route: string, bytes: number): Promise<RawResponse> {
  const row = ROWS[route]!;
  const body = Buffer.from(paddedBody(row, bytes), 'utf8');
  const headers = {
    Host: '127.0.0.1',
    Connection: 'close',
    Authorization: `Bearer ${server.tokens[row.as]}`,
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    ...row.headers?.(),
  };
  const head = [
    `${route.split(' ')[0]} ${row.path} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return sendRaw(server.url, head.join('\r\n'), body);
}

describe('body limits per route', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const res = await server.request('POST', '/v1/links', { as: 'ana', body: link('B2') });
    expect(res.status).toBe(201);
    linkId = res.body.id;
  });
  afterAll(() => server.close());

  test('every route that reads a body has a row', () => {
    // fastify reads no body for GET and HEAD: those routes cannot be sent one.
    const reading = routesOf(server.app).filter((r) => !/^(GET|HEAD) /.test(r));
    expect(reading.sort()).toEqual(Object.keys(ROWS).sort());
  });

  test.each(Object.keys(ROWS))('%s: served at its limit, 413 one byte over', async (route) => {
    const row = ROWS[route]!;
    const at = await send(server, route, row.limit);
    expect([at.status, at.body.slice(0, 300)]).toEqual([row.ok, expect.any(String)]);

    const over = await send(server, route, row.limit + 1);
    expect(over.status).toBe(413);
    expect(over.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(over.body)).toEqual({
      error: { code: 'payload_too_large', message: ERRORS.payload_too_large.message },
    });
  });

  test('small routes are far below the batches, and batches hold what clients cut', () => {
    for (const small of [BODY_LIMITS.user, BODY_LIMITS.none, BODY_LIMITS.link])
      expect(small).toBeLessThanOrEqual(BATCH_BODY_LIMIT / 32);
    // A client's batch of REQUEST_BODY_BUDGET bytes of items, plus its envelope, fits every batch route.
    for (const batch of [BODY_LIMITS.readings, BODY_LIMITS.observations, BODY_LIMITS.linksBulk])
      expect(batch).toBeGreaterThan(REQUEST_BODY_BUDGET + 100_000);
  });

  test('the largest request the schemas allow of a single link, a user and a canonical query fits', () => {
    const slug = (i: number) => `k${String(i).padStart(99, '0')}`;
    const widest = {
      id: '00000000-0000-4000-8000-000000000000',
      workbookId: 'é'.repeat(200),
      workbookName: 'é'.repeat(500),
      sheet: 'é'.repeat(200),
      address: 'é'.repeat(200),
      layout: 'grid',
      kpiIds: Array.from({ length: 1000 }, (_, i) => slug(i)),
      scale: -1.2345678901234568e-300,
    };
    expect(linkInputSchema.safeParse(widest).error).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(widest))).toBeLessThan(BODY_LIMITS.link);
    const user = { id: slug(0), name: 'é'.repeat(200), role: 'analyst' };
    expect(userInputSchema.safeParse(user).error).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(user))).toBeLessThan(BODY_LIMITS.user);
    const canonical = {
      kpiIds: Array.from({ length: 5000 }, (_, i) => slug(i)),
      from: '2026-W01',
      to: '2026-12',
    };
    expect(canonicalRequestSchema.safeParse(canonical).error).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(canonical))).toBeLessThan(BODY_LIMITS.canonical);
  });
});
