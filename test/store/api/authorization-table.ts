/**
 * Who may do what, route by route (DESIGN §2 and §3): the expected status of
 * every route for every role, and for the route about a KPI someone owns, for
 * one's own KPI and for another's. Each request is valid but for who sends it,
 * so the status says what authorization decided and nothing else.
 */

export type Role = 'admin' | 'leader' | 'analyst' | 'owner';
export const ROLES: readonly Role[] = ['admin', 'leader', 'analyst', 'owner'];

/** The user of each role in the test store (the demo organisation's people). */
export const USER_OF: Record<Role, string> = {
  admin: 'admin',
  leader: 'leo',
  analyst: 'ana',
  owner: 'olivia',
};

/** A KPI owned by each role's user, so "own KPI" exists for every role (admins included). */
export const OWN_KPI: Record<Role, string> = {
  admin: 'matrix.admin_kpi',
  leader: 'matrix.leader_kpi',
  analyst: 'matrix.analyst_kpi',
  owner: 'claims.turnaround_days',
};
/** Owned by ian, who is none of the four: everyone's "another's KPI". */
export const ANOTHERS_KPI = 'platform.uptime';

/** The origin the matrix's store allows, so the CORS preflight route exists. */
export const CORS_ORIGIN = 'https://reports.example.com';
/** The one sample workbook in the matrix store's demo samples folder. */
export const DEMO_SAMPLE = 'ops-monthly.xlsx';

/** What a row's request may refer to, made by the test's setup. */
export interface MatrixContext {
  /** A link registered beforehand, for observations. */
  linkId: string;
  /** A user whose token the token routes revoke and rotate (none of the four). */
  victimId: string;
}

export interface MatrixRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type ByRole = Record<Role, number>;
const everyone = (status: number): ByRole => ({
  admin: status,
  leader: status,
  analyst: status,
  owner: status,
});
const adminOnly = (status: number): ByRole => ({ admin: status, leader: 403, analyst: 403, owner: 403 });
const linkers = (status: number): ByRole => ({ admin: status, leader: 403, analyst: status, owner: status });

export interface RouteRow {
  /** Answers without a token, whatever Authorization header comes with the request (its status in `expect`). */
  public?: true;
  /** The request; `kpiId` is the KPI it is about (own or another's) where the route has one. */
  request(ctx: MatrixContext, kpiId: string): MatrixRequest;
  /** The status per role, or per role for their own KPI and for another's. */
  expect: ByRole | { own: ByRole; another: ByRole };
}

const reading = (kpiId: string) => ({
  readings: [{ kpiId, period: '2026-10', value: 1, comment: 'matrix', remediation: 'matrix plan' }],
});

