/**
 * The layer fences of DESIGN §5 (eslint.layers.mjs) hold: each deliberate violation below,
 * linted with the project's own config as if it were a file of its layer, is refused by the
 * rule that guards it, and what each layer may use passes. The sources are linted in memory
 * under paths like src/core/__scratch__.ts; nothing is written into the tree.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(120_000);

interface Source {
  filePath: string;
  code: string;
}

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

const IMPORTS = 'boundaries/dependencies';
const GLOBALS = 'no-restricted-globals';
const SYNTAX = 'no-restricted-syntax';
const UNKNOWN = 'boundaries/no-unknown-files';

/** Where each scratch source pretends to live, one per layer. */
const CORE = 'src/core/__scratch__.ts';
const CLIENT = 'src/client/__scratch__.ts';
const HOSTS = 'src/hosts/__scratch__.ts';
const EXCEL_HOST = 'src/hosts/excel/__scratch__.ts';
const SHEETS_HOST = 'src/hosts/sheets/__scratch__.ts';
const XLSX_HOST = 'src/hosts/xlsx/__scratch__.ts';
const PANE = 'src/taskpane/__scratch__.tsx';
const STORE = 'src/store/__scratch__.ts';
const CLI = 'src/cli/__scratch__.ts';
const SIM = 'src/sim/excel/__scratch__.ts';
const APPS_SCRIPT = 'appsscript/__scratch__.ts';
const EXCEL_ENTRY = 'src/hosts/excel/scratch-entry.tsx';
const WORKBENCH = 'src/workbench/__scratch__.tsx';

/** `import * as x from 'source'`, exported so that nothing else in the file is a lint problem. */
const use = (source: string, name = 'x'): string =>
  `import * as ${name} from '${source}';\nexport { ${name} };\n`;
const useType = (source: string, name: string): string =>
  `import type { ${name} } from '${source}';\nexport type { ${name} };\n`;

