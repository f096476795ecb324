/**
 * Bundles the simulator for a page (Node only): each module of
 * `browser-entry.ts` and what it imports, transpiled with the TypeScript
 * compiler to CommonJS and wrapped in one small IIFE that assigns the entry's
 * exports to `window.PlumblineExcelSim`. No bundler is needed: the simulator
 * imports nothing but its own files and `src/core`, and only relative paths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const BROWSER_GLOBAL = 'PlumblineExcelSim';

const ENTRY = join(__dirname, 'browser-entry.ts');
const REQUIRE = /\brequire\("([^"]+)"\)/g;

function resolveModule(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    throw new Error(
      `${relative(process.cwd(), from)} imports '${specifier}': the browser bundle takes relative imports only`,
    );
  }
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve '${specifier}' from ${from}`);
}

export function bundleSimulatorForBrowser(entry: string = ENTRY): string {
  const ids = new Map<string, number>();
  const modules: string[] = [];
  const visit = (file: string): number => {
    const known = ids.get(file);
    if (known !== undefined) return known;
    const id = ids.size;
    ids.set(file, id);
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        isolatedModules: true,
      },
    });
    const code = outputText.replace(
      REQUIRE,
      (_match, specifier: string) => `require(${visit(resolveModule(file, specifier))})`,
    );
    modules[id] = `/* ${relative(process.cwd(), file)} */ function (module, exports, require) {\n${code}\n}`;
    return id;
  };
  const entryId = visit(entry);
  return [
    '(function () {',
    '"use strict";',
    `var modules = [\n${modules.join(',\n')}\n];`,
    'var cache = {};',
    'function require(id) {',
    '  if (cache[id]) return cache[id].exports;',
    '  var module = (cache[id] = { exports: {} });',
    '  modules[id](module, module.exports, require);',
    '  return module.exports;',
    '}',
    `window.${BROWSER_GLOBAL} = require(${entryId});`,
    '})();',
  ].join('\n');
}
