/**
 * The Google Sheets add-on, built into `appsscript/dist/` (what clasp pushes):
 * - `Code.js`, the server bundle: Apps Script has no modules and calls
 *   top-level functions by name, so gas-webpack-plugin turns each
 *   `global.name = …` of the entry into a top-level `function name() {}`;
 * - `appsscript.json`, the manifest (with the store in `urlFetchWhitelist`, see `manifest()`);
 * - `Sidebar.html`, the pane: Apps Script serves no other files, so the
 *   bundle is inlined into the one page (see `InlineSidebarPlugin`).
 * ES modules out of ts-loader so webpack can tree-shake; no source maps
 * (`devtool: false`): Apps Script would only see them as text.
 */
const fs = require('node:fs');
const path = require('node:path');
const { URL } = require('node:url');
const GasPlugin = require('gas-webpack-plugin');

const OUT = path.resolve(__dirname, 'appsscript/dist');

const { TYPESCRIPT_RULE } = require('./webpack.config.js');

/**
 * Copies the manifest beside the bundle. With `PLUMBLINE_STORE_URL` set (an
 * https URL), the store's origin becomes the manifest's `urlFetchWhitelist`,
 * which a published add-on needs for every URL it fetches.
 */
function manifest() {
  const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'appsscript/appsscript.json'), 'utf8'));
  const store = process.env.PLUMBLINE_STORE_URL;
  if (store) {
    const url = new URL(store);
    if (url.protocol !== 'https:') throw new Error(`PLUMBLINE_STORE_URL must be https, not ${store}`);
    json.urlFetchWhitelist = [`${url.origin}/`];
  }
  return `${JSON.stringify(json, null, 2)}\n`;
}

class CopyManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const file = path.resolve(__dirname, 'appsscript/appsscript.json');
          compilation.fileDependencies.add(file);
          compilation.emitAsset('appsscript.json', new compiler.webpack.sources.RawSource(manifest()));
        },
      );
    });
  }
}

/** Replaces the sidebar's JS asset with one HTML page that holds it inline. */
class InlineSidebarPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlineSidebarPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const script = compilation.getAsset('sidebar.js').source.source().toString();
          // `</script` inside the bundle (a string literal) would end the element early.
          const safe = script.replace(/<\/script/gi, '<\\/script');
          const html = `<!DOCTYPE html>
<html lang="en">
<head>
<base target="_top">
<meta charset="utf-8">
<title>Plumbline</title>
<style>html,body{margin:0;height:100%}#root{height:100%}</style>
</head>
<body>
<div id="root"></div>
<script>${safe}</script>
</body>
</html>
`;
          compilation.deleteAsset('sidebar.js');
          compilation.emitAsset('Sidebar.html', new compiler.webpack.sources.RawSource(html));
        },
      );
    });
  }
}

const common = (argv) => ({
  mode: argv.mode ?? 'production',
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [TYPESCRIPT_RULE] },
  devtool: false,
  performance: { hints: false },
});

module.exports = (_env = {}, argv = {}) => {
  const configs = [
    {
      ...common(argv),
      name: 'server',
      target: ['web', 'es2019'],
      entry: { Code: './appsscript/src/main.ts' },
      output: { path: OUT, filename: '[name].js', clean: true },
      // Keep top-level function names readable in the Apps Script editor and in stack traces.
      optimization: { minimize: false },
      plugins: [new GasPlugin(), new CopyManifestPlugin()],
    },
  ];
  const sidebar = path.resolve(__dirname, 'src/hosts/sheets/sidebar-entry.tsx');
  if (fs.existsSync(sidebar)) {
    configs.push({
      ...common(argv),
      name: 'sidebar',
      dependencies: ['server'],
      target: 'web',
      entry: { sidebar },
      output: { path: OUT, filename: '[name].js', clean: false },
      plugins: [new InlineSidebarPlugin()],
    });
  }
  return configs;
};

module.exports.manifest = manifest;
