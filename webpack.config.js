/**
 * Browser bundles: the task pane for Excel, and the simulated Excel
 * (`window.PlumblineExcelSim`) the workbench and the browser tests stand on.
 * The pages in `web/` and the icons in `assets/` are copied beside them, so
 * `dist/web` is everything the store serves at `/`.
 *
 * ES modules out of ts-loader so webpack can tree-shake (with CommonJS a small
 * Fluent pane weighs 3.5 MB gzipped instead of 133 KB).
 */
const fs = require('node:fs');
const path = require('node:path');

/** Copies `web/*.html` and `assets/*` into the output unchanged. */
class CopyPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyPagesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [dir, prefix] of [
            ['web', ''],
            ['assets', 'assets/'],
          ]) {
            const from = path.resolve(__dirname, dir);
            for (const file of fs.readdirSync(from)) {
              compilation.fileDependencies.add(path.join(from, file));
              compilation.emitAsset(
                prefix + file,
                new compiler.webpack.sources.RawSource(fs.readFileSync(path.join(from, file))),
              );
            }
          }
        },
      );
    });
  }
}

/**
 * What the workbench page needs beside its bundles: Microsoft's Excel library (the
 * workbench runs it against the simulator; in Excel, Office loads it) and the sample
 * workbooks it offers, with their index. The samples come from `PLUMBLINE_SAMPLES`
 * (a folder of .xlsx files), by default the repository's test fixtures.
 */
class CopyWorkbenchFilesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyWorkbenchFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'CopyWorkbenchFilesPlugin',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const { RawSource } = compiler.webpack.sources;
          const library = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
          compilation.fileDependencies.add(library);
          // Unchanged, as Microsoft ships it: not minified again, its licence comment kept.
          compilation.emitAsset('excel-web-16.00.debug.js', new RawSource(fs.readFileSync(library)), {
            minimized: true,
          });
          const from = path.resolve(
            process.env.PLUMBLINE_SAMPLES || path.join(__dirname, 'test/fixtures/workbooks'),
          );
          const samples = fs
            .readdirSync(from)
            .filter((f) => f.endsWith('.xlsx'))
            .sort();
          for (const file of samples) {
            compilation.fileDependencies.add(path.join(from, file));
            compilation.emitAsset(`samples/${file}`, new RawSource(fs.readFileSync(path.join(from, file))));
          }
          compilation.emitAsset('samples/index.json', new RawSource(JSON.stringify({ samples })));
        },
      );
    });
  }
}

/** TypeScript through ts-loader, transpiled only, to ES modules (see above). */
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: {
    // Type checking is `npm run typecheck`'s job; the bundle only transpiles.
    transpileOnly: true,
    compilerOptions: { noEmit: false, module: 'ESNext', moduleResolution: 'bundler', sourceMap: false },
  },
};

/** @param {{ outputPath?: string }} env */
module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: {
    taskpane: './src/hosts/excel/taskpane-entry.tsx',
    commands: './src/hosts/excel/commands-entry.ts',
    'sim-excel': {
      import: './src/sim/excel/browser-entry.ts',
      library: { name: 'PlumblineExcelSim', type: 'window' },
    },
    // The workbench (web/workbench.html) and the pane in its frame (web/workbench-pane.html).
    workbench: './src/workbench/workbench-entry.tsx',
    'workbench-pane': './src/workbench/pane-entry.tsx',
  },
  output: {
    path: env.outputPath ?? path.resolve(__dirname, 'dist/web'),
    filename: '[name].js',
    clean: true,
  },
  plugins: [new CopyPagesPlugin(), new CopyWorkbenchFilesPlugin()],
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [TYPESCRIPT_RULE] },
  devtool: false,
  performance: { hints: false },
});

/** The TypeScript rule, shared with the Sheets add-on's build (webpack.sheets.config.js). */
module.exports.TYPESCRIPT_RULE = TYPESCRIPT_RULE;
