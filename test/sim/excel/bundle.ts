/**
 * Builds the browser bundles with the project's own webpack config into a
 * temporary folder, for tests that load them in Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { type Configuration } from 'webpack';

// The config is plain CommonJS so that webpack-cli and this test read the same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const makeConfig = require('../../../webpack.config.js') as (
  env: { outputPath: string },
  argv: { mode: string },
) => Configuration;

/** The named bundle's source, built by webpack exactly as `npm run build` does. */
export async function buildBundle(name: string): Promise<string> {
  const outputPath = mkdtempSync(join(tmpdir(), 'plumbline-webpack-'));
  try {
    const full = makeConfig({ outputPath }, { mode: 'production' });
    // Only the bundle asked for: the pane's and the workbench's would triple the build's time.
    const entries = full.entry as Record<string, NonNullable<Configuration['entry']>>;
    const config: Configuration = { ...full, entry: { [name]: entries[name]! } as Configuration['entry'] };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    return readFileSync(join(outputPath, `${name}.js`), 'utf8');
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
}
