/**
 * The hostile request corpus, kept as data: each case is one request that a
 * careless or malicious client could send, and that the store must refuse with
 * a 4xx in its error format, storing nothing. Most are a valid request with one
 * thing wrong, so the refusal is about that thing.
 */
import { MAX_OBSERVATIONS_PER_REQUEST } from '../../../../src/core/request-limits';

export interface HostileCase {
  category: string;
  name: string;
  method: string;
  /** Raw request target, sent as it is (`$LINK` is replaced by a link registered beforehand). */
  path: string;
  /** The user whose token is sent; null for none. Defaults to the route's usual user. */
  as?: string | null;
  /** Raw headers, sent as they are (latin1): anything, including what no client would send. */
  headers?: [string, string][];
  /** The raw body (`$LINK` replaced); sent with Content-Type: application/json unless headers say otherwise. */
  body?: string | Buffer;
  /** Leave Content-Length out (the case frames the body itself, or lies). */
  noContentLength?: true;
  /** The exact status expected, when it matters; otherwise any 4xx. */
  status?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A valid request per writing route, with the user allowed to send it. */
const ROUTES = {
  readings: {
    method: 'POST',
    path: '/v1/readings',
    as: 'olivia',
    body: { readings: [{ kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.5, comment: 'ok' }] },
  },
  model: {
    method: 'PUT',
    path: '/v1/model',
    as: 'admin',
    body: { nodes: [{ id: 'hostile-pillar', kind: 'pillar', name: 'Pillar' }] },
  },
  users: { method: 'POST', path: '/v1/users', as: 'admin', body: { name: 'New person', role: 'leader' } },
  links: {
    method: 'POST',
    path: '/v1/links',
    as: 'ana',
    body: {
      workbookId: 'wb-hostile',
      workbookName: 'hostile.xlsx',
      sheet: 'KPIs',
      address: 'B2',
      layout: 'cell',
      kpiIds: ['platform.uptime'],
    },
  },
  observations: {
    method: 'POST',
    path: '/v1/observations',
    as: 'ana',
    body: { observations: [{ linkId: '$LINK', kpiId: 'platform.uptime', period: '2026-10', value: 0.99 }] },
  },
  canonical: { method: 'POST', path: '/v1/canonical', as: 'leo', body: { kpiIds: ['platform.uptime'] } },
} as const satisfies Record<string, { method: string; path: string; as: string; body: Json }>;

type RouteName = keyof typeof ROUTES;
const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** The route's valid body with one value replaced at `path` (dot-separated, numbers index arrays). */
function withValue(route: RouteName, path: string, value: Json | undefined): string {
  const body = structuredClone(ROUTES[route].body) as Json;
  const keys = path.split('.');
  let target = body as Record<string, Json>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, Json>;
  const last = keys[keys.length - 1] ?? '';
  if (value === undefined) delete target[last];
  else target[last] = value;
  return JSON.stringify(body);
}

/** The route's valid body as JSON text with `text` spliced in for one value (for what JSON cannot say). */
function withText(route: RouteName, path: string, text: string): string {
  return withValue(route, path, '\u0000MARK\u0000').replace('"\\u0000MARK\\u0000"', text);
}

function on(
  route: RouteName,
  category: string,
  name: string,
  body: string,
  extra: Partial<HostileCase> = {},
) {
  const { method, path, as } = ROUTES[route];
  return { category, name: `${route}: ${name}`, method, path, as, body, ...extra } satisfies HostileCase;
}

const malformedJson: HostileCase[] = ROUTE_NAMES.flatMap((route) =>
  Object.entries({
    'an open brace': '{',
    'a close brace': '}',
    'an unclosed array': `{"${Object.keys(ROUTES[route].body)[0]}": [`,
    'a trailing comma': JSON.stringify(ROUTES[route].body).replace(/}$/, ',}'),
    'single quotes': JSON.stringify(ROUTES[route].body).replaceAll('"', "'"),
    'a comment': `// hello\n${JSON.stringify(ROUTES[route].body)}`,
    'two documents': JSON.stringify(ROUTES[route].body).repeat(2),
    'unquoted keys': JSON.stringify(ROUTES[route].body).replace(/"([a-zA-Z]+)":/g, '$1:'),
    'an empty body': '',
    null: 'null',
    'a string': '"readings"',
    'a number': '42',
    'an array': `[${JSON.stringify(ROUTES[route].body)}]`,
    'invalid UTF-8': Buffer.concat([
      Buffer.from('{"x":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]),
    'a __proto__ key': JSON.stringify(ROUTES[route].body).replace(/^{/, '{"__proto__":{"role":"admin"},'),
    'a constructor.prototype key': JSON.stringify(ROUTES[route].body).replace(
      /^{/,
      '{"constructor":{"prototype":{"role":"admin"}},',
    ),
  }).map(([name, body]) => on(route, 'malformed JSON', name, body as string)),
);

const DEPTH = 100_000;
const deepJson: HostileCase[] = [
  on('readings', 'deep JSON', `${DEPTH} nested arrays`, `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`),
  on('readings', 'deep JSON', `${DEPTH} nested objects`, `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`),
  on(
    'readings',
    'deep JSON',
    'a deep comment',
    withText('readings', 'readings.0.comment', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
  ),
  on(
    'model',
    'deep JSON',
    'a deep node',
    withText('model', 'nodes.0', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
  ),
  on(
    'observations',
    'deep JSON',
    'a deep value',
    withText('observations', 'observations.0.value', `${'['.repeat(5000)}${']'.repeat(5000)}`),
  ),
  on(
    'links',
    'deep JSON',
    'deep kpiIds',
    withText('links', 'kpiIds', `${'['.repeat(5000)}${']'.repeat(5000)}`),
  ),
];

const wrongTypes: HostileCase[] = [
  ...Object.entries({
    readings: { object: {}, string: 'x', number: 1, null: null, empty: [] },
    'readings.0': { string: 'x', number: 1, null: null, array: [] },
    'readings.0.kpiId': { number: 7, null: null, array: ['claims.turnaround_days'], empty: '' },
    'readings.0.period': { number: 202610, null: null, object: { year: 2026 } },
    'readings.0.value': { string: '6.5', boolean: true, null: null, array: [6.5], object: { v: 6.5 } },
    'readings.0.comment': { number: 1, array: ['x'], object: {} },
    'readings.0.source': { string: 'book.xlsx', array: [], 'object without fields': {} },
  }).flatMap(([path, values]) =>
    Object.entries(values).map(([kind, value]) =>
      on('readings', 'wrong types', `${path} as ${kind}`, withValue('readings', path, value)),
    ),
  ),
  ...Object.entries({
    'nodes.0.kind': 'program-ish',
    'nodes.0.name': 12,
    'nodes.0.id': 'Not A Slug',
    nodes: 'everything',
  }).map(([path, value]) =>
    on('model', 'wrong types', `${path} = ${JSON.stringify(value)}`, withValue('model', path, value)),
  ),
  ...Object.entries({ role: 'superuser', name: ['a'], id: 5 }).map(([path, value]) =>
    on('users', 'wrong types', `${path} = ${JSON.stringify(value)}`, withValue('users', path, value)),
  ),
  ...Object.entries({
    layout: 'diagonal',
    kpiIds: 'platform.uptime',
    scale: '1000',
    sheet: 7,
    id: 'not-a-uuid',
  }).map(([path, value]) =>
    on('links', 'wrong types', `${path} = ${JSON.stringify(value)}`, withValue('links', path, value)),
  ),
  ...Object.entries({ 'observations.0.value': 'twelve', 'observations.0.linkId': 4, observations: {} }).map(
    ([path, value]) =>
      on(
        'observations',
        'wrong types',
        `${path} = ${JSON.stringify(value)}`,
        withValue('observations', path, value),
      ),
  ),
  ...Object.entries({ kpiIds: 'platform.uptime', from: 2026 }).map(([path, value]) =>
    on('canonical', 'wrong types', `${path} = ${JSON.stringify(value)}`, withValue('canonical', path, value)),
  ),
];

/** Numbers JSON cannot hold (parsed as Infinity) or that are not JSON at all. */
const NON_FINITE_TEXT = [
  '1e309',
  '-1e309',
  '1e999999',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '+Infinity',
  'inf',
  '0x10',
  '1_000',
  '+1',
  '.5',
  '5.',
  '01',
  '-',
  '1e',
  '--1',
];
/** The same spellings as text: numbers only in a string. */
const NON_FINITE_STRINGS = ['NaN', 'Infinity', '-Infinity', 'inf', '1e309', 'nan', '∞', '1,5'];
const numbers: HostileCase[] = [
  ...NON_FINITE_TEXT.map((text) =>
    on('readings', 'numbers', `value ${text}`, withText('readings', 'readings.0.value', text)),
  ),
  ...NON_FINITE_STRINGS.map((text) =>
    on('readings', 'numbers', `value "${text}"`, withValue('readings', 'readings.0.value', text)),
  ),
  ...['1e309', '-1e309', 'NaN', 'Infinity'].map((text) =>
    on('links', 'numbers', `scale ${text}`, withText('links', 'scale', text)),
  ),
  on('links', 'numbers', 'scale 0', withValue('links', 'scale', 0)),
  on('links', 'numbers', 'scale -0', withText('links', 'scale', '-0')),
  ...['1e309', 'NaN'].map((text) =>
    on('observations', 'numbers', `value ${text}`, withText('observations', 'observations.0.value', text)),
  ),
  // Finite, but far out: off track without a remediation plan (422), never stored.
  on(
    'readings',
    'numbers',
    'value 1.7976931348623157e308',
    withText('readings', 'readings.0.value', '1.7976931348623157e308'),
  ),
  on(
    'readings',
    'numbers',
    'value 123456789012345678901234567890',
    withText('readings', 'readings.0.value', '123456789012345678901234567890'),
  ),
  ...[
    ['a target of 1e309', '1e309'],
    ['a target of NaN', 'NaN'],
  ].map(([name = '', text = '']) =>
    on(
      'model',
      'numbers',
      name,
      JSON.stringify({
        nodes: [
          {
            id: 'hostile.kpi',
            kind: 'kpi',
            name: 'K',
            parentId: 'claims-ops',
            unit: 'n',
            direction: 'up',
            cadence: 'month',
            ownerId: 'olivia',
            target: 0,
          },
        ],
      }).replace('"target":0', `"target":${text}`),
    ),
  ),
];

const MB = 1024 * 1024;
const tooLarge: HostileCase[] = [
  on(
    'readings',
    'too large',
    'a 5 MB comment',
    withValue('readings', 'readings.0.comment', 'x'.repeat(5 * MB)),
    { status: 413 },
  ),
  on(
    'model',
    'too large',
    'a 5 MB body of whitespace',
    `${' '.repeat(5 * MB)}${JSON.stringify(ROUTES.model.body)}`,
    { status: 413 },
  ),
  on('users', 'too large', 'a 20 MB name', withValue('users', 'name', 'n'.repeat(20 * MB)), { status: 413 }),
  on('readings', 'too large', 'Content-Length of 1 TB', '{}', {
    status: 413,
    noContentLength: true,
    headers: [['Content-Length', String(1024 ** 4)]],
  }),
  on(
    'readings',
    'too large',
    '1001 readings',
    JSON.stringify({ readings: Array.from({ length: 1001 }, () => ROUTES.readings.body.readings[0]) }),
  ),
  on(
    'observations',
    'too large',
    `${MAX_OBSERVATIONS_PER_REQUEST + 1} observations (small ones, under the body limit)`,
    JSON.stringify({
      observations: Array.from({ length: MAX_OBSERVATIONS_PER_REQUEST + 1 }, () => ({
        linkId: 'l',
        kpiId: 'k',
        period: '2026-01',
        value: 1,
      })),
    }),
  ),
  on(
    'readings',
    'too large',
    'a comment of 4001 characters',
    withValue('readings', 'readings.0.comment', 'c'.repeat(4001)),
  ),
  on('users', 'too large', 'a name of 201 characters', withValue('users', 'name', 'n'.repeat(201))),
  on(
    'links',
    'too large',
    'a workbook id of 201 characters',
    withValue('links', 'workbookId', 'w'.repeat(201)),
  ),
  on(
    'readings',
    'too large',
    'an Idempotency-Key of 10,000 characters',
    JSON.stringify(ROUTES.readings.body),
    {
      headers: [['Idempotency-Key', 'k'.repeat(10_000)]],
    },
  ),
];

/** Refused in names and notes: they hide text, cannot be stored (NUL) or are not Unicode (lone surrogates). */
const CONTROL = [
  '\u0000',
  '\u0007',
  '\b',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  'a\udbff\u0041',
];
/** Unusual but legitimate Unicode: accepted in notes, so shown refused for another reason (another's KPI). */
const ODD_UNICODE = ['\u2028', '\u202e', '\ufeff', '\u200b', '\ud83d\udcc8', 'e\u0301'];
const unicode: HostileCase[] = [
  // Ids and periods are ASCII patterns: anything else in them is refused.
  ...[
    'claims.turnaround_days\u0000',
    'claims\u2024turnaround_days',
    'ｃlaims.turnaround_days',
    'claims.turnaround_days\u200b',
    'CLAIMS.TURNAROUND_DAYS',
  ].map((id) =>
    on('readings', 'unicode', `kpiId ${JSON.stringify(id)}`, withValue('readings', 'readings.0.kpiId', id)),
  ),
  ...['２０２６-10', '2026\u201310', '2026-10\u0000', ' 2026-10', '2026-10\n'].map((period) =>
    on(
      'readings',
      'unicode',
      `period ${JSON.stringify(period)}`,
      withValue('readings', 'readings.0.period', period),
    ),
  ),
  ...['\u0000', ' \t\n ', '\u00a0', '\u3000'].map((name) =>
    on('users', 'unicode', `a name of only ${JSON.stringify(name)}`, withValue('users', 'name', name)),
  ),
  ...CONTROL.flatMap((c) => [
    on(
      'readings',
      'unicode',
      `comment with ${JSON.stringify(c)}`,
      withValue('readings', 'readings.0.comment', `a${c}b`),
    ),
    on(
      'readings',
      'unicode',
      `remediation with ${JSON.stringify(c)}`,
      withValue('readings', 'readings.0.remediation', `a${c}b`),
    ),
    on(
      'readings',
      'unicode',
      `source sheet with ${JSON.stringify(c)}`,
      withValue('readings', 'readings.0.source', { workbook: 'b.xlsx', sheet: `S${c}`, address: 'A1' }),
    ),
    on('users', 'unicode', `name with ${JSON.stringify(c)}`, withValue('users', 'name', `Ann${c}`)),
    on('users', 'unicode', `id with ${JSON.stringify(c)}`, withValue('users', 'id', `user${c}`)),
    on(
      'model',
      'unicode',
      `node name with ${JSON.stringify(c)}`,
      withValue('model', 'nodes.0.name', `P${c}`),
    ),
    on('links', 'unicode', `sheet name with ${JSON.stringify(c)}`, withValue('links', 'sheet', `KPIs${c}`)),
  ]),
  // Line breaks are fine in notes, never in names.
  ...['\n', '\r', '\t'].map((c) =>
    on('users', 'unicode', `name with ${JSON.stringify(c)}`, withValue('users', 'name', `Ann${c}Bee`)),
  ),
  ...['\u0000', '\ud800'].map((c) =>
    on(
      'observations',
      'unicode',
      `unreadable cell text with ${JSON.stringify(c)}`,
      withValue('observations', 'observations.0.value', { unreadable: `#N/A${c}` }),
    ),
  ),
  ...ODD_UNICODE.map((c) =>
    on(
      'readings',
      'unicode',
      `comment with ${JSON.stringify(c)} on another's KPI`,
      JSON.stringify({
        readings: [{ kpiId: 'platform.uptime', period: '2026-10', value: 0.99, comment: `a${c}b` }],
      }),
      { status: 403 },
    ),
  ),
];

/** Keys that look like periods but name none (core's period-key agrees: see the test). */
export const IMPOSSIBLE_PERIODS = [
  '2026-13',
  '2026-00',
  '2026-W54',
  '2025-W53',
  '2026-W00',
  '2026-Q5',
  '2026-Q0',
  '0999',
  '1899-12',
  '10000',
  '2026-1',
  '2026-011',
  '2026-W5',
  '2026-H1',
  '2026-02-30',
];
const periods: HostileCase[] = [
  ...IMPOSSIBLE_PERIODS.map((p) =>
    on('readings', 'periods', `period ${p}`, withValue('readings', 'readings.0.period', p)),
  ),
  ...IMPOSSIBLE_PERIODS.slice(0, 8).map((p) =>
    on('observations', 'periods', `period ${p}`, withValue('observations', 'observations.0.period', p)),
  ),
  ...IMPOSSIBLE_PERIODS.slice(0, 6).map((p) =>
    on('canonical', 'periods', `from ${p}`, withValue('canonical', 'from', p)),
  ),
  ...IMPOSSIBLE_PERIODS.slice(0, 4).map((p) =>
    on('canonical', 'periods', `to ${p}`, withValue('canonical', 'to', p)),
  ),
  ...IMPOSSIBLE_PERIODS.slice(0, 6).map((p) => ({
    category: 'periods',
    name: `GET /v1/readings?period=${p}`,
    method: 'GET',
    path: `/v1/readings?kpiId=platform.uptime&period=${encodeURIComponent(p)}`,
    as: 'leo',
  })),
  ...['2026-13-01', '2026-02-30', '2026-11-31', 'today', '2026-11-24T00:00:00Z', '-001-01-01', 'NaN'].map(
    (day) => ({
      category: 'periods',
      name: `GET /v1/summary?asOf=${day}`,
      method: 'GET',
      path: `/v1/summary?asOf=${encodeURIComponent(day)}`,
      as: 'leo',
    }),
  ),
  // A weekly KPI given a month, a monthly one a week: real keys of the wrong cadence.
  on(
    'readings',
    'periods',
    'a week for a monthly KPI',
    withValue('readings', 'readings.0.period', '2026-W40'),
  ),
  on(
    'readings',
    'periods',
    'a period not started yet',
    withValue('readings', 'readings.0.period', '2027-01'),
  ),
];

const unknownFields: HostileCase[] = [
  ...Object.entries({
    'readings.0.revision': 7,
    'readings.0.submittedBy': 'ian',
    'readings.0.submittedAt': '2020-01-01T00:00:00Z',
    'readings.0.id': 1,
    extra: true,
  }).map(([path, value]) => on('readings', 'unknown fields', path, withValue('readings', path, value))),
  ...Object.entries({ token: 'pl_chosen', tokenHash: 'ab', createdAt: 'x' }).map(([path, value]) =>
    on('users', 'unknown fields', path, withValue('users', path, value)),
  ),
  ...Object.entries({ createdBy: 'ian', createdAt: 'x', observations: [] }).map(([path, value]) =>
    on('links', 'unknown fields', path, withValue('links', path, value)),
  ),
  on(
    'observations',
    'unknown fields',
    'observations.0.verdict',
    withValue('observations', 'observations.0.verdict', 'match'),
  ),
  on('canonical', 'unknown fields', 'kpiId', withValue('canonical', 'kpiId', 'platform.uptime')),
  on('model', 'unknown fields', 'nodes.0.position', withValue('model', 'nodes.0.position', 0)),
];

/** Header tricks: CR/LF and NUL inside values, smuggling framings, wrong content types. */
const headers: HostileCase[] = [
  ...[
    ['a CR inside the key', 'abc\rX-Injected: 1'],
    ['a NUL inside the key', 'abc\u0000def'],
    ['a bare LF inside the key', 'abc\nX-Injected: 1'],
    ['a blank key', '   '],
  ].map(([name = '', key = '']) =>
    on('readings', 'headers', name, JSON.stringify(ROUTES.readings.body), {
      headers: [['Idempotency-Key', key]],
    }),
  ),
  on('readings', 'headers', 'no Idempotency-Key', JSON.stringify(ROUTES.readings.body), {
    headers: [['Idempotency-Key', '']],
  }),
  on('readings', 'headers', 'a CR/LF in the Authorization header', JSON.stringify(ROUTES.readings.body), {
    as: null,
    headers: [['Authorization', 'Bearer x\rX-Role: admin']],
  }),
  on(
    'readings',
    'headers',
    'Content-Length and Transfer-Encoding together',
    JSON.stringify(ROUTES.readings.body),
    {
      headers: [['Transfer-Encoding', 'chunked']],
    },
  ),
  on('readings', 'headers', 'two different Content-Lengths', JSON.stringify(ROUTES.readings.body), {
    noContentLength: true,
    headers: [
      ['Content-Length', String(JSON.stringify(ROUTES.readings.body).length)],
      ['Content-Length', '5'],
    ],
  }),
  on('readings', 'headers', 'a header name with a space', JSON.stringify(ROUTES.readings.body), {
    headers: [['X Bad', '1']],
  }),
  ...[
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/jsonx',
  ].map((type) =>
    on('readings', 'headers', `Content-Type ${type}`, JSON.stringify(ROUTES.readings.body), {
      headers: [['Content-Type', type]],
      status: 415,
    }),
  ),
  on('users', 'headers', 'no Content-Type', JSON.stringify(ROUTES.users.body), {
    headers: [['Content-Type', '']],
  }),
];

/** SQL in every place a value reaches a query: ids, periods, path parameters, query strings. */
const SQL = [
  "x' OR '1'='1",
  "'; DROP TABLE readings; --",
  '1; DELETE FROM users',
  "\\'; select pg_sleep(5); --",
  '" OR ""="',
  "' UNION SELECT token_hash FROM users --",
];
const sqlFragments: HostileCase[] = [
  ...SQL.map((s) => on('readings', 'SQL', `kpiId ${s}`, withValue('readings', 'readings.0.kpiId', s))),
  ...SQL.map((s) => on('readings', 'SQL', `period ${s}`, withValue('readings', 'readings.0.period', s))),
  ...SQL.map((s) => on('users', 'SQL', `role ${s}`, withValue('users', 'role', s))),
  ...SQL.map((s) =>
    on('observations', 'SQL', `linkId ${s}`, withValue('observations', 'observations.0.linkId', s)),
  ),
  ...SQL.map((s) => ({
    category: 'SQL',
    name: `GET /v1/kpis/${s}`,
    method: 'GET',
    path: `/v1/kpis/${encodeURIComponent(s)}`,
    as: 'leo',
    status: 404,
  })),
  ...SQL.map((s) => ({
    category: 'SQL',
    name: `GET /v1/readings?kpiId=${s}`,
    method: 'GET',
    path: `/v1/readings?kpiId=${encodeURIComponent(s)}`,
    as: 'leo',
  })),
  ...SQL.map((s) => ({
    category: 'SQL',
    name: `DELETE /v1/users/${s}/token`,
    method: 'DELETE',
    path: `/v1/users/${encodeURIComponent(s)}/token`,
    as: 'admin',
    status: 404,
  })),
];

/** Cell text that a spreadsheet would run as a formula, where the store expects numbers, ids or periods. */
const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '-2+3',
  '=WEBSERVICE("http://evil.example")',
];
const formulas: HostileCase[] = [
  ...FORMULAS.map((f) =>
    on('readings', 'formulas', `value ${f}`, withValue('readings', 'readings.0.value', f)),
  ),
  ...FORMULAS.map((f) =>
    on('readings', 'formulas', `kpiId ${f}`, withValue('readings', 'readings.0.kpiId', f)),
  ),
  ...FORMULAS.map((f) => on('links', 'formulas', `scale ${f}`, withValue('links', 'scale', f))),
  ...FORMULAS.map((f) => on('users', 'formulas', `id ${f}`, withValue('users', 'id', f))),
  ...FORMULAS.map((f) =>
    on('observations', 'formulas', `value ${f}`, withValue('observations', 'observations.0.value', f)),
  ),
];

/** Requests no client would make: odd methods, paths and request targets. */
const requestLines: HostileCase[] = [
  {
    category: 'requests',
    name: 'an unknown route',
    method: 'POST',
    path: '/v1/readings/../users',
    as: 'admin',
    body: '{}',
  },
  {
    category: 'requests',
    name: 'a path with a NUL',
    method: 'GET',
    path: '/v1/kpis/%00',
    as: 'leo',
    status: 404,
  },
  {
    category: 'requests',
    name: 'a path with bad percent-encoding',
    method: 'GET',
    path: '/v1/kpis/%E0%A4%A',
    as: 'leo',
  },
  {
    category: 'requests',
    name: 'a query with bad percent-encoding',
    method: 'GET',
    path: '/v1/readings?kpiId=%E0%A4%A',
    as: 'leo',
  },
  {
    category: 'requests',
    name: 'an unknown query field',
    method: 'GET',
    path: '/v1/summary?asOf=2026-11-01&debug=1',
    as: 'leo',
  },
  {
    category: 'requests',
    name: 'a repeated query field',
    method: 'GET',
    path: '/v1/readings?kpiId=platform.uptime&kpiId=service.fcr',
    as: 'leo',
  },
  { category: 'requests', name: 'TRACE', method: 'TRACE', path: '/v1/readings', as: 'olivia' },
  {
    category: 'requests',
    name: 'DELETE readings',
    method: 'DELETE',
    path: '/v1/readings',
    as: 'olivia',
    status: 404,
  },
  {
    category: 'requests',
    name: 'PUT readings',
    method: 'PUT',
    path: '/v1/readings',
    as: 'olivia',
    body: JSON.stringify(ROUTES.readings.body),
    status: 404,
  },
  {
    category: 'requests',
    name: 'a request target of 20,000 characters',
    method: 'GET',
    path: `/v1/kpis/${'a'.repeat(20_000)}`,
    as: 'leo',
  },
  {
    category: 'requests',
    name: 'an absolute-form target to another host',
    method: 'GET',
    path: 'http://evil.example/v1/kpis/x',
    as: 'leo',
  },
];

export const HOSTILE_CASES: HostileCase[] = [
  ...malformedJson,
  ...deepJson,
  ...wrongTypes,
  ...numbers,
  ...tooLarge,
  ...unicode,
  ...periods,
  ...unknownFields,
  ...headers,
  ...sqlFragments,
  ...formulas,
  ...requestLines,
];
