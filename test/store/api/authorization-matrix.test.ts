/**
 * Every route of the running app × every role (own KPI and another's where a
 * route is about one) × every way of not being signed in (no token, malformed
 * headers, an unknown token, a revoked one, one rotated away), against the
 * table in authorization-table.ts. The routes come from the app itself: a route
 * added later without a row fails here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSourceManifest } from '../../../src/store/addin-manifest';
import { ENGINES } from '../db/engines';
import { routesOf } from './app-routes';
import {
  ANOTHERS_KPI,
  AUTHORIZATION_TABLE,
  CORS_ORIGIN,
  DEMO_SAMPLE,
  malformedHeaders,
  OWN_KPI,
  ROLES,
  USER_OF,
  type MatrixContext,
  type MatrixRequest,
  type Role,
  type RouteRow,
} from './authorization-table';
import { ADMIN_TOKEN, newKey, startTestServer, type TestServer } from './test-server';

interface Answer {
  status: number;
  code: unknown;
}

/** One request; an event stream is closed as soon as its status is known. */
async function send(server: TestServer, method: string, req: MatrixRequest, authorization?: string) {
  const headers: Record<string, string> = { ...req.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  // Submissions need a key of their own each time, or a replay would answer instead of the rules.
  if (method === 'POST' && req.path === '/v1/readings') headers['idempotency-key'] = newKey();
  const res = await fetch(`${server.url}${req.path}`, {
    method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  });
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, code: undefined } satisfies Answer;
  }
  const text = await res.text();
  const json =
    (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
  return { status: res.status, code: json?.error?.code } satisfies Answer;
}

function expectedFor(row: RouteRow, role: Role, whose: 'own' | 'another'): number {
  return 'own' in row.expect ? row.expect[whose][role] : row.expect[role];
}

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let server: TestServer;
  let webRoot: string;
  let ctx: MatrixContext;
  let revokedToken: string;
  let rotatedAwayToken: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'plumbline-matrix-web-'));
    writeFileSync(join(webRoot, 'taskpane.html'), '<!doctype html><title>pane</title>');
    mkdirSync(join(webRoot, 'demo-samples'));
    writeFileSync(join(webRoot, 'demo-samples', DEMO_SAMPLE), 'not really a workbook');
    const source = readSourceManifest();
    server = await startTestServer(engine, {
      // Every optional route on, so the matrix sees all the routes a store can have.
      app: {
        webRoot,
        demoPersonas: [],
        demoSamples: join(webRoot, 'demo-samples'),
        corsOrigins: [CORS_ORIGIN],
        ...(source === undefined
          ? {}
          : { addinManifest: { source, publicUrl: 'https://plumbline.example.com' } }),
      },
    });
    const kpi = (role: Role) => ({
      id: OWN_KPI[role],
      kind: 'kpi',
      name: `Owned by the ${role}`,
      parentId: 'claims-ops',
      unit: 'n',
      direction: 'up',
      cadence: 'month',
      ownerId: USER_OF[role],
      target: 1,
    });
    const model = await server.request('PUT', '/v1/model', {
      body: { nodes: (['admin', 'leader', 'analyst'] as const).map(kpi) },
    });
    expect(model.status).toBe(200);
    const link = await server.request('POST', '/v1/links', {
      body: {
        workbookId: 'wb',
        workbookName: 'wb.xlsx',
        sheet: 'S',
        address: 'A1',
        layout: 'cell',
        kpiIds: [ANOTHERS_KPI],
      },
    });
    expect(link.status).toBe(201);
    const user = async (id: string) => {
      const res = await server.request('POST', '/v1/users', { body: { id, name: id, role: 'admin' } });
      expect(res.status).toBe(201);
      return res.body.token as string;
    };
    ctx = { linkId: link.body.id, victimId: 'matrix-victim' };
    await user(ctx.victimId);
    // Admins, so a revocation that did not take would show as a success below.
    revokedToken = await user('matrix-revoked');
    expect((await server.request('DELETE', '/v1/users/matrix-revoked/token')).status).toBe(200);
    rotatedAwayToken = await user('matrix-rotated');
    expect((await server.request('POST', '/v1/users/matrix-rotated/token')).status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  test('the table has a row for every route of the app, and none for a route it lacks', () => {
    const routes = routesOf(server.app);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in AUTHORIZATION_TABLE))).toEqual([]);
    expect(Object.keys(AUTHORIZATION_TABLE).filter((r) => !routes.includes(r))).toEqual([]);
  });

  test('no token, malformed headers, unknown, revoked and rotated-away tokens: 401 (public routes answer)', async () => {
    const strangers: Record<string, string | undefined> = {
      'no header': undefined,
      ...malformedHeaders(ADMIN_TOKEN),
      'unknown token': 'Bearer pl_not-a-token-anyone-was-given',
      'revoked token': `Bearer ${revokedToken}`,
      'rotated-away token': `Bearer ${rotatedAwayToken}`,
    };
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const [route, row] of Object.entries(AUTHORIZATION_TABLE)) {
      const [method = ''] = route.split(' ');
      for (const [who, header] of Object.entries(strangers)) {
        const answer = await send(server, method, row.request(ctx, OWN_KPI.owner), header);
        const expected = row.public ? expectedFor(row, 'admin', 'own') : 401;
        const ok = answer.status === expected && (row.public || answer.code === 'unauthorized');
        seen.push(`${route} ${who}`);
        if (!ok)
          wrong.push(`${route} with ${who}: ${answer.status} ${String(answer.code)}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.length).toBe(Object.keys(AUTHORIZATION_TABLE).length * Object.keys(strangers).length);
  });

  test('each role gets what the table says, on its own KPI and on another’s', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const [route, row] of Object.entries(AUTHORIZATION_TABLE)) {
      const [method = ''] = route.split(' ');
      for (const role of ROLES) {
        const whose = 'own' in row.expect ? (['own', 'another'] as const) : (['own'] as const);
        for (const w of whose) {
          const kpiId = w === 'own' ? OWN_KPI[role] : ANOTHERS_KPI;
          const token = server.tokens[USER_OF[role]];
          const answer = await send(server, method, row.request(ctx, kpiId), `Bearer ${token}`);
          const expected = expectedFor(row, role, w);
          cases += 1;
          // A refusal says why in the catalog's terms; a success is not an error body.
          const codeOk =
            expected < 400
              ? answer.code === undefined
              : answer.code === (route === 'POST /v1/readings' ? 'not_kpi_owner' : 'forbidden');
          if (answer.status !== expected || !codeOk) {
            wrong.push(
              `${route} as ${role} (${w}): ${answer.status} ${String(answer.code)}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(Object.keys(AUTHORIZATION_TABLE).length * ROLES.length);
  });

  test('refused writes stored nothing: only the owners’ own readings are there', async () => {
    const anothers = await server.request('GET', `/v1/readings?kpiId=${ANOTHERS_KPI}`);
    expect(anothers.body.readings).toEqual([]);
    for (const role of ROLES) {
      const own = await server.request('GET', `/v1/readings?kpiId=${OWN_KPI[role]}`);
      expect(own.body.readings.map((r: { submittedBy: string }) => r.submittedBy)).toEqual([USER_OF[role]]);
    }
  });
});
