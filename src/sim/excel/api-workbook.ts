/** `Workbook`, `Application`, `WorksheetCollection`, `Worksheet` (its charts: `api-charts.ts`). */
import { MAX_COLUMNS, MAX_ROWS, type CellRect } from '../../core/a1';
import { parseAddress } from './address';
import { rangeHandle } from './api-range';
import { SimError } from './errors';
import {
  argBoolean,
  argInteger,
  argOptionalString,
  asString,
  type ClassDef,
  type Handle,
  type HandleOf,
} from './object-model';
import type { SimSheet, SimVisibility, SimWorkbook } from './workbook-model';

const WHOLE_SHEET: CellRect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
const VISIBILITIES: readonly SimVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

function worksheet(sheet: SimSheet): HandleOf<'Worksheet'> {
  return { type: 'Worksheet', sheet };
}

function selectedRange(wb: SimWorkbook): Handle {
  const selection = wb.selection;
  if (!selection) throw new SimError('ItemNotFound', 'Nothing is selected.');
  return rangeHandle(selection.sheet, selection.rect);
}

export const Workbook: ClassDef<HandleOf<'Workbook'>> = {
  properties: {
    Name: { get: (_h, env) => env.wb.name },
    ReadOnly: { get: () => false },
  },
  navigation: {
    Worksheets: () => ({ type: 'WorksheetCollection' }),
    Names: () => ({ type: 'NamedItemCollection' }),
    Application: () => ({ type: 'Application' }),
  },
  objectMethods: {
    GetSelectedRange: (_h, _args, env) => selectedRange(env.wb),
    GetActiveCell: (_h, _args, env) => {
      const selection = env.wb.selection;
      if (!selection) throw new SimError('ItemNotFound', 'Nothing is selected.');
      const { top, left } = selection.rect;
      return rangeHandle(selection.sheet, { top, left, bottom: top, right: left });
    },
  },
};

export const Application: ClassDef<HandleOf<'Application'>> = {
  properties: { CalculationMode: { get: () => 'Automatic' } },
  methods: { Calculate: () => undefined },
};

function sheetsFor(wb: SimWorkbook, visibleOnly: boolean): SimSheet[] {
  return visibleOnly ? wb.visibleSheets() : wb.sheets;
}

export const WorksheetCollection: ClassDef<HandleOf<'WorksheetCollection'>> = {
  items: (_h, env) => env.wb.sheets.map(worksheet),
  indexer: (_h, key, env) => worksheet(env.wb.sheet(key)),
  objectMethods: {
    GetItemOrNullObject: (_h, args, env) => {
      const key = args[0];
      const sheet = typeof key === 'string' ? env.wb.findSheet(key) : undefined;
      return sheet ? worksheet(sheet) : null;
    },
    Add: (_h, args, env) => worksheet(env.wb.addSheet(argOptionalString(args, 0, 'name'))),
    GetActiveWorksheet: (_h, _args, env) => {
      if (!env.wb.activeSheet) throw new SimError('ItemNotFound', 'The workbook has no sheets.');
      return worksheet(env.wb.activeSheet);
    },
    GetItemAt: (_h, args, env) => {
      const sheet = env.wb.sheets[argInteger(args, 0, 'index')];
      if (!sheet) throw new SimError('ItemNotFound', 'No sheet at that index.');
      return worksheet(sheet);
    },
    GetFirst: (_h, args, env) => {
      const sheet = sheetsFor(env.wb, argBoolean(args, 0, false))[0];
      if (!sheet) throw new SimError('ItemNotFound', 'The workbook has no such sheet.');
      return worksheet(sheet);
    },
    GetLast: (_h, args, env) => {
      const sheet = sheetsFor(env.wb, argBoolean(args, 0, false)).at(-1);
      if (!sheet) throw new SimError('ItemNotFound', 'The workbook has no such sheet.');
      return worksheet(sheet);
    },
  },
  methods: {
    GetCount: (_h, args, env) => sheetsFor(env.wb, argBoolean(args, 0, false)).length,
  },
};

