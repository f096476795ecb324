/**
 * The store speaks https when given a key and certificate (`npm start`), here
 * one signed by a certificate authority made for the test with Microsoft's
 * office-addin-dev-certs, without installing it anywhere: the client trusts it by hand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { startServer, type RunningServer } from '../../src/store/server';
import { openTestDb } from './db/engines';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'plumbline-https-'));
const files = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
let server: RunningServer;

beforeAll(async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await generateCertificates(files.ca, files.cert, files.key, 1, ['127.0.0.1', 'localhost']);
  log.mockRestore();
  const https = { key: readFileSync(files.key), cert: readFileSync(files.cert) };
  // Any folder of pages: the manifest is served beside them.
  server = await startServer({ port: 0, https, webRoot: dir }, await openTestDb('sqlite'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca: readFileSync(files.ca) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

test('answers over https, and its manifest names its own https origin', async () => {
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(await fetchText(`${server.url}/healthz`)).toEqual({ status: 200, body: '{"ok":true}' });
  const url = server.url.replace('127.0.0.1', 'localhost');
  const manifest = await fetchText(`${url}/manifest.xml`);
  expect(manifest.status).toBe(200);
  expect(manifest.body).toContain(`<SourceLocation DefaultValue="${url}/taskpane.html"/>`);
});

test('refuses a client that does not trust its certificate', async () => {
  await expect(
    new Promise((resolve, reject) => get(`${server.url}/healthz`, resolve).on('error', reject)),
  ).rejects.toThrow(/self.signed|unable to verify|certificate/i);
});
