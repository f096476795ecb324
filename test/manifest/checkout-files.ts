/**
 * The files of this checkout behind a manifest's URLs, whatever origin it
 * names: the store serves the pages of web/ at `/` and the icons of assets/
 * under `/assets/` (webpack copies both into dist/web).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestFiles } from './manifest-checks';

const root = join(__dirname, '../..');

export function pngSize(path: string): { width: number; height: number } | null {
  if (!existsSync(path)) return null;
  const png = readFileSync(path);
  if (png.subarray(1, 4).toString('ascii') !== 'PNG') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function sourceFile(url: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  return path.startsWith('/assets/') ? join(root, path) : join(root, 'web', path);
}

export const CHECKOUT_FILES: ManifestFiles = {
  pngSize: (url) => pngSize(sourceFile(url)),
  serves: (url) => existsSync(sourceFile(url)),
};
