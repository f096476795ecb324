/**
 * Workbook-level defined names, where links live. The workbook's Plumbline id
 * is a defined name too (`../workbook-id.ts`), so it is kept out of reach
 * here: never listed, refused when set, skipped when deleted — a caller
 * managing links cannot lose the id by accident. Changing names costs two
 * syncs: Excel has no "add or replace", so the existing names are listed
 * first to know which to delete.
 */
import { rectA1, type CellRect } from '../../core/a1';
import { parseSheetReference, sheetReference } from '../../core/sheet-reference';
import type { DefinedName } from '../host';
import { checkKeys, checkNames } from '../port-checks';
import { isWorkbookIdName } from '../workbook-id';
import type { ExcelRun } from './excel-types';
import { OPERATION_OVERHEAD, packBatches, REQUEST_BUDGET } from './payload';
import { missingSheets, noSuchSheet } from './worksheets';

export function listNames(run: ExcelRun): Promise<DefinedName[]> {
  return run(async (ctx) => {
    const names = ctx.workbook.names.load('items/name,items/type,items/formula');
    await ctx.sync();
    return names.items.flatMap((n) => {
      if (n.type !== 'Range' || isWorkbookIdName(n.name)) return [];
      const ref = parseSheetReference(n.formula);
      return ref ? [{ name: n.name, sheet: ref.sheet, address: ref.address }] : [];
    });
  });
}

export async function setNames(run: ExcelRun, names: DefinedName[]): Promise<void> {
  const rects = checkNames(names);
  // Excel compares names without case; the last of a name wins.
  const last = new Map<string, DefinedName & { rect: CellRect }>();
  names.forEach((n, i) => {
    last.delete(n.name.toLowerCase());
    last.set(n.name.toLowerCase(), { ...n, rect: rects[i]! });
  });
  if (last.size === 0) return;
  await run(async (ctx) => {
    const existing = ctx.workbook.names.load('items/name');
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const missing = missingSheets(
      sheets.items.map((s) => s.name),
      [...last.values()].map((n) => n.sheet),
    );
    if (missing.length > 0) throw noSuchSheet(missing);
    const present = new Map(existing.items.map((n) => [n.name.toLowerCase(), n.name]));
    const changes = [...last.values()].map((n) => ({ bytes: OPERATION_OVERHEAD, item: n }));
    for (const batch of packBatches(changes, REQUEST_BUDGET)) {
      for (const n of batch) {
        const old = present.get(n.name.toLowerCase());
        if (old) ctx.workbook.names.getItem(old).delete();
        ctx.workbook.names.add(n.name, `=${sheetReference(n.sheet, rectA1(n.rect))}`);
      }
      await ctx.sync();
    }
  });
}

export async function deleteNames(run: ExcelRun, names: string[]): Promise<void> {
  checkKeys('name', names);
  const wanted = new Set(names.filter((n) => !isWorkbookIdName(n)).map((n) => n.toLowerCase()));
  if (wanted.size === 0) return;
  await run(async (ctx) => {
    const existing = ctx.workbook.names.load('items/name');
    await ctx.sync();
    const doomed = existing.items.filter((n) => wanted.has(n.name.toLowerCase()));
    if (doomed.length === 0) return;
    for (const n of doomed) ctx.workbook.names.getItem(n.name).delete();
    await ctx.sync();
  });
}
