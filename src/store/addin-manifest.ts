/**
 * The Excel add-in's manifest for a deployment: manifest.xml names the store
 * that `npm start` runs on this machine (https://localhost:3000); a company's
 * copy names its store's public URL instead, because the store serves the
 * add-in's pages and icons itself (DESIGN §3). Used by `plumbline manifest` and
 * by the store's own `/manifest.xml`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The origin of every URL in the development manifest. */
export const DEV_ORIGIN = 'https://localhost:3000';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin a manifest may name, or why not. Office loads add-ins only over
 * https; plain http is let through for this machine alone (tests, a store
 * behind a local proxy), since nothing else could reach it anyway.
 */
export function checkPublicUrl(text: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      problem: `"${text}" is not a URL; give the store's public address, like https://plumbline.example.com.`,
    };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return {
      problem: `${text} is not https: Excel loads add-ins only over https (http is accepted for localhost alone).`,
    };
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return {
      problem: `give the store's origin only, like https://plumbline.example.com, not ${text}: the store serves the add-in at its root.`,
    };
  }
  return { origin: url.origin };
}

/**
 * The manifest with every development URL (and the app domain) moved to `origin`,
 * which checkPublicUrl has accepted. The development note at the top is replaced
 * by one that stays true; it names no URL, since a host name may hold `--`, which
 * an XML comment may not.
 */
export function manifestForOrigin(source: string, origin: string): string {
  return source
    .replace(
      /<!--[\s\S]*?-->/,
      '<!-- Plumbline for Excel, produced by `plumbline manifest` from the development manifest for the\n' +
        '     store that serves the add-in. Upload it in the Microsoft 365 admin center (Integrated apps),\n' +
        '     or sideload it in Excel. -->',
    )
    .split(DEV_ORIGIN)
    .join(origin);
}

/** The package's development manifest, beside `src/` and `dist/` alike; undefined if it is not shipped. */
export function readSourceManifest(): string | undefined {
  const path = join(__dirname, '..', '..', 'manifest.xml');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
