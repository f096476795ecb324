/**
 * Plumbline's flags: custom conditional formats that carry their id in the
 * rule formula (`../flag-rule.ts`), the one part of a conditional format that
 * survives saving and other hosts. So there is nothing to look a flag up by:
 * every operation first reads all sheets' custom formats and keeps those with
 * the marker — three syncs whatever the number of flags: the sheets, their
 * formats, then ranges or changes. The user's own formats have no marker and
 * are never touched.
 */
import { rectA1 } from '../../core/a1';
import { parseSheetReference } from '../../core/sheet-reference';
import type { FlagFormat } from '../host';
import { checkFlags, checkKeys } from '../port-checks';
import type { ExcelConditionalFormat, ExcelRequestContext, ExcelRun } from './excel-types';
import { flagRuleFormula, parseFlagRule } from '../flag-rule';
import { FLAG_OVERHEAD, jsonBytes, OPERATION_OVERHEAD, packBatches, REQUEST_BUDGET } from './payload';
import { missingSheets, noSuchSheet, sheetCache } from './worksheets';

interface FoundFlag {
  sheet: string;
  id: string;
  formula: string;
  fill: string;
  fontColor: string | null;
  format: ExcelConditionalFormat;
}

/** Plumbline's flags on every sheet, in two syncs: the sheets, then their conditional formats. */
async function findFlags(ctx: ExcelRequestContext): Promise<{ sheets: string[]; flags: FoundFlag[] }> {
  const worksheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const perSheet = worksheets.items.map((ws) => ({
    sheet: ws.name,
    formats: ws
      .getRange()
      .conditionalFormats.load([
        'items/id',
        'items/type',
        'items/customOrNullObject/rule/formula',
        'items/customOrNullObject/format/fill/color',
        'items/customOrNullObject/format/font/color',
      ]),
  }));
  await ctx.sync();
  const flags: FoundFlag[] = [];
  for (const { sheet, formats } of perSheet) {
    for (const format of formats.items) {
      if (format.type !== 'Custom') continue;
      const custom = format.customOrNullObject;
      const rule = parseFlagRule(custom.rule.formula);
      if (!rule) continue;
      flags.push({
        sheet,
        ...rule,
        fill: custom.format.fill.color,
        fontColor: custom.format.font.color || null,
        format,
      });
    }
  }
  return { sheets: worksheets.items.map((ws) => ws.name), flags };
}

export async function listFlagFormats(run: ExcelRun): Promise<FlagFormat[]> {
  return run(async (ctx) => {
    const { flags } = await findFlags(ctx);
    const ranges = flags.map((f) => f.format.getRange().load('address'));
    if (flags.length > 0) await ctx.sync();
    return flags.flatMap((f, i) => {
      const ref = parseSheetReference(ranges[i]!.address);
      if (!ref) return [];
      return [
        {
          id: f.id,
          sheet: f.sheet,
          address: ref.address,
          formula: f.formula,
          fill: f.fill,
          ...(f.fontColor ? { fontColor: f.fontColor } : {}),
        },
      ];
    });
  });
}

export async function setFlagFormats(run: ExcelRun, flags: FlagFormat[]): Promise<void> {
  const rects = checkFlags(flags);
  // The last flag of an id wins; its range as Excel's getRange takes it (`$C$5`, ` C5 ` are fine for the port).
  const byId = new Map<string, FlagFormat>();
  flags.forEach((f, i) => {
    byId.delete(f.id);
    byId.set(f.id, { ...f, address: rectA1(rects[i]!) });
  });
  if (byId.size === 0) return;
  await run(async (ctx) => {
    const { sheets, flags: existing } = await findFlags(ctx);
    const missing = missingSheets(
      sheets,
      [...byId.values()].map((f) => f.sheet),
    );
    if (missing.length > 0) throw noSuchSheet(missing);
    const ws = sheetCache(ctx);
    const ops = [
      ...existing
        .filter((f) => byId.has(f.id))
        .map((f) => ({ bytes: OPERATION_OVERHEAD, item: () => f.format.delete() })),
      ...[...byId.values()].map((f) => ({
        bytes: FLAG_OVERHEAD + jsonBytes(flagRuleFormula(f.id, f.formula)) + jsonBytes(f.address),
        item: () => {
          const format = ws(f.sheet).getRange(f.address).conditionalFormats.add('Custom');
          format.custom.rule.formula = flagRuleFormula(f.id, f.formula);
          format.custom.format.fill.color = f.fill;
          if (f.fontColor) format.custom.format.font.color = f.fontColor;
        },
      })),
    ];
    for (const batch of packBatches(ops, REQUEST_BUDGET)) {
      batch.forEach((queue) => queue());
      await ctx.sync();
    }
  });
}

export async function removeFlagFormats(run: ExcelRun, ids: string[]): Promise<void> {
  checkKeys('flag id', ids);
  const wanted = new Set(ids);
  if (wanted.size === 0) return;
  await run(async (ctx) => {
    const doomed = (await findFlags(ctx)).flags.filter((f) => wanted.has(f.id));
    if (doomed.length === 0) return;
    for (const f of doomed) f.format.delete();
    await ctx.sync();
  });
}
