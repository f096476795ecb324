/**
 * The store serves the add-in's pages without a token, and its manifest at
 * `/manifest.xml` for its public URL, or for the origin a request came to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { buildApp } from '../../src/store/app';
import { readSourceManifest } from '../../src/store/addin-manifest';
import { openTestDb, type TestStoreDb } from './db/engines';

const source = readFileSync(join(__dirname, '../../manifest.xml'), 'utf8');
const webRoot = mkdtempSync(join(tmpdir(), 'plumbline-web-'));
writeFileSync(join(webRoot, 'taskpane.html'), '<!doctype html><title>pane</title>');

let db: TestStoreDb;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  db = await openTestDb('sqlite');
});
afterAll(async () => {
  for (const close of closers) await close();
  await db.close();
  rmSync(webRoot, { recursive: true, force: true });
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A store on a loopback port; `get` sends the Host header a browser or a proxy would. */
async function store(publicUrl?: string): Promise<{ get(path: string, host?: string): Promise<Answer> }> {
  const app = await buildApp({ db, webRoot, addinManifest: { source, publicUrl } });
  const url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  closers.push(() => app.close());
  return {
    get: (path, host = url.host) =>
      new Promise((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
          );
        });
        req.on('error', reject);
        req.end();
      }),
  };
}

test('the package ships the development manifest the store serves from', () => {
  expect(readSourceManifest()).toBe(source);
});

test('pages need no token', async () => {
  const res = await (await store()).get('/taskpane.html');
  expect(res.status).toBe(200);
  expect(res.body).toMatch(/<title>pane<\/title>/);
});

test('the manifest names PLUMBLINE_PUBLIC_URL whatever host the request came to', async () => {
  const res = await (await store('https://plumbline.example.com')).get('/manifest.xml', 'internal:8080');
  expect(res.status).toBe(200);
  expect(res.type).toMatch(/^application\/xml/);
  expect(res.body).toMatch(
    /<SourceLocation DefaultValue="https:\/\/plumbline\.example\.com\/taskpane\.html"\/>/,
  );
  expect(res.body).not.toMatch(/localhost|internal/);
});

test('without a public URL it names the origin of the request, when Office could load from it', async () => {
  const direct = await store();
  const local = await direct.get('/manifest.xml', 'localhost:3000');
  expect(local.status).toBe(200);
  // This store speaks http; `npm start` serves https, and the manifest then says https.
  expect(local.body).toMatch(/<AppDomain>http:\/\/localhost:3000<\/AppDomain>/);

  const proxied = await direct.get('/manifest.xml', 'plumbline.example.com');
  expect(proxied.status).toBe(404);
  expect(JSON.parse(proxied.body).error.message).toMatch(
    /No add-in manifest for http:\/\/plumbline\.example\.com: .* Set PLUMBLINE_PUBLIC_URL/,
  );
});
