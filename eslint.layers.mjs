/**
 * The layers of DESIGN §5, enforced by lint: which folder of src/ may import which,
 * and where the spreadsheet platforms' globals may appear. Imports are checked by
 * eslint-plugin-boundaries (elements are folders, every other import is refused);
 * globals by ESLint's own no-restricted-globals / no-restricted-syntax.
 * test/lint/layers.test.ts proves each fence fires.
 */
import boundaries from 'eslint-plugin-boundaries';

const SRC = 'src/**/*.{ts,tsx}';

/** One element per layer; a host implementation is its own element, so hosts cannot import each other. */
const ELEMENTS = [
  // The browser workbench: the real pane beside the simulated Excel, for demos and e2e tests.
  { type: 'workbench', pattern: 'src/workbench', partialMatch: false },
  { type: 'core', pattern: 'src/core', partialMatch: false },
  { type: 'client', pattern: 'src/client', partialMatch: false },
  { type: 'store', pattern: 'src/store', partialMatch: false },
  { type: 'cli', pattern: 'src/cli', partialMatch: false },
  { type: 'sim', pattern: 'src/sim', partialMatch: false },
  { type: 'taskpane', pattern: 'src/taskpane', partialMatch: false },
  { type: 'host', pattern: 'src/hosts/*', partialMatch: false, capture: ['host'] },
  // What every host shares: the port (host.ts) and the helpers beside it.
  { type: 'hosts', pattern: 'src/hosts', partialMatch: false },
  // The Sheets add-on's server code (Apps Script), outside src/: known so the sidebar may take its types.
  { type: 'appsscript', pattern: 'appsscript/src', partialMatch: false },
];

/** The port is one file of `hosts`: what the pane may know of a spreadsheet. */
const FILES = [
  { category: 'port', pattern: 'src/hosts/host.ts' },
  // A host's entry points (the pane's page, the commands) and the platform it hands the pane:
  // the one place in a host that wires the host, the client and the pane together (DESIGN §5).
  { category: 'entry', pattern: ['src/hosts/*/*-entry.{ts,tsx}', 'src/hosts/*/*-platform.ts'] },
];

const to = (type) => ({ to: { element: { type } } });
const PORT = { to: { element: { type: 'hosts' }, file: { categories: 'port' } } };
const PACKAGES = { to: { module: { origin: 'external' } } };
/** Node's built-in modules (`node:fs`, `path`…): never in code that runs in a pane. */
const NODE = { to: { module: { origin: 'core' } } };

const POLICIES = [
  // Pure and portable: the pane and Apps Script run it too.
  { from: { element: { type: 'core' } }, allow: [to('core'), PACKAGES] },
  // The transport is injected, so the client needs nothing but the API's types and schemas.
  { from: { element: { type: 'client' } }, allow: [to('core')] },
  { from: { element: { type: 'hosts' } }, allow: [to('core'), PACKAGES] },
  // A host knows the port and core, never the store, the client or another host.
  { from: { element: { type: 'host' } }, allow: [to('core'), to('hosts'), PACKAGES] },
  // The saved-workbook host runs in Node (CLI, tests); Excel's and Sheets' run in a pane.
  { from: { element: { type: 'host', captured: { host: 'xlsx' } } }, allow: [NODE] },
  // The Sheets sidebar's bridge takes the server functions' types from the add-on itself, never its code.
  {
    from: { element: { type: 'host', captured: { host: 'sheets' } } },
    allow: [{ ...to('appsscript'), dependency: { kind: 'type' } }],
  },
  // An entry point hands the pane its host, its store client and its platform.
  {
    from: { element: { type: 'host' }, file: { categories: 'entry' } },
    allow: [to('client'), to('taskpane')],
  },
  // The workbench is an entry point too, over the simulated Excel instead of Excel.
  {
    from: { element: { type: 'workbench' } },
    allow: [
      to('core'),
      to('client'),
      to('hosts'),
      to('host'),
      to('taskpane'),
      to('entry'),
      to('sim'),
      to('workbench'),
      PACKAGES,
    ],
  },
  // The pane gets its host from its entry point: it knows the port, never an implementation.
  { from: { element: { type: 'taskpane' } }, allow: [to('core'), to('client'), PORT, PACKAGES] },
  { from: { element: { type: 'store' } }, allow: [to('core'), PACKAGES, NODE] },
  // Existing seam, to be moved out of hosts: the summary .xlsx is drawn by the xlsx host's writer.
  {
    from: { element: { type: 'store' } },
    allow: { to: { element: { type: 'host' }, file: { path: 'src/hosts/xlsx/new-workbook.ts' } } },
  },
  // The one place that wires store, client and hosts together.
  {
    from: { element: { type: 'cli' } },
    allow: [to('core'), to('client'), to('hosts'), to('host'), to('store'), to('sim'), PACKAGES, NODE],
  },
  // The simulator stands in for Excel itself: it speaks the port's cell types, nothing more of hosts.
  {
    from: { element: { type: 'sim' } },
    allow: [to('core'), PACKAGES, NODE, { ...to('hosts'), dependency: { kind: 'type' } }],
  },
  // Existing seams: the shape of the Excel library's globals, and the xlsx reader behind loadXlsx (Node only).
  {
    from: { element: { type: 'sim' } },
    allow: [
      {
        to: { element: { type: 'host' }, file: { path: 'src/hosts/excel/excel-types.ts' } },
        dependency: { kind: 'type' },
      },
      { to: { element: { type: 'host' }, file: { path: 'src/hosts/xlsx/read-workbook.ts' } } },
    ],
  },
];

