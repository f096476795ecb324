/**
 * Browser bundles. Today: the simulated Excel (`window.PlumblineExcelSim`), the
 * workbench the task pane's tests and demos stand on. The pane's own entries
 * (taskpane, commands) join here with the pane.
 *
 * ES modules out of ts-loader so webpack can tree-shake (with CommonJS a small
 * Fluent pane weighs 3.5 MB gzipped instead of 133 KB).
 */
const path = require('node:path');

/** @param {{ outputPath?: string }} env */
module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: {
    'sim-excel': './src/sim/excel/browser-entry.ts',
  },
  output: {
    path: env.outputPath ?? path.resolve(__dirname, 'dist/web'),
    filename: '[name].js',
    library: { name: 'PlumblineExcelSim', type: 'window' },
    clean: true,
  },
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
