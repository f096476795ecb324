/**
 * `plumbline token revoke|rotate --user ID`: the real binary against a real
 * store, with an admin's token; a revoked token stops working at once, a
 * rotated one is replaced by the token printed once.
 */
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../store/api/test-server';
import { runCli } from './run-cli';

// Each run starts a Node process (about a second, more on a busy machine).
jest.setTimeout(60_000);

describe('plumbline token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  const token = (args: string[], as: string = ADMIN_TOKEN) =>
    runCli(['token', ...args, '--server', server.url, '--token', as]);

  test('revoke: the user stays, the token stops working; rotate lets them in again with a new one', async () => {
    const old = server.tokens.olivia ?? '';
    expect((await server.request('GET', '/v1/me', { token: old })).status).toBe(200);

    const revoked = await token(['revoke', '--user', 'olivia']);
    expect([revoked.code, revoked.stderr]).toEqual([0, '']);
    expect(revoked.stdout).toContain('Revoked the token of olivia');
    expect(revoked.stdout).not.toMatch(/pl_/);
    expect((await server.request('GET', '/v1/me', { token: old })).status).toBe(401);
    const users = await server.request('GET', '/v1/users');
    expect(users.body.users).toContainEqual({ id: 'olivia', name: 'Olivia (COO office)', role: 'owner' });

    const rotated = await token(['rotate', '--user', 'olivia']);
    expect(rotated.code).toBe(0);
    const fresh = /^(pl_\S+)$/m.exec(rotated.stdout)?.[1] ?? '';
    expect(fresh).not.toBe('');
    const me = await server.request('GET', '/v1/me', { token: fresh });
    expect([me.status, me.body.id]).toEqual([200, 'olivia']);
    expect((await server.request('GET', '/v1/me', { token: old })).status).toBe(401);
  });

  test('rotating again retires the token printed before', async () => {
    const first = /^(pl_\S+)$/m.exec((await token(['rotate', '--user', 'ian'])).stdout)?.[1] ?? '';
    const second = /^(pl_\S+)$/m.exec((await token(['rotate', '--user', 'ian'])).stdout)?.[1] ?? '';
    expect(second).not.toBe(first);
    expect((await server.request('GET', '/v1/me', { token: first })).status).toBe(401);
    expect((await server.request('GET', '/v1/me', { token: second })).status).toBe(200);
  });

  test('refusals exit 2 with the reason: not an admin, no such user, bad usage, no store', async () => {
    const notAdmin = await token(['revoke', '--user', 'sam'], server.tokens.leo);
    expect([notAdmin.code, notAdmin.stderr]).toEqual([2, expect.stringContaining('Only an admin')]);
    expect((await server.request('GET', '/v1/me', { as: 'sam' })).status).toBe(200);

    const unknown = await token(['rotate', '--user', 'nobody']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No user "nobody"')]);

    for (const args of [['revoke'], ['expire', '--user', 'sam'], ['rotate', 'sam']]) {
      const bad = await token(args);
      expect([args, bad.code, bad.stderr]).toEqual([
        args,
        2,
        expect.stringContaining('usage: plumbline token'),
      ]);
    }
    const noStore = await runCli(['token', 'revoke', '--user', 'sam'], {
      PLUMBLINE_SERVER: '',
      PLUMBLINE_TOKEN: '',
    });
    expect([noStore.code, noStore.stderr]).toEqual([2, expect.stringContaining('needs the store')]);
  });
});
