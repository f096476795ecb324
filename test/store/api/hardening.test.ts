/**
 * Failed sign-ins are rate limited per address (429 in the error format),
 * every answer carries security headers (pages may be framed by Office's hosts,
 * nothing else may be framed), and CORS answers only configured origins.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './test-server';

const ALLOWED = 'https://reports.example.com';

describe('rate limiting of failed authentication', () => {
  let server: TestServer;
  let clock = 0;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      app: { authThrottle: { maxFailures: 5, windowMs: 60_000, now: () => clock }, trustProxy: true },
    });
  });
  afterAll(() => server.close());

  const kpis = (token: string | null, from: string) =>
    server.request('GET', '/v1/kpis', { token, headers: { 'x-forwarded-for': from } });

  test('after 5 failures an address gets 429 in the error format, even with a valid token, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await kpis('pl_wrong', '203.0.113.7')).status).toBe(401);
    const limited = await kpis('pl_wrong', '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toEqual({
      code: 'too_many_requests',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    expect((await kpis(server.tokens.leo ?? '', '203.0.113.7')).status).toBe(429);
    expect((await kpis(null, '203.0.113.7')).status).toBe(429);
    // Another address is not affected, nor are public routes.
    expect((await kpis(server.tokens.leo ?? '', '198.51.100.1')).status).toBe(200);
    expect(
      (
        await server.request('GET', '/healthz', {
          token: null,
          headers: { 'x-forwarded-for': '203.0.113.7' },
        })
      ).status,
    ).toBe(200);

    clock += 60_000;
    expect((await kpis(server.tokens.leo ?? '', '203.0.113.7')).status).toBe(200);
  });

  test('successful requests do not count', async () => {
    for (let i = 0; i < 20; i++) expect((await kpis(server.tokens.ana ?? '', '192.0.2.9')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await kpis('pl_wrong', '192.0.2.9')).status).toBe(401);
    expect((await kpis('pl_wrong', '192.0.2.9')).status).toBe(429);
  });
});

describe('security headers', () => {
  let server: TestServer;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'plumbline-headers-web-'));
    writeFileSync(join(webRoot, 'taskpane.html'), '<!doctype html><title>pane</title>');
    server = await startTestServer('sqlite', { withModel: false, app: { webRoot } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  test('API answers, errors included: nosniff, no referrer, never framed', async () => {
    for (const res of [
      await server.request('GET', '/v1/kpis'),
      await server.request('GET', '/v1/kpis', { token: null }),
      await server.request('GET', '/v1/nope'),
      await server.request('GET', '/healthz'),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  test("the pane's pages may be framed by Office on the web, and only by it (no X-Frame-Options)", async () => {
    const page = await server.request('GET', '/taskpane.html', { token: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBeNull();
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^frame-ancestors /);
    for (const host of [
      "'self'",
      'https://*.officeapps.live.com',
      'https://*.office.com',
      'https://*.cloud.microsoft',
      'https://*.sharepoint.com',
    ])
      expect(csp.split(' ')).toContain(host);
    expect(csp).not.toMatch(/\*(?!\.)|'none'/);
  });
});

describe('CORS', () => {
  let open: TestServer;
  let closed: TestServer;
  beforeAll(async () => {
    open = await startTestServer('sqlite', { withModel: false, app: { corsOrigins: [ALLOWED] } });
    closed = await startTestServer('sqlite', { withModel: false });
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  const preflight = (server: TestServer, origin: string) =>
    fetch(`${server.url}/v1/readings`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });

  test('a configured origin is answered, its preflight without a token', async () => {
    const res = await preflight(open, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const get = await open.request('GET', '/v1/kpis', { headers: { origin: ALLOWED } });
    expect(get.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  test('another origin, or any origin when none is configured, gets no CORS headers', async () => {
    for (const [server, origin] of [
      [open, 'https://evil.example'],
      [open, `${ALLOWED}.evil.example`],
      [closed, ALLOWED],
      [closed, 'https://evil.example'],
    ] as const) {
      const res = await preflight(server, origin);
      expect([origin, res.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
      const get = await server.request('GET', '/v1/kpis', { headers: { origin } });
      expect(get.status).toBe(200);
      expect([origin, get.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
    }
  });
});
