/**
 * `--https`: the development certificate when it can be had, and otherwise an
 * explanation of why not and what to do, with the store served over http.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devHttps, httpFallbackText } from '../../src/cli/dev-https';
import { sideloadHelp } from '../../src/cli/sideload-help';
import { startCli } from './run-cli';

jest.setTimeout(60_000);

test('a certificate that can be had is used', async () => {
  const tls = { key: 'KEY', cert: 'CERT' };
  expect(await devHttps(async () => tls)).toEqual({ tls });
});

test('one that cannot says why, and what to do', async () => {
  const result = await devHttps(async () => {
    throw new Error('Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n');
  });
  expect(result).toEqual({
    tls: null,
    why: 'Unable to install the CA certificate. /bin/sh: 1: sudo: not found',
  });
  const text = httpFallbackText('Unable to install\nthe CA certificate.').join('\n');
  expect(text).toMatch(/serves http instead/);
  expect(text).toMatch(/Why: Unable to install the CA certificate\./);
  expect(text).toMatch(/npx office-addin-dev-certs install/);
  expect(text).toMatch(/README, "Use it in Excel"/);
});

test('the sideloading help fits the address the store listens on', () => {
  const https = sideloadHelp('https://127.0.0.1:3000').join('\n');
  expect(https).toMatch(/https:\/\/localhost:3000\/workbench\.html/);
  expect(https).toMatch(/Upload My Add-in, and choose manifest\.xml/);
  expect(https).toMatch(/npx office-addin-debugging start manifest\.xml desktop/);
  expect(https).not.toMatch(/plumbline manifest|only over https/);

  const http = sideloadHelp('http://127.0.0.1:8080').join('\n');
  expect(http).toMatch(/Excel loads add-ins only over https/);
  expect(http).not.toMatch(/plumbline manifest/);

  const otherPort = sideloadHelp('https://127.0.0.1:8443').join('\n');
  expect(otherPort).toMatch(/plumbline manifest --url https:\/\/localhost:8443 --out plumbline\.xml/);
});

test('plumbline demo --https where the certificate cannot be installed serves http and says why', async () => {
  // No sudo, certutil or security on an empty PATH, wherever the test runs: the install fails,
  // as it does in a container. HOME keeps the generated files out of the user's own.
  const home = mkdtempSync(join(tmpdir(), 'plumbline-home-'));
  const data = mkdtempSync(join(tmpdir(), 'plumbline-demo-https-'));
  try {
    const demo = await startCli(
      ['demo', '--https', '--port', '0', '--data', data],
      { PATH: '', HOME: home, USERPROFILE: home },
      /Upload My Add-in[^]*office-addin-debugging stop/,
    );
    try {
      expect(demo.output).toMatch(/HTTPS: the development certificate could not be set up/);
      expect(demo.output).toMatch(/npx office-addin-dev-certs install/);
      expect(demo.output).toMatch(/Plumbline demo store: http:\/\/127\.0\.0\.1:\d+/);
      expect(demo.output).toMatch(/\/workbench\.html/);
      expect((await fetch(`${demo.url}/healthz`)).status).toBe(200);
    } finally {
      await demo.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
});
