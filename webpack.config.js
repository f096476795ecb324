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
  },
  output: {
    path: env.outputPath ?? path.resolve(__dirname, 'dist/web'),
    filename: '[name].js',
    clean: true,
  },
  plugins: [new CopyPagesPlugin()],
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: {
          // Type checking is `npm run typecheck`'s job; the bundle only transpiles.
          transpileOnly: true,
          compilerOptions: { noEmit: false, module: 'ESNext', moduleResolution: 'bundler', sourceMap: false },
        },
      },
    ],
  },
  devtool: false,
  performance: { hints: false },
});
