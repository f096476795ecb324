import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPublicUrl, manifestForOrigin, readSourceManifest } from '../store/addin-manifest';
import { CliError } from './cli-error';
import { parseOptions } from './options';

export const MANIFEST_USAGE = 'plumbline manifest --url https://plumbline.example.com [--out FILE]';

/**
 * Writes the Excel add-in's manifest for a deployment: every URL of the
 * development manifest moved to the store's public URL, which serves the
 * add-in's pages itself. To stdout, or to `--out`. The source stays as it is.
 */
export async function runManifest(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { url: { type: 'string' }, out: { type: 'string' } });
  const url = values.url ?? (process.env.PLUMBLINE_PUBLIC_URL || undefined);
  if (!url) throw new CliError(`give the store's public URL: ${MANIFEST_USAGE}`);
  const checked = checkPublicUrl(url);
  if ('problem' in checked) throw new CliError(checked.problem);
  const source = readSourceManifest();
  if (source === undefined) throw new CliError('this installation has no manifest.xml to start from.');
  const manifest = manifestForOrigin(source, checked.origin);
  if (!values.out) {
    process.stdout.write(manifest);
    return 0;
  }
  const out = resolve(values.out);
  writeFileSync(out, manifest);
  console.log(`Wrote the Excel add-in manifest for ${checked.origin} to ${out}.`);
  console.log(
    `Upload it in the Microsoft 365 admin center (Settings > Integrated apps > Upload custom apps),`,
  );
  console.log(`or sideload it in Excel; the store must serve the add-in at ${checked.origin}.`);
  return 0;
}
