/**
 * The hostile request corpus (hostile/corpus.ts) against a real store over a
 * bare socket: every case gets a 4xx in the error format, never a 500 or a
 * stack trace, and afterwards every table of the store holds exactly what it
 * held before.
 */
import { ERRORS } from '../../../src/core/errors';
import { isPeriodKey } from '../../../src/core/period-key';
import { ENGINES } from '../db/engines';
import { HOSTILE_CASES, IMPOSSIBLE_PERIODS, type HostileCase } from './hostile/corpus';
import { sendRaw, type RawResponse } from './hostile/raw-http';
import { dumpStore } from './hostile/store-dump';
import { newKey, startTestServer, type TestServer } from './test-server';

jest.setTimeout(180_000);

const DEFAULT_HEADERS = new Set(['content-type', 'content-length', 'idempotency-key', 'authorization']);

function requestOf(server: TestServer, c: HostileCase, linkId: string): { head: string; body: Buffer } {
  const raw = c.body ?? '';
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replaceAll('$LINK', linkId), 'utf8');
  const given = new Map((c.headers ?? []).map(([name]) => [name.toLowerCase(), true]));
  const lines = [
    `${c.method} ${c.path.replaceAll('$LINK', linkId)} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
  ];
  const as = c.as === undefined ? 'admin' : c.as;
  if (as !== null && !given.has('authorization')) lines.push(`Authorization: Bearer ${server.tokens[as]}`);
  if (c.body !== undefined && !given.has('content-type')) lines.push('Content-Type: application/json');
  if (c.body !== undefined && !c.noContentLength && !given.has('content-length'))
    lines.push(`Content-Length: ${body.length}`);
  if (c.path === '/v1/readings' && c.method === 'POST' && !given.has('idempotency-key'))
    lines.push(`Idempotency-Key: ${newKey()}`);
  for (const [name, value] of c.headers ?? []) {
    // An empty value for a header the harness would send means: leave it out.
    if (value === '' && DEFAULT_HEADERS.has(name.toLowerCase())) continue;
    lines.push(`${name}: ${value}`);
  }
  return { head: lines.join('\r\n'), body };
}

/** What is wrong with an answer to a hostile case, or undefined when it is a proper refusal. */
function problemWith(c: HostileCase, res: RawResponse): string | undefined {
  if (c.status !== undefined ? res.status !== c.status : res.status < 400 || res.status > 499)
    return `status ${res.status}${c.status ? `, expected ${c.status}` : ''}: ${res.body.slice(0, 300)}`;
  if (!(res.headers['content-type'] ?? '').startsWith('application/json'))
    return `content-type ${res.headers['content-type']}: ${res.body.slice(0, 300)}`;
  let body: { error?: { code?: string; message?: unknown } };
  try {
    body = JSON.parse(res.body);
  } catch {
    return `not JSON: ${res.body.slice(0, 300)}`;
  }
  const code = body.error?.code;
  if (!code || !(code in ERRORS) || typeof body.error?.message !== 'string')
    return `not the error format: ${res.body.slice(0, 300)}`;
  if (ERRORS[code as keyof typeof ERRORS].status !== res.status)
    return `code ${code} with status ${res.status}`;
  if (/\n\s+at |node_modules|\.[jt]s:\d+/.test(res.body)) return `a stack trace: ${res.body.slice(0, 300)}`;
  return undefined;
}

test('the corpus holds at least 200 cases, in every category the issue names', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(200);
  expect(new Set(HOSTILE_CASES.map((c) => c.category))).toEqual(
    new Set([
      'malformed JSON',
      'deep JSON',
      'wrong types',
      'numbers',
      'too large',
      'unicode',
      'periods',
      'unknown fields',
      'headers',
      'SQL',
      'formulas',
      'requests',
    ]),
  );
  expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
});

test("core's period keys agree that the impossible periods do not exist", () => {
  expect(IMPOSSIBLE_PERIODS.filter((p) => isPeriodKey(p))).toEqual([]);
  // 2026 has 53 ISO weeks and 2025 has 52: the corpus's 2025-W53 is impossible only for that reason.
  expect([isPeriodKey('2026-W53'), isPeriodKey('2025-W52')]).toEqual([true, true]);
});

describe.each(ENGINES)('hostile requests on %s', (engine) => {
  let server: TestServer;
  let linkId: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    // Some history, so "unchanged" is about real rows.
    const link = await server.request('POST', '/v1/links', {
      as: 'ana',
      body: {
        workbookId: 'wb',
        workbookName: 'wb.xlsx',
        sheet: 'S',
        address: 'A1',
        layout: 'cell',
        kpiIds: ['platform.uptime'],
      },
    });
    linkId = link.body.id;
    const reading = await server.request('POST', '/v1/readings', {
      as: 'ian',
      body: { readings: [{ kpiId: 'platform.uptime', period: '2026-10', value: 0.997 }] },
      headers: { 'idempotency-key': 'history-1' },
    });
    expect([link.status, reading.status]).toEqual([201, 201]);
  });
  afterAll(() => server.close());

  test('every case is refused with a 4xx in the error format, and the store is unchanged', async () => {
    const before = await dumpStore(server.db.options);
    const wrong: string[] = [];
    for (const c of HOSTILE_CASES) {
      const { head, body } = requestOf(server, c, linkId);
      const problem = await sendRaw(server.url, head, body).then(
        (res) => problemWith(c, res),
        (error: Error) => `no answer: ${error.message}`,
      );
      if (problem) wrong.push(`[${c.category}] ${c.name}: ${problem}`);
    }
    expect(wrong).toEqual([]);
    expect(await dumpStore(server.db.options)).toEqual(before);
    // The store still works after all that.
    const health = await server.request('GET', '/v1/readings?kpiId=platform.uptime', { as: 'leo' });
    expect(health.body.readings).toHaveLength(1);
  });
});
