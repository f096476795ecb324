/**
 * The add-on's manifest as the build writes it (`webpack.sheets.config.js`):
 * V8, the three narrowest scopes that work, no `addOns` block (an Editor
 * add-on has none), and the store's origin as the `urlFetchWhitelist` a
 * published add-on needs — https only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './load-addon';

// The build's own function, so the test checks what is built, not a copy of it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack configs are CommonJS
const { manifest } = require('../../../webpack.sheets.config.js') as { manifest(): string };

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.external_request',
];

function built(env: string | undefined): Record<string, unknown> {
  const saved = process.env.PLUMBLINE_STORE_URL;
  if (env === undefined) delete process.env.PLUMBLINE_STORE_URL;
  else process.env.PLUMBLINE_STORE_URL = env;
  try {
    return JSON.parse(manifest()) as Record<string, unknown>;
  } finally {
    if (saved === undefined) delete process.env.PLUMBLINE_STORE_URL;
    else process.env.PLUMBLINE_STORE_URL = saved;
  }
}

test('V8, exactly the three narrow scopes, no addOns block', () => {
  const json = built(undefined);
  expect(json.runtimeVersion).toBe('V8');
  expect(json.oauthScopes).toEqual(SCOPES);
  expect(json).not.toHaveProperty('addOns');
  expect(json).not.toHaveProperty('urlFetchWhitelist');
});

test("with PLUMBLINE_STORE_URL, the store's origin is the only URL the add-on may fetch", () => {
  expect(built('https://kpi.example.com/some/path').urlFetchWhitelist).toEqual(['https://kpi.example.com/']);
  expect(() => built('http://kpi.example.com')).toThrow('PLUMBLINE_STORE_URL must be https');
});

test('the built manifest is the one in appsscript/dist', () => {
  const inDist = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
  expect(inDist.oauthScopes).toEqual(SCOPES);
});
