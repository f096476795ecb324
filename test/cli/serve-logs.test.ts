/**
 * `plumbline serve` logs each request as a JSON line, and never a token or a
 * body: not the bearer token sent, not a refused one, not a token the store
 * answers with, not what a request carried.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './run-cli';

jest.setTimeout(60_000);

const ADMIN = 'pl_admin_token_that_must_not_be_logged_0001';
const WRONG = 'pl_refused_token_that_must_not_be_logged_02';
const BODY_TEXT = 'a-name-only-the-body-holds-3';

test('serve logs requests without tokens or bodies', async () => {
  const data = mkdtempSync(join(tmpdir(), 'plumbline-logs-'));
  const serve = await startCli(['serve', '--port', '0', '--data', data], { PLUMBLINE_ADMIN_TOKEN: ADMIN });
  let issued = '';
  try {
    const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
    const created = await fetch(`${serve.url}/v1/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'logged', name: BODY_TEXT, role: 'leader' }),
    });
    expect(created.status).toBe(201);
    issued = ((await created.json()) as { token: string }).token;
    const rotated = await fetch(`${serve.url}/v1/users/logged/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const rotatedToken = ((await rotated.json()) as { token: string }).token;
    expect(
      (await fetch(`${serve.url}/v1/kpis`, { headers: { authorization: `Bearer ${WRONG}` } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${serve.url}/v1/kpis`, { headers: { authorization: `Bearer ${rotatedToken}` } })).status,
    ).toBe(200);
    await serve.stop();

    const lines = serve.output.split('\n').filter((l) => l.startsWith('{'));
    const logged = lines.map((l) => JSON.parse(l) as { req?: { url?: string }; msg?: string });
    // Logging is on: each request is there...
    expect(logged.filter((l) => l.req?.url === '/v1/kpis')).toHaveLength(2);
    expect(logged.some((l) => l.req?.url === '/v1/users/logged/token')).toBe(true);
    // ...and none of the secrets or the body.
    for (const secret of [ADMIN, WRONG, issued, rotatedToken, BODY_TEXT]) {
      expect([secret, serve.output.includes(secret)]).toEqual([secret, false]);
    }
  } finally {
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
});
