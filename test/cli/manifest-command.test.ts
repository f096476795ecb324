/**
 * `plumbline manifest --url`: the add-in's manifest for a deployment, as an
 * admin produces it, passing the same offline checks as the development one;
 * and `plumbline serve` serving the same manifest for PLUMBLINE_PUBLIC_URL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKOUT_FILES } from '../manifest/checkout-files';
import { manifestProblems, manifestUrls } from '../manifest/manifest-checks';
import { readManifestFile } from '../manifest/read-manifest';
import { parseXml } from '../manifest/xml-tree';
import { runCli, startCli } from './run-cli';

jest.setTimeout(60_000);

const SOURCE = join(__dirname, '../../manifest.xml');
const dir = mkdtempSync(join(tmpdir(), 'plumbline-manifest-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urlsOf = (xml: string) => manifestUrls(parseXml(xml)).map((u) => u.url);

test('writes a manifest whose every URL is the public one, and which passes the offline checks', async () => {
  const source = readFileSync(SOURCE, 'utf8');
  const out = join(dir, 'plumbline.xml');
  const run = await runCli(['manifest', '--url', 'https://plumbline.example.com/', '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/for https:\/\/plumbline\.example\.com to .*plumbline\.xml/);
  expect(run.stdout).toMatch(/Microsoft 365 admin center/);

  const manifest = readFileSync(out, 'utf8');
  expect(manifest).not.toMatch(/localhost/);
  const urls = urlsOf(manifest);
  expect(urls.length).toBe(urlsOf(source).length);
  expect(urls.filter((u) => !u.startsWith('https://plumbline.example.com'))).toEqual([]);
  expect(urls).toContain('https://plumbline.example.com');
  expect(manifestProblems(manifest, CHECKOUT_FILES)).toEqual([]);
  expect(readManifestFile(out)).toMatchObject({
    appDomains: ['https://plumbline.example.com'],
    defaultSettings: { sourceLocation: 'https://plumbline.example.com/taskpane.html' },
  });
  // The development manifest stays the localhost one.
  expect(readFileSync(SOURCE, 'utf8')).toBe(source);
});

test('without --out it prints the manifest; a port and an IDN host are kept well-formed', async () => {
  const run = await runCli(['manifest', '--url', 'https://xn--bcher-kva.example:8443']);
  expect(run.code).toBe(0);
  expect(urlsOf(run.stdout).every((u) => u.startsWith('https://xn--bcher-kva.example:8443'))).toBe(true);
  // A host name may hold "--", which an XML comment may not: the manifest must still parse.
  const file = join(dir, 'idn.xml');
  writeFileSync(file, run.stdout);
  expect(readManifestFile(file).displayName).toBe('Plumbline');
});

test.each([
  ['http://plumbline.example.com', /is not https: Excel loads add-ins only over https/],
  ['https://plumbline.example.com/plumbline', /give the store's origin only/],
  ['plumbline.example.com', /is not a URL/],
])('refuses %s with a clear message and exit 2', async (url, message) => {
  const run = await runCli(['manifest', '--url', url, '--out', join(dir, 'refused.xml')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe('');
});

test('http is accepted for localhost alone, and a URL is required', async () => {
  const local = await runCli(['manifest', '--url', 'http://localhost:8080']);
  expect(local.code).toBe(0);
  expect(urlsOf(local.stdout)[0]).toMatch(/^http:\/\/localhost:8080\//);
  const none = await runCli(['manifest'], { PLUMBLINE_PUBLIC_URL: '' });
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/plumbline manifest --url https:\/\/plumbline\.example\.com/);
});

describe('plumbline serve with PLUMBLINE_PUBLIC_URL', () => {
  test('serves at /manifest.xml what plumbline manifest writes', async () => {
    const data = mkdtempSync(join(tmpdir(), 'plumbline-serve-manifest-'));
    const env = { PLUMBLINE_PUBLIC_URL: 'https://plumbline.example.com', DATABASE_URL: '' };
    try {
      const server = await startCli(
        ['serve', '--port', '0', '--data', data],
        env,
        /Excel add-in manifest: .*\n/,
      );
      try {
        expect(server.output).toMatch(
          /Excel add-in manifest: https:\/\/plumbline\.example\.com\/manifest\.xml/,
        );
        const res = await fetch(`${server.url}/manifest.xml`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
        const written = await runCli(['manifest'], env);
        expect(await res.text()).toBe(written.stdout);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  test('an address that is not https is refused at start', async () => {
    const run = await runCli(['serve', '--port', '0', '--data', dir], {
      PLUMBLINE_PUBLIC_URL: 'http://plumbline.example.com',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PLUMBLINE_PUBLIC_URL: .* is not https/);
  });
});