/** Options of no-restricted-globals and no-restricted-syntax: each name or selector with its reason. */
const globals = (names, message) => names.map((name) => ({ name, message: `${name} ${message}` }));
const syntax = (selectors, message) => selectors.map((selector) => ({ selector, message }));

/** Office.js's globals: the Excel host and the simulator of Excel's library only. */
const OFFICE_GLOBALS = globals(
  ['Excel', 'Office', 'OfficeExtension'],
  'belongs to src/hosts/excel (and src/sim/excel): elsewhere, take the host port.',
);

/** Apps Script's server-side services: appsscript/ only. */
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'UrlFetchApp',
  'HtmlService',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'DriveApp',
  'DocumentApp',
  'ContentService',
];
const APPS_SCRIPT_GLOBALS = globals(APPS_SCRIPT_SERVICES, "is Apps Script's: it belongs in appsscript/.");

/** Office.js in type positions (`typeof Office`, `Excel.Range`), which no-restricted-globals does not see. */
const OFFICE_NAME = '/^(Excel|Office|OfficeExtension)$/';
const OFFICE_TYPES = syntax(
  [
    `TSTypeQuery > Identifier.exprName[name=${OFFICE_NAME}]`,
    `TSQualifiedName > Identifier.left[name=${OFFICE_NAME}]`,
    `TSTypeReference > Identifier.typeName[name=${OFFICE_NAME}]`,
  ],
  'Office.js types belong to src/hosts/excel (and src/sim/excel): elsewhere, take the host port.',
);

/** The sidebar's bridge to Apps Script (`google.script.run`, also through `window.google`). */
const GOOGLE_SCRIPT = syntax(
  [
    "MemberExpression[property.name='script'][object.name='google']",
    "MemberExpression[property.name='script'][object.property.name='google']",
  ],
  'google.script.run belongs to src/hosts/sheets: elsewhere, take the host port.',
);

/** core has no clock of its own: time is an argument, so the same inputs give the same answer everywhere. */
const CLOCK = syntax(
  [
    "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    'NewExpression[callee.name="Date"][arguments.length=0]',
  ],
  'core never reads the clock: take time as an argument',
);

/**
 * The store's SQL is parametrised: values reach the database as parameters (kysely's builder,
 * kysely's sql`…${value}`, `$1`/`?` placeholders), never spliced into the statement's text.
 */
const SPLICED_SQL = syntax(
  [
    "MemberExpression[object.name='sql'][property.name=/^(raw|lit)$/]",
    'CallExpression[callee.property.name=/^(query|prepare|exec|execute)$/] > TemplateLiteral[expressions.length>0]',
    "CallExpression[callee.property.name=/^(query|prepare|exec|execute)$/] > BinaryExpression[operator='+']",
  ],
  'SQL is parametrised: pass values as parameters, never spliced into the statement text',
);

const OFFICE_FILES = ['src/hosts/excel/**', 'src/sim/excel/**', 'test/hosts/excel/**', 'test/sim/excel/**'];
const SHEETS_FILES = ['src/hosts/sheets/**', 'test/hosts/sheets/**'];

export default [
  {
    files: [SRC],
    plugins: { boundaries },
    settings: {
      // Relative imports of .ts files, resolved the way TypeScript does.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        // Every origin: a Node module or an unclassified local file is refused unless allowed.
        { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, policies: POLICIES },
      ],
      // A new folder under src/ must take its place in the layers before it can be linted.
      'boundaries/no-unknown-files': 'error',
    },
  },
  // Later blocks replace a rule's list for their files, so each block states its whole list.
  {
    rules: {
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS, ...APPS_SCRIPT_GLOBALS],
      'no-restricted-syntax': ['error', ...OFFICE_TYPES, ...GOOGLE_SCRIPT],
    },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-syntax': ['error', ...OFFICE_TYPES, ...GOOGLE_SCRIPT, ...CLOCK] },
  },
  {
    files: ['src/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...OFFICE_TYPES, ...GOOGLE_SCRIPT, ...SPLICED_SQL] },
  },
  {
    files: OFFICE_FILES,
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      'no-restricted-syntax': ['error', ...GOOGLE_SCRIPT],
    },
  },
  { files: SHEETS_FILES, rules: { 'no-restricted-syntax': ['error', ...OFFICE_TYPES] } },
  { files: ['appsscript/**'], rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS] } },
];