/** Keys are "METHOD /path" as fastify lists its routes; the test fails for a route of the app missing here. */
export const AUTHORIZATION_TABLE: Record<string, RouteRow> = {
  'GET /healthz': { public: true, request: () => ({ path: '/healthz' }), expect: everyone(200) },
  // The add-in's pages (`/*`), as fastify's route tree names a wildcard at the root.
  'GET *': { public: true, request: () => ({ path: '/taskpane.html' }), expect: everyone(200) },
  'GET /manifest.xml': { public: true, request: () => ({ path: '/manifest.xml' }), expect: everyone(200) },
  'GET /v1/demo/personas': {
    public: true,
    request: () => ({ path: '/v1/demo/personas' }),
    expect: everyone(200),
  },
  // The demo's sample workbooks for the workbench (only on `plumbline demo`).
  'GET /samples/index.json': {
    public: true,
    request: () => ({ path: '/samples/index.json' }),
    expect: everyone(200),
  },
  'GET /samples/:file': {
    public: true,
    request: () => ({ path: `/samples/${DEMO_SAMPLE}` }),
    expect: everyone(200),
  },
  // A browser's CORS preflight (only when PLUMBLINE_CORS_ORIGINS is set): answered without a token.
  'OPTIONS *': {
    public: true,
    request: () => ({
      path: '/v1/readings',
      headers: { origin: CORS_ORIGIN, 'access-control-request-method': 'POST' },
    }),
    expect: everyone(204),
  },
  'GET /openapi.json': { request: () => ({ path: '/openapi.json' }), expect: everyone(200) },
  'POST /v1/users': {
    request: () => ({ path: '/v1/users', body: { name: 'Made by the matrix', role: 'leader' } }),
    expect: adminOnly(201),
  },
  'GET /v1/users': { request: () => ({ path: '/v1/users' }), expect: everyone(200) },
  'GET /v1/me': { request: () => ({ path: '/v1/me' }), expect: everyone(200) },
  'DELETE /v1/users/:id/token': {
    request: (ctx) => ({ path: `/v1/users/${ctx.victimId}/token` }),
    expect: adminOnly(200),
  },
  'POST /v1/users/:id/token': {
    request: (ctx) => ({ path: `/v1/users/${ctx.victimId}/token` }),
    expect: adminOnly(201),
  },
  'PUT /v1/model': {
    request: () => ({
      path: '/v1/model',
      body: { nodes: [{ id: 'matrix-pillar', kind: 'pillar', name: 'Matrix pillar' }] },
    }),
    expect: adminOnly(200),
  },
  'GET /v1/kpis': { request: () => ({ path: '/v1/kpis' }), expect: everyone(200) },
  'GET /v1/kpis/:id': { request: () => ({ path: `/v1/kpis/${ANOTHERS_KPI}` }), expect: everyone(200) },
  'GET /v1/nodes': { request: () => ({ path: '/v1/nodes' }), expect: everyone(200) },
  'POST /v1/readings': {
    request: (_ctx, kpiId) => ({ path: '/v1/readings', body: reading(kpiId) }),
    // Only a KPI's owner submits its readings, admins included (DESIGN §2).
    expect: { own: everyone(201), another: everyone(403) },
  },
  'GET /v1/readings': {
    request: () => ({ path: `/v1/readings?kpiId=${ANOTHERS_KPI}` }),
    expect: everyone(200),
  },
  'POST /v1/canonical': {
    request: () => ({ path: '/v1/canonical', body: { kpiIds: [ANOTHERS_KPI] } }),
    expect: everyone(200),
  },
  'POST /v1/links': {
    request: () => ({
      path: '/v1/links',
      body: {
        workbookId: 'matrix-book',
        workbookName: 'matrix.xlsx',
        sheet: 'KPIs',
        address: 'B2',
        layout: 'cell',
        kpiIds: [ANOTHERS_KPI],
      },
    }),
    expect: linkers(201),
  },
  'POST /v1/links/bulk': {
    request: () => ({
      path: '/v1/links/bulk',
      body: {
        links: [
          {
            workbookId: 'matrix-book',
            workbookName: 'matrix.xlsx',
            sheet: 'KPIs',
            address: 'C2',
            layout: 'cell',
            kpiIds: [ANOTHERS_KPI],
          },
        ],
      },
    }),
    expect: linkers(201),
  },
  'GET /v1/links': { request: () => ({ path: '/v1/links' }), expect: everyone(200) },
  'POST /v1/observations': {
    request: (ctx) => ({
      path: '/v1/observations',
      body: { observations: [{ linkId: ctx.linkId, kpiId: ANOTHERS_KPI, period: '2026-10', value: 0.99 }] },
    }),
    expect: linkers(200),
  },
  'GET /v1/summary': { request: () => ({ path: '/v1/summary' }), expect: everyone(200) },
  'GET /v1/summary.xlsx': { request: () => ({ path: '/v1/summary.xlsx' }), expect: everyone(200) },
  'GET /v1/events': { request: () => ({ path: '/v1/events' }), expect: everyone(200) },
};

/**
 * Authorization headers that must not get anyone in. `valid` is a real admin
 * token, so a lax parser that accepted any of these shapes would let it through.
 */
export function malformedHeaders(valid: string): Record<string, string> {
  return {
    'no scheme': valid,
    'Basic scheme': `Basic ${Buffer.from(`admin:${valid}`).toString('base64')}`,
    'Bearer without a token': 'Bearer',
    'Bearer and blanks': 'Bearer    ',
    'two tokens': `Bearer ${valid} ${valid}`,
    'scheme glued to the token': `Bearer${valid}`,
    'token in quotes': `Bearer "${valid}"`,
    'a comma list': `Bearer ${valid}, Bearer ${valid}`,
  };
}
