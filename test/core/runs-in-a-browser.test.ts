/**
 * The pane and the Sheets sidebar run core in a browser: every module of src/core must
 * bundle for the web with Node's built-in modules unavailable (directly or through a
 * package), and run where there is no `require`, `process` or `Buffer`. Lint fences core's
 * own imports (test/lint); this proves the whole graph, packages included, by building it
 * with webpack for `target: 'web'` and evaluating the bundle in a bare vm context.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import webpack, { type Configuration } from 'webpack';

jest.setTimeout(120_000);

const CORE = join(__dirname, '../../src/core');

/** One entry per module of core, each assigned to `self.core[<module>]`. */
function coreEntries(): Record<string, string> {
  const modules = readdirSync(CORE).filter((file) => file.endsWith('.ts'));
  return Object.fromEntries(modules.map((file) => [file.replace(/\.ts$/, ''), join(CORE, file)]));
}

function webConfig(entry: Record<string, string>, outputPath: string): Configuration {
  return {
    mode: 'none',
    target: 'web',
    entry,
    output: { path: outputPath, filename: '[name].js', library: { name: ['core', '[name]'], type: 'self' } },
    // webpack 5 polyfills no Node built-in for the web: an import of one is a build error.
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: {
            transpileOnly: true,
            compilerOptions: {
              noEmit: false,
              module: 'ESNext',
              moduleResolution: 'bundler',
              sourceMap: false,
            },
          },
        },
      ],
    },
    devtool: false,
    performance: { hints: false },
  };
}

interface Build {
  errors: string;
  /** Each entry's bundle, by entry name. */
  files: Record<string, string>;
}

async function build(entry: Record<string, string>): Promise<Build> {
  const outputPath = mkdtempSync(join(tmpdir(), 'plumbline-core-web-'));
  try {
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(webConfig(entry, outputPath), (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      ),
    );
    const errors = stats.hasErrors() ? stats.toString({ all: false, errors: true }) : '';
    const files = Object.fromEntries(
      Object.keys(entry).map((name) => [
        name,
        errors ? '' : readFileSync(join(outputPath, `${name}.js`), 'utf8'),
      ]),
    );
    return { errors, files };
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
}

/** What a page offers a script, and nothing of Node's. */
function browserContext(): Context {
  const context = createContext({
    console,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    structuredClone,
    queueMicrotask,
    setTimeout,
    clearTimeout,
  });
  runInContext('var self = globalThis; var window = globalThis;', context);
  return context;
}

describe('core in a browser', () => {
  let context: Context;

  beforeAll(async () => {
    const { errors, files } = await build(coreEntries());
    expect(errors).toBe('');
    context = browserContext();
    for (const [name, source] of Object.entries(files))
      runInContext(source, context, { filename: `${name}.js` });
  });

  test('the context has none of Node’s globals', () => {
    expect(runInContext('[typeof require, typeof process, typeof Buffer, typeof module]', context)).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  test('every module of core is in the bundle', () => {
    expect(runInContext('Object.keys(self.core).sort()', context)).toEqual(Object.keys(coreEntries()).sort());
  });

  test('a reading the pane would send is checked before sending', () => {
    const check = (period: string): unknown =>
      runInContext(
        `self.core.api.readingsRequestSchema.safeParse({ readings: [{ kpiId: 'ops.fte', period: ${JSON.stringify(period)}, value: 419 }] }).success`,
        context,
      );
    expect(check('2026-10')).toBe(true);
    expect(check('Oct-26')).toBe(false);
  });

  test('sheet text is read the same way as on the server', () => {
    expect(runInContext(`self.core['cell-value'].readCellValue('(1,250)')`, context)).toEqual({
      kind: 'value',
      value: -1250,
    });
    expect(
      runInContext(
        `self.core['period-labels'].parsePeriodLabel('Q1 FY26', 'quarter', { fiscalYearStartMonth: 4 })`,
        context,
      ),
    ).toEqual({ ok: true, period: '2025-Q2' });
  });
});

describe('the proof can fail', () => {
  test('a module that needs a Node built-in does not bundle for the web', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-node-only-'));
    try {
      // Plain JavaScript, as a package would ship it (and out of reach of a stray tsconfig.json).
      const entry = join(dir, 'node-only.js');
      writeFileSync(
        entry,
        "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const read = [readFileSync, join];\n",
      );
      const { errors } = await build({ 'node-only': entry });
      expect(errors).toMatch(/node:fs/);
      expect(errors).toMatch(/Can't resolve 'path'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('code that reaches for a Node global fails in the context', () => {
    expect(() => runInContext("Buffer.from('x')", browserContext())).toThrow(/Buffer is not defined/);
  });
});
