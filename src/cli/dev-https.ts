/**
 * HTTPS on localhost for development: Excel (web and desktop) loads an add-in
 * only over https from a certificate it trusts. Microsoft's
 * `office-addin-dev-certs` makes a local certificate authority, installs it
 * among the machine's trusted roots (sudo on Linux, the keychain on macOS, the
 * certificate store on Windows) and signs a certificate for localhost with it.
 * Where that cannot be done (no sudo, a container, CI), the caller serves http
 * and prints why: the workbench and the API work the same over http.
 */

export interface Tls {
  key: Buffer | string;
  cert: Buffer | string;
}

export type DevHttps = { tls: Tls } | { tls: null; why: string };

/** Microsoft's dev certificates, a development dependency, so loaded only when https is asked for. */
async function officeDevCertificates(): Promise<Tls> {
  let certs: typeof import('office-addin-dev-certs');
  try {
    certs = await import('office-addin-dev-certs');
  } catch {
    throw new Error(
      'office-addin-dev-certs is not installed (it is a development dependency: run npm install)',
    );
  }
  const { key, cert } = await certs.getHttpsServerOptions();
  return { key, cert };
}

export async function devHttps(certificates: () => Promise<Tls> = officeDevCertificates): Promise<DevHttps> {
  try {
    return { tls: await certificates() };
  } catch (error) {
    return { tls: null, why: error instanceof Error ? error.message.trim() : String(error) };
  }
}

/** What to print when the store falls back to http. */
export function httpFallbackText(why: string): string[] {
  return [
    'HTTPS: the development certificate could not be set up, so the store serves http instead.',
    `  Why: ${why.replace(/\s*\n\s*/g, ' ')}`,
    '  The workbench and the API work over http; Excel loads add-ins only over https from a trusted',
    '  certificate. Install it once where you may (it asks for sudo on Linux, the keychain on macOS):',
    '    npx office-addin-dev-certs install',
    '  then run npm start again. README, "Use it in Excel", says what to do without sudo.',
  ];
}

/** The certificate to serve with when `--https` was given; undefined (after saying why) when it cannot be had. */
export async function httpsIfAsked(asked: boolean): Promise<Tls | undefined> {
  if (!asked) return undefined;
  const result = await devHttps();
  if (result.tls) return result.tls;
  for (const line of httpFallbackText(result.why)) console.log(line);
  return undefined;
}
