/**
 * Finding sheets: listing them, one proxy per name within a request, and
 * errors that name the missing ones. Operations address sheets optimistically
 * with `getItem` so the common case costs no extra sync; only when Excel
 * answers `ItemNotFound` is the workbook asked which sheets it has, so the
 * error can say which of the caller's sheets is missing.
 */
import type { SheetInfo, SheetVisibility } from '../host';
import { HostError, hasErrorCode } from '../host-error';
import type { ExcelRequestContext, ExcelRun, ExcelSheetVisibility, ExcelWorksheet } from './excel-types';

const VISIBILITY: Record<ExcelSheetVisibility, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export function listSheets(run: ExcelRun): Promise<SheetInfo[]> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
    await ctx.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] }));
  });
}

/** The names, first spelling kept, without repeats that differ only in case (Excel's sheet names ignore case). */
export function unique(items: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  return [...seen.values()];
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

export function missingSheets(known: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(known.map((n) => n.toLowerCase()));
  return unique(wanted).filter((n) => !have.has(n.toLowerCase()));
}

export function noSuchSheet(missing: readonly string[], cause?: unknown): HostError {
  const what =
    missing.length === 1 ? `no sheet named ${quoted(missing)}` : `no sheets named ${quoted(missing)}`;
  return new HostError('ItemNotFound', `The workbook has ${what}`, { cause });
}

/** Runs `body`; an `ItemNotFound` from Excel is turned into an error that names the missing sheets. */
export async function naming<T>(
  ctx: ExcelRequestContext,
  sheets: readonly string[],
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (!hasErrorCode(e, 'ItemNotFound')) throw e;
    const all = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const missing = missingSheets(
      all.items.map((s) => s.name),
      sheets,
    );
    throw missing.length > 0 ? noSuchSheet(missing, e) : e;
  }
}

/** One worksheet proxy per sheet name within a batch, so a request names each sheet once. */
export function sheetCache(ctx: ExcelRequestContext): (name: string) => ExcelWorksheet {
  const cache = new Map<string, ExcelWorksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}
