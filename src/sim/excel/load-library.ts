/**
 * Loads Microsoft's Excel JavaScript library (`excel-web-16.00.debug.js` from
 * `@microsoft/office-js`, read from node_modules, never copied) into a Node
 * `vm` context wired to a simulator, so unchanged `Excel.run` code runs on the
 * real library: real proxies, real `PropertyNotLoaded`, one request per sync.
 *
 * The context shares this realm's `Promise`, `JSON` and `Error`, so what the
 * library returns and throws is an ordinary `Promise`/`Error` to the caller.
 */
import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';
import type { ExcelGlobal, OfficeExtensionGlobal } from '../../hosts/excel/excel-types';
import { ExcelSimulator } from './excel-simulator';

export const EXCEL_LIBRARY_FILE = '@microsoft/office-js/dist/excel-web-16.00.debug.js';

let compiled: Script | undefined;

export function excelLibraryPath(): string {
  return require.resolve(EXCEL_LIBRARY_FILE);
}

/** Compiled once per process; each load runs it in a fresh context. */
function libraryScript(): Script {
  compiled ??= new Script(readFileSync(excelLibraryPath(), 'utf8'), { filename: 'excel-web-16.00.debug.js' });
  return compiled;
}

export interface LoadedExcel {
  Excel: ExcelGlobal;
  OfficeExtension: OfficeExtensionGlobal;
  sim: ExcelSimulator;
  /** Forgets this context's event registrations, as when a pane's page goes away. */
  detach(): void;
}

/** The library's global scope: what a page gives it, and no more than it needs. */
function pageGlobals(): Record<string, unknown> {
  const quiet = {
    log: () => undefined,
    warn: () => undefined,
    info: () => undefined,
    error: () => undefined,
  };
  const globals: Record<string, unknown> = {
    console: quiet,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    Error,
    TypeError,
    RangeError,
    navigator: { userAgent: 'Node.js (Plumbline Excel simulator)' },
    // The library writes debug traces to a `#TraceConsole` element when a page has one.
    document: { getElementById: () => null },
  };
  globals.window = globals;
  globals.self = globals;
  return globals;
}

function isExcelGlobal(value: unknown): value is ExcelGlobal {
  return (
    typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function'
  );
}

function isOfficeExtensionGlobal(value: unknown): value is OfficeExtensionGlobal {
  return (
    typeof value === 'object' && value !== null && typeof (value as { Error?: unknown }).Error === 'function'
  );
}

export function loadExcelLibrary(sim: ExcelSimulator = new ExcelSimulator()): LoadedExcel {
  const globals = pageGlobals();
  const context = createContext(globals);
  libraryScript().runInContext(context);
  const detach = sim.installOn(globals);
  const { Excel, OfficeExtension } = globals;
  if (!isExcelGlobal(Excel) || !isOfficeExtensionGlobal(OfficeExtension)) {
    throw new Error(`${EXCEL_LIBRARY_FILE} did not define Excel and OfficeExtension.`);
  }
  return { Excel, OfficeExtension, sim, detach };
}
