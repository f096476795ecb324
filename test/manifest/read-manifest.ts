/**
 * `office-addin-manifest`'s own parse of a manifest (`readManifestFile`), run in a
 * child Node process: the package loads ES modules that jest's CommonJS runtime
 * cannot require. It only parses; `office-addin-manifest validate` needs Microsoft's service.
 */
import { execFileSync } from 'node:child_process';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo';

const SCRIPT = `
const { OfficeAddinManifest } = require('office-addin-manifest');
OfficeAddinManifest.readManifestFile(process.argv[1]).then(
  (info) => process.stdout.write(JSON.stringify(info)),
  (error) => { process.stderr.write(error.message); process.exit(1); },
);`;

export function readManifestFile(path: string): ManifestInfo {
  return JSON.parse(
    execFileSync(process.execPath, ['-e', SCRIPT, path], { encoding: 'utf8' }),
  ) as ManifestInfo;
}