/**
 * `worksheet.getRange(address)` takes "the address or name of the range":
 * an address, or a defined name whose range lies on this sheet (a name can
 * never look like an address, so the order does not matter).
 */
function addressOrName(sheet: SimSheet, address: string, wb: SimWorkbook): CellRect {
  const rect = parseAddress(address);
  if (rect) return rect;
  const name = wb.findName(address);
  if (!name) throw new SimError('InvalidArgument', `'${address}' is neither a range address nor a name.`);
  if (name.target.kind !== 'range')
    throw new SimError('InvalidArgument', `The name '${name.name}' does not refer to a range.`);
  if (name.target.sheet !== sheet) {
    throw new SimError(
      'InvalidArgument',
      `The name '${name.name}' refers to a range on '${name.target.sheet.name}', not on '${sheet.name}'.`,
    );
  }
  return name.target.rect;
}

function usedRect(sheet: SimSheet, args: unknown[]): CellRect | undefined {
  return sheet.usedRect(argBoolean(args, 0, false));
}

export const Worksheet: ClassDef<HandleOf<'Worksheet'>> = {
  check: (h) => {
    if (h.sheet.deleted) throw new SimError('ItemNotFound', `The sheet '${h.sheet.name}' was deleted.`);
  },
  identity: (h) => ({ Id: h.sheet.id }),
  properties: {
    Id: { get: (h) => h.sheet.id },
    Name: {
      get: (h) => h.sheet.name,
      set: (h, value, env) => env.wb.renameSheet(h.sheet, asString(value, 'name')),
    },
    Position: {
      get: (h, env) => env.wb.sheets.indexOf(h.sheet),
      set: (h, value, env) => env.wb.moveSheet(h.sheet, Number(value)),
    },
    Visibility: {
      get: (h) => h.sheet.visibility,
      set: (h, value, env) => {
        const v = VISIBILITIES.find((x) => x === value);
        if (!v) throw new SimError('InvalidArgument', `'${String(value)}' is not a sheet visibility.`);
        env.wb.setVisibility(h.sheet, v);
      },
    },
    TabColor: {
      get: (h) => h.sheet.tabColor,
      set: (h, value) => {
        h.sheet.tabColor = asString(value, 'tabColor');
      },
    },
    StandardWidth: { get: () => 8.43 },
  },
  navigation: {
    Charts: (h) => ({ type: 'ChartCollection', sheet: h.sheet }),
  },
  objectMethods: {
    GetRange: (h, args, env) => {
      const address = argOptionalString(args, 0, 'address');
      if (address === undefined || address === '') return rangeHandle(h.sheet, WHOLE_SHEET);
      return rangeHandle(h.sheet, addressOrName(h.sheet, address, env.wb));
    },
    GetRangeByIndexes: (h, args) => {
      const top = argInteger(args, 0, 'startRow');
      const left = argInteger(args, 1, 'startColumn');
      const rows = argInteger(args, 2, 'rowCount');
      const columns = argInteger(args, 3, 'columnCount');
      if (rows < 1 || columns < 1)
        throw new SimError('InvalidArgument', 'A range has at least one row and column.');
      return rangeHandle(h.sheet, { top, left, bottom: top + rows - 1, right: left + columns - 1 });
    },
    GetCell: (h, args) => {
      const top = argInteger(args, 0, 'row');
      const left = argInteger(args, 1, 'column');
      return rangeHandle(h.sheet, { top, left, bottom: top, right: left });
    },
    // An empty sheet's used range is A1, as in Excel.
    GetUsedRange: (h, args) =>
      rangeHandle(h.sheet, usedRect(h.sheet, args) ?? { top: 0, left: 0, bottom: 0, right: 0 }),
    GetUsedRangeOrNullObject: (h, args) => {
      const rect = usedRect(h.sheet, args);
      return rect ? rangeHandle(h.sheet, rect) : null;
    },
  },
  methods: {
    Delete: (h, _args, env) => env.wb.deleteSheet(h.sheet),
    Activate: (h, _args, env) => env.wb.activate(h.sheet),
    Calculate: () => undefined,
  },
};
