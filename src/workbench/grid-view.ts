/**
 * What the workbench's grid shows of the open workbook, read through
 * Microsoft's Excel library like any add-in would (two syncs): the visible
 * sheets as tabs, the active sheet's cells as Excel shows them (`Range.text`),
 * the selection, and Plumbline's flags with whether each holds right now.
 */
import { parseA1, type CellRect } from '../core/a1';
import { parseSheetReference } from '../core/sheet-reference';
import type { ExcelRun } from '../hosts/excel/excel-types';
import { parseFlagRule } from '../hosts/flag-rule';
import { flagHolds } from './flag-eval';

/** A grid always shows at least this much, as an empty sheet in Excel does. */
const MIN_ROWS = 24;
const MIN_COLUMNS = 12;
/** One more row and column than the data, so the sheet's edge does not look like the end of a table. */
const MARGIN = 1;

export interface GridFlag {
  fill: string;
  fontColor: string | null;
}

export interface GridView {
  workbookName: string;
  /** Visible sheets, in tab order (hidden and very hidden ones, `_plumbline`, are not tabs). */
  sheets: string[];
  activeSheet: string;
  rows: number;
  columns: number;
  /** `Range.text` of each shown cell. */
  text: string[][];
  /** Cells holding numbers (Excel aligns them right). */
  numeric: boolean[][];
  /** The flag shown on a cell, where one of Plumbline's flags holds. */
  flags: (GridFlag | null)[][];
  /** The selection, when it is on the active sheet. */
  selection: CellRect | null;
}

export async function readGridView(run: ExcelRun): Promise<GridView> {
  return run(async (ctx) => {
    const workbook = ctx.workbook.load('name');
    const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const used = ctx.workbook.worksheets
      .getActiveWorksheet()
      .getUsedRangeOrNullObject()
      .load('rowIndex,columnIndex,rowCount,columnCount');
    const selected = ctx.workbook.getSelectedRange().load('address');
    const formats = ctx.workbook.worksheets
      .getActiveWorksheet()
      .getRange()
      .conditionalFormats.load([
        'items/type',
        'items/customOrNullObject/rule/formula',
        'items/customOrNullObject/format/fill/color',
        'items/customOrNullObject/format/font/color',
      ]);
    await ctx.sync();

    const rows = Math.max(MIN_ROWS, used.isNullObject ? 0 : used.rowIndex + used.rowCount + MARGIN);
    const columns = Math.max(
      MIN_COLUMNS,
      used.isNullObject ? 0 : used.columnIndex + used.columnCount + MARGIN,
    );
    const block = ctx.workbook.worksheets
      .getActiveWorksheet()
      .getRangeByIndexes(0, 0, rows, columns)
      .load('text,values,valueTypes');
    const flagged = formats.items.flatMap((format) => {
      if (format.type !== 'Custom') return [];
      const custom = format.customOrNullObject;
      const rule = parseFlagRule(custom.rule.formula);
      if (!rule) return [];
      return [
        {
          rule,
          flag: { fill: custom.format.fill.color, fontColor: custom.format.font.color || null },
          range: format.getRange().load('address'),
        },
      ];
    });
    await ctx.sync();

    const flags: (GridFlag | null)[][] = block.values.map((row) => row.map(() => null));
    for (const { rule, flag, range } of flagged) {
      const rect = parseA1(parseSheetReference(`=${range.address}`)?.address ?? '');
      if (!rect) continue;
      for (let r = rect.top; r <= Math.min(rect.bottom, rows - 1); r++) {
        for (let c = rect.left; c <= Math.min(rect.right, columns - 1); c++) {
          if (flagHolds(rule.formula, block.values[r]![c]!)) flags[r]![c] = flag;
        }
      }
    }
    const selection = parseSheetReference(`=${selected.address}`);
    return {
      workbookName: workbook.name,
      sheets: sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name),
      activeSheet: active.name,
      rows,
      columns,
      text: block.text,
      numeric: block.valueTypes.map((row) => row.map((t) => t === 'Double')),
      flags,
      selection:
        selection && selection.sheet.toLowerCase() === active.name.toLowerCase()
          ? (parseA1(selection.address) ?? null)
          : null,
    };
  });
}