/** [what, file, source, the rule that must refuse it] */
const VIOLATIONS: [string, string, string, string][] = [
  ['core imports a Node module', CORE, use('node:fs'), IMPORTS],
  ['core imports a Node module by its bare name', CORE, use('path'), IMPORTS],
  ['core loads a Node module lazily', CORE, "export const load = () => import('node:fs');\n", IMPORTS],
  ['core imports the store', CORE, use('../store/app'), IMPORTS],
  ['core imports the client', CORE, use('../client/store-client'), IMPORTS],
  ['core imports the host port', CORE, useType('../hosts/host', 'CellValue'), IMPORTS],
  ['core imports the simulator', CORE, use('../sim/excel/excel-simulator'), IMPORTS],
  ['core imports the CLI', CORE, use('../cli/main'), IMPORTS],
  ['core reads the clock', CORE, 'export const now = Date.now();\n', SYNTAX],
  ['core makes a date of now', CORE, 'export const now = new Date();\n', SYNTAX],
  ['the client imports the store', CLIENT, use('../store/app'), IMPORTS],
  ['the client imports a host', CLIENT, useType('../hosts/host', 'CellValue'), IMPORTS],
  ['the client imports a package', CLIENT, use('zod'), IMPORTS],
  ['the client imports a Node module', CLIENT, use('node:http'), IMPORTS],
  ['the port imports the store', HOSTS, use('../store/app'), IMPORTS],
  ['the Excel host imports the store', EXCEL_HOST, use('../../store/app'), IMPORTS],
  ['the Excel host imports the client', EXCEL_HOST, use('../../client/store-client'), IMPORTS],
  ['the Excel host imports another host', EXCEL_HOST, use('../xlsx/xlsx-host'), IMPORTS],
  ['the Excel host imports a Node module', EXCEL_HOST, use('node:fs'), IMPORTS],
  ['the Excel host (not an entry point) imports the pane', EXCEL_HOST, use('../../taskpane/Pane'), IMPORTS],
  ['an entry point imports the store', EXCEL_ENTRY, use('../../store/app'), IMPORTS],
  ['an entry point imports another host', EXCEL_ENTRY, use('../xlsx/xlsx-host'), IMPORTS],
  ['the workbench imports the store', WORKBENCH, use('../store/app'), IMPORTS],
  ['the Sheets host imports the client', SHEETS_HOST, use('../../client/store-client'), IMPORTS],
  ['the xlsx host imports the store', XLSX_HOST, use('../../store/db/open'), IMPORTS],
  ['the pane imports the Excel host', PANE, use('../hosts/excel/excel-host'), IMPORTS],
  ['the pane imports the xlsx host', PANE, useType('../hosts/xlsx/xlsx-host', 'XlsxHost'), IMPORTS],
  ['the pane imports a host helper beside the port', PANE, use('../hosts/workbook-id'), IMPORTS],
  ['the pane imports the store', PANE, use('../store/app'), IMPORTS],
  ['the pane imports the simulator', PANE, use('../sim/excel/excel-simulator'), IMPORTS],
  ['the pane imports a Node module', PANE, use('node:fs'), IMPORTS],
  ['the store imports the CLI', STORE, use('../cli/main'), IMPORTS],
  ['the store imports the client', STORE, use('../client/store-client'), IMPORTS],
  ['the store imports the Excel host', STORE, use('../hosts/excel/excel-host'), IMPORTS],
  ['the store imports the xlsx host', STORE, use('../hosts/xlsx/xlsx-host'), IMPORTS],
  ['the store imports the port', STORE, useType('../hosts/host', 'CellValue'), IMPORTS],
  ['the simulator imports the store', SIM, use('../../store/app'), IMPORTS],
  ['the simulator imports the client', SIM, use('../../client/store-client'), IMPORTS],
  ['the simulator imports the CLI', SIM, use('../../cli/main'), IMPORTS],
  ['the simulator imports code of the port', SIM, use('../../hosts/host'), IMPORTS],
  ['the simulator imports the xlsx host', SIM, use('../../hosts/xlsx/xlsx-host'), IMPORTS],
  ['a folder of src/ outside the layers', 'src/elsewhere/__scratch__.ts', 'export const x = 1;\n', UNKNOWN],
  ['a file at the top of src/', 'src/__scratch__.ts', 'export const x = 1;\n', UNKNOWN],
  ['Excel in core', CORE, 'export const excel = typeof Excel;\n', GLOBALS],
  ['Office in the store', STORE, 'export const ready = Office.onReady;\n', GLOBALS],
  ['OfficeExtension in the client', CLIENT, 'export const E = OfficeExtension.Error;\n', GLOBALS],
  ['Excel in the xlsx host', XLSX_HOST, 'export const run = Excel.run;\n', GLOBALS],
  ['Excel in the pane', PANE, 'export const run = Excel.run;\n', GLOBALS],
  ['Excel in a test of the store', 'test/store/__scratch__.ts', 'export const run = Excel.run;\n', GLOBALS],
  ["Excel's types in the pane", PANE, 'export type R = Excel.Range;\n', SYNTAX],
  ["Office's type in the Sheets host", SHEETS_HOST, 'export type O = typeof Office;\n', SYNTAX],
  ['google.script.run in the pane', PANE, 'export const run = google.script.run;\n', SYNTAX],
  ['google.script.run through window', PANE, 'export const run = window.google.script.run;\n', SYNTAX],
  ['google.script.run in the Excel host', EXCEL_HOST, 'export const run = google.script.run;\n', SYNTAX],
  ['google.script.run in core', CORE, 'export const run = google.script.run;\n', SYNTAX],
  ['google.script.run in Apps Script', APPS_SCRIPT, 'export const run = google.script.run;\n', SYNTAX],
  ['SpreadsheetApp in the Sheets host', SHEETS_HOST, 'export const app = SpreadsheetApp;\n', GLOBALS],
  ['SpreadsheetApp in core', CORE, 'export const app = SpreadsheetApp;\n', GLOBALS],
  ['UrlFetchApp in the client', CLIENT, 'export const fetchApp = UrlFetchApp;\n', GLOBALS],
  // Not a layer but the same kind of fence: the store's SQL takes values as parameters only.
  [
    'the store splices a value into SQL text',
    STORE,
    "export const q = (db: { query(s: string): void }, id: string) => db.query(`select * from t where id = '${id}'`);\n",
    SYNTAX,
  ],
  [
    'the store concatenates SQL',
    STORE,
    "export const q = (db: { prepare(s: string): void }, id: string) => db.prepare('select * from t where id = ' + id);\n",
    SYNTAX,
  ],
  [
    "the store uses kysely's sql.raw",
    STORE,
    "import { sql } from 'kysely';\nexport const q = (text: string) => sql.raw(text);\n",
    SYNTAX,
  ],
];

