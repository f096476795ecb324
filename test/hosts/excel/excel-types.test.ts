/**
 * The host's typed surface of Office.js (`excel-types.ts`) must be a structural
 * subset of Microsoft's own declarations, so that `createExcelHost(Excel.run)`
 * type-checks in the add-in. Checked here, in a program of its own, so the
 * global `Excel` namespace of office.d.ts stays out of the project's types.
 */
import { join } from 'node:path';
import { officeDiagnostics } from './office-compat';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..', '..');
const OFFICE_TYPES = require.resolve('@microsoft/office-js/dist/office.d.ts');
const SURFACE = join(ROOT, 'src', 'hosts', 'excel', 'excel-types');
const CHECK = join(ROOT, 'test', 'hosts', 'excel', '__office-compat__.ts');

const SOURCE = `/// <reference path="${OFFICE_TYPES}" />
import type { ExcelRun, ExcelRunWithOptions, ExcelRequestContext, ExcelWorkbook, OfficeExtensionError } from '${SURFACE}';

export const run: ExcelRun = Excel.run;
export const runWithOptions: ExcelRunWithOptions = Excel.run;
export const context = (c: Excel.RequestContext): ExcelRequestContext => c;
export const workbook = (w: Excel.Workbook): ExcelWorkbook => w;
export const error = (e: OfficeExtension.Error): OfficeExtensionError => e;
`;

const diagnostics = (source: string): string[] => officeDiagnostics(source, CHECK);

describe('excel-types.ts against office.d.ts', () => {
  it('Excel.run, its context, the workbook and OfficeExtension.Error fit the typed surface', () => {
    expect(diagnostics(SOURCE)).toEqual([]);
  });

  it('would catch a member the surface declares wrongly', () => {
    const wrong = SOURCE.concat(
      'export const broken = (w: Excel.Workbook): { names: { items: number } } => w;\n',
    );
    expect(diagnostics(wrong).length).toBeGreaterThan(0);
  });
});
