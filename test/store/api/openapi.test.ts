/**
 * `/openapi.json` is generated from the routes' own schemas: these tests take
 * the list of routes from the running app (not from a list kept by hand) and
 * fail for any route the document misses, or any operation it invents.
 */
import { ERRORS } from '../../../src/core/errors';
import { routesOf } from './app-routes';
import { startTestServer, type TestServer } from './test-server';

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  additionalProperties?: unknown;
  format?: string;
}

interface Document {
  openapi: string;
  security: unknown[];
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** fastify's `/v1/kpis/:id` is OpenAPI's `/v1/kpis/{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

const operation = (document: Document, key: string): Operation => {
  const [method = '', path = ''] = key.split(' ');
  const found = document.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`${key} is not in the document`);
  return found;
};

const jsonSchemaOf = (op: Operation, status: string): JsonSchema | undefined =>
  op.responses[status]?.content?.['application/json']?.schema;

describe('GET /openapi.json', () => {
  let server: TestServer;
  let document: Document;
  let routes: string[];

  // The document does not depend on the engine, so one is enough.
  beforeAll(async () => {
    server = await startTestServer('sqlite', { withModel: false });
    const res = await server.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    document = res.body;
    routes = routesOf(server.app);
  });
  afterAll(() => server.close());

  test('the route list is read from the app, so it cannot silently come back empty', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /v1/kpis/:id',
        'GET /v1/summary.xlsx',
        'POST /v1/readings',
      ]),
    );
    expect(routes.length).toBeGreaterThan(10);
  });

  test('documents every route of the app, and nothing else', () => {
    const documented = operationsOf(document);
    const expected = routes.map((r) => {
      const [method = '', path = ''] = r.split(' ');
      return `${method} ${toOpenApiPath(path)}`;
    });
    expect(expected.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((op) => !expected.includes(op))).toEqual([]);
    expect(documented).toEqual(expect.arrayContaining(['GET /v1/users', 'GET /v1/nodes']));
  });

  test('is OpenAPI 3.1 with request schemas from the validators', () => {
    expect(document.openapi).toBe('3.1.0');
    const body = operation(document, 'POST /v1/readings').requestBody?.content['application/json']?.schema;
    expect(body?.properties?.readings?.items?.required).toEqual(
      expect.arrayContaining(['kpiId', 'period', 'value']),
    );
    const key = operation(document, 'POST /v1/readings').parameters?.find((p) => p.in === 'header');
    expect(key).toMatchObject({ name: 'idempotency-key', required: true });
    const query = operation(document, 'GET /v1/readings').parameters ?? [];
    expect(query.map((p) => [p.name, p.in, p.required])).toEqual([
      ['kpiId', 'query', true],
      ['period', 'query', false],
    ]);
    expect(operation(document, 'GET /v1/kpis/{id}').parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });

  test('bearer security on every operation but /healthz, as the server enforces it', async () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    for (const key of operationsOf(document)) {
      const [method = '', path = ''] = key.split(' ');
      const isPublic = operation(document, key).security?.length === 0;
      expect([key, isPublic]).toEqual([key, key === 'GET /healthz']);
      const res = await server.request(method, path.replace(/\{[^}]+\}/g, 'x'), { token: null });
      expect([key, res.status === 401]).toEqual([key, !isPublic]);
    }
  });

  test('error answers use the error body of the catalog, with the statuses each route can give', () => {
    const codes = Object.keys(ERRORS);
    for (const key of operationsOf(document)) {
      const op = operation(document, key);
      const statuses = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      const expected = key === 'GET /healthz' ? ['500'] : ['401', '500'];
      expect([key, statuses]).toEqual([key, expect.arrayContaining(expected)]);
      for (const status of statuses) {
        const error = jsonSchemaOf(op, status)?.properties?.error;
        expect(error?.required).toEqual(['code', 'message']);
        expect(error?.properties?.code?.enum).toEqual(codes);
        expect(error?.properties?.details?.type).toBe('array');
      }
    }
    for (const key of ['POST /v1/users', 'PUT /v1/model', 'POST /v1/readings', 'POST /v1/observations']) {
      expect([key, Object.keys(operation(document, key).responses)]).toEqual([
        key,
        expect.arrayContaining(['400', '403', '413', '415']),
      ]);
    }
    expect(operation(document, 'POST /v1/readings').responses['422']?.description).toContain(
      'remediation_required',
    );
  });

  test('answers are described: JSON schemas, the workbook as binary, events as a stream', () => {
    const users = jsonSchemaOf(operation(document, 'GET /v1/users'), '200');
    expect(Object.keys(users?.properties?.users?.items?.properties ?? {})).toEqual(['id', 'name', 'role']);
    const rows = jsonSchemaOf(operation(document, 'GET /v1/summary'), '200')?.properties?.rows?.items;
    const kpiRow = rows?.oneOf?.find((r) => r.properties?.kind?.enum?.includes('kpi'));
    // Rows are open: a field added to them reaches readers instead of being stripped.
    expect(kpiRow?.additionalProperties).toEqual({});
    expect(kpiRow?.properties).toHaveProperty('latest');
    const xlsx = operation(document, 'GET /v1/summary.xlsx').responses['200']?.content;
    expect(xlsx).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    });
    expect(Object.keys(operation(document, 'GET /v1/events').responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
  });
});