/** [layer, file, source]: what each layer may use, which must lint clean. */
const ALLOWED: [string, string, string][] = [
  ['core: core and packages', CORE, use('./a1') + use('zod', 'z')],
  ['the client: core', CLIENT, use('../core/api')],
  ['the port: core', HOSTS, use('../core/a1') + use('./host', 'h')],
  [
    'the Excel host: core, the port, its helpers, Office.js',
    EXCEL_HOST,
    use('../host') + use('../workbook-id', 'w') + 'export const run = Excel.run;\n',
  ],
  [
    'the Sheets host: the port and google.script.run',
    SHEETS_HOST,
    use('../host') + 'export const run = google.script.run;\n',
  ],
  [
    'an Excel entry point: the pane, the client, its host',
    EXCEL_ENTRY,
    use('../../taskpane/Pane') + use('../../client/store-client', 'c') + use('./excel-host', 'h'),
  ],
  [
    'the workbench: the pane, the client, the Excel host, the simulator',
    WORKBENCH,
    use('../taskpane/Pane') +
      use('../client/store-client', 'c') +
      use('../hosts/excel/excel-host', 'h') +
      use('../sim/excel/excel-simulator', 's'),
  ],
  ['the xlsx host: packages and Node', XLSX_HOST, use('jszip') + use('node:path', 'p')],
  [
    'the pane: core, the client, the port, packages',
    PANE,
    use('../core/api') +
      use('../client/store-client', 'c') +
      useType('../hosts/host', 'SpreadsheetHost') +
      use('react', 'r'),
  ],
  [
    'the store: core, packages, Node',
    STORE,
    use('../core/api') + use('fastify', 'f') + use('node:crypto', 'n'),
  ],
  [
    'the store: SQL with parameters',
    STORE,
    "import { sql } from 'kysely';\nexport const q = (id: string) => sql`select * from t where id = ${id}`;\n" +
      "export const p = (db: { prepare(s: string): unknown }) => db.prepare('select * from t where id = ?');\n",
  ],
  [
    'the CLI: everything',
    CLI,
    use('../store/server') +
      use('../client/store-client', 'c') +
      use('../hosts/xlsx/xlsx-host', 'h') +
      use('../sim/excel/excel-simulator', 's') +
      use('node:fs', 'n'),
  ],
  [
    "the simulator: core, the port's types, Node, Office.js",
    SIM,
    use('../../core/a1') + useType('../../hosts/host', 'CellValue') + 'export const run = Excel.run;\n',
  ],
  ['Apps Script: its services', APPS_SCRIPT, 'export const app = SpreadsheetApp;\n'],
];

/** Lints every source in one ESLint process (see lint-texts.mjs). */
function lint(sources: Source[]): LintMessage[][] {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-texts.mjs')], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lint-texts.mjs failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as LintMessage[][];
}

const sources: Source[] = [
  ...VIOLATIONS.map(([, filePath, code]) => ({ filePath, code })),
  ...ALLOWED.map(([, filePath, code]) => ({ filePath, code })),
];
let results: LintMessage[][] = [];

beforeAll(() => {
  results = lint(sources);
});

describe('a violation fails lint', () => {
  test.each(VIOLATIONS.map((violation, index) => [...violation, index] as const))(
    '%s (%s)',
    (_what, _file, _code, rule, index) => {
      // Exactly one problem, from the fence; a failure prints every message the source drew.
      expect(results[index]).toEqual([expect.objectContaining({ ruleId: rule })]);
    },
  );
});

describe('what a layer may use passes', () => {
  test.each(ALLOWED.map((allowed, index) => [...allowed, VIOLATIONS.length + index] as const))(
    '%s (%s)',
    (_what, _file, _code, index) => {
      expect(results[index]).toEqual([]);
    },
  );
});
