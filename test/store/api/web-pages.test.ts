/**
 * The store serves the add-in's own pages and assets, so the pane talks to
 * its own origin: pages need no token, the API still does.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/store/app';
import { openTestDb, type TestStoreDb } from '../db/engines';

describe('the add-in pages', () => {
  let root: string;
  let db: TestStoreDb;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'plumbline-web-'));
    writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>Plumbline</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    db = await openTestDb('sqlite');
    app = await buildApp({ db, webRoot: root });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('pages and assets are served without a token', async () => {
    const page = await fetch(`${url}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>Plumbline</title>');
    expect((await fetch(`${url}/`)).status).toBe(200);
    const icon = await fetch(`${url}/assets/icon-16.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });

  test('a missing page is a 404 in the error format, and the API still needs a token', async () => {
    const missing = await fetch(`${url}/nope.html`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    expect((await fetch(`${url}/v1/kpis`)).status).toBe(401);
    expect((await fetch(`${url}/openapi.json`)).status).toBe(401);
  });

  test('nothing outside the folder is served', async () => {
    const escape = await fetch(`${url}/..%2f..%2fetc%2fpasswd`);
    expect([400, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('root:');
  });
});
