/**
 * Offline checks of manifest.xml: what Microsoft's validation service would
 * reject (it cannot be reached from here; `office-addin-manifest validate` needs it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

/** The top-level elements of a TaskPaneApp in the order the schema requires. */
const ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('a task pane app for Excel workbooks, with its elements in schema order', () => {
  expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
  expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
  const positions = ORDER.map((tag) => manifest.indexOf(`<${tag}`));
  expect(positions.every((p) => p > 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(/<Id>([0-9a-f-]{36})<\/Id>/.exec(manifest)?.[1]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  expect(/<Version>(\d+\.\d+\.\d+\.\d+)<\/Version>/.test(manifest)).toBe(true);
});

test('every URL is https', () => {
  const urls = [...manifest.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
});

test('every icon it names exists in assets/ at the size it claims', () => {
  const images = [
    ...manifest.matchAll(/<bt:Image id="[^"]+" DefaultValue="https:\/\/[^/]+\/assets\/icon-(\d+)\.png"\/>/g),
  ];
  expect(images.map((m) => m[1])).toEqual(['16', '32', '80']);
  for (const size of [16, 32, 64, 80, 128]) {
    expect(pngSize(join(root, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  }
  expect(manifest).toMatch(/<IconUrl DefaultValue="[^"]+icon-32\.png"\/>/);
  expect(manifest).toMatch(/<HighResolutionIconUrl DefaultValue="[^"]+icon-64\.png"\/>/);
});

test('the ribbon button opens the task pane and every resid is defined', () => {
  expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
  const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!));
  expect([...used].filter((id) => !defined.has(id))).toEqual([]);
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
});
