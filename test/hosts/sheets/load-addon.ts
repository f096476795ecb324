/**
 * The built add-on (`appsscript/dist`, from `npm run build:sheets`, which
 * `npm test` runs first) loaded into the Apps Script fake over a spreadsheet,
 * and the sidebar's port over `google.script.run`, as in Sheets.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { readWorkbook } from '../../../src/hosts/xlsx/read-workbook';
import { createBridge, type ScriptRun } from '../../../src/hosts/sheets/bridge';
import { createSheetsHost } from '../../../src/hosts/sheets/sheets-host';
import { AppsScriptProject } from '../../../src/sim/apps-script/apps-script';
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { spreadsheetFromSnapshot } from '../../../src/sim/apps-script/load-workbook';
import type { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';

export const DIST = join(__dirname, '../../../appsscript/dist');

export function projectFiles(): Map<string, string> {
  if (!existsSync(join(DIST, 'Code.js')))
    throw new Error(`${DIST}/Code.js is missing: run npm run build:sheets (npm test does) first.`);
  return new Map(readdirSync(DIST).map((f) => [f, readFileSync(join(DIST, f), 'utf8')]));
}

export interface LoadedAddOn {
  project: AppsScriptProject;
  host: SpreadsheetHost;
}

let files: Map<string, string> | undefined;

/** A new execution environment (the add-on loaded afresh) over `spreadsheet`. */
export function addOnOn(spreadsheet: FakeSpreadsheet): LoadedAddOn {
  files ??= projectFiles();
  const project = new AppsScriptProject(spreadsheet, { files });
  const host = createSheetsHost(createBridge(project.scriptRun() as unknown as ScriptRun));
  return { project, host };
}

let count = 0;

export async function openXlsxInSheets(
  bytes: Uint8Array,
  clock = new ExecutionClock(),
): Promise<LoadedAddOn> {
  count += 1;
  const book = spreadsheetFromSnapshot(await readWorkbook(bytes), clock, {
    id: `spreadsheet-${count}`,
    name: 'sample',
  });
  return addOnOn(book);
}
