/**
 * `ConditionalFormatCollection` (the formats that intersect a range) and the
 * custom-formula conditional format with its rule, fill and font. Other types
 * of conditional format are answered with `NotImplemented`.
 */
import { intersects } from './address';
import { rangeHandle } from './api-range';
import { normalizeColor } from './colors';
import { SimError } from './errors';
import { argInteger, asBoolean, asString, type CfHandle, type ClassDef, type HandleOf } from './object-model';
import type { SimConditionalFormat, SimSheet } from './workbook-model';

type CollectionHandle = HandleOf<'ConditionalFormatCollection'>;

function cfHandle<T extends string>(type: T, sheet: SimSheet, cf: SimConditionalFormat): CfHandle<T> {
  return { type, sheet, cf };
}

function inRange(h: CollectionHandle): SimConditionalFormat[] {
  return h.range.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, h.range.rect));
}

function findById(h: CollectionHandle, id: unknown): SimConditionalFormat | undefined {
  return inRange(h).find((cf) => cf.id === id);
}

export const ConditionalFormatCollection: ClassDef<CollectionHandle> = {
  items: (h) => inRange(h).map((cf) => cfHandle('ConditionalFormat', h.range.sheet, cf)),
  indexer: (h, key) => {
    const cf = findById(h, key);
    if (!cf) throw new SimError('ItemNotFound', `There is no conditional format '${String(key)}'.`);
    return cfHandle('ConditionalFormat', h.range.sheet, cf);
  },
  objectMethods: {
    Add: (h, args, env) => {
      const type = asString(args[0], 'type');
      if (type !== 'Custom') {
        throw new SimError(
          'NotImplemented',
          `The simulator only has custom conditional formats, not '${type}'.`,
        );
      }
      const cf: SimConditionalFormat = {
        id: env.wb.newConditionalFormatId(),
        rect: h.range.rect,
        type: 'Custom',
        formula: '',
        fill: null,
        fontColor: null,
        bold: null,
        stopIfTrue: false,
      };
      // A new format comes first: Excel gives it priority 0.
      h.range.sheet.conditionalFormats.unshift(cf);
      return cfHandle('ConditionalFormat', h.range.sheet, cf);
    },
    GetItemAt: (h, args) => {
      const cf = inRange(h)[argInteger(args, 0, 'index')];
      if (!cf) throw new SimError('ItemNotFound', 'No conditional format at that index.');
      return cfHandle('ConditionalFormat', h.range.sheet, cf);
    },
    GetItemOrNullObject: (h, args) => {
      const cf = findById(h, args[0]);
      return cf ? cfHandle('ConditionalFormat', h.range.sheet, cf) : null;
    },
  },
  methods: {
    GetCount: (h) => inRange(h).length,
    ClearAll: (h) => h.range.sheet.clearConditionalFormats(h.range.rect, true),
  },
};

function checkExists(h: { sheet: SimSheet; cf: SimConditionalFormat }): void {
  if (h.sheet.deleted || !h.sheet.conditionalFormats.includes(h.cf)) {
    throw new SimError('ItemNotFound', 'The conditional format was deleted.');
  }
}

function optionalColor(value: unknown): string | null {
  return value === null || value === '' ? null : normalizeColor(value);
}

export const ConditionalFormat: ClassDef<CfHandle<'ConditionalFormat'>> = {
  check: checkExists,
  identity: (h) => ({ Id: h.cf.id }),
  properties: {
    Id: { get: (h) => h.cf.id },
    Type: { get: (h) => h.cf.type },
    Priority: {
      get: (h) => h.sheet.conditionalFormats.indexOf(h.cf),
      set: (h, value) => {
        const list = h.sheet.conditionalFormats;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          throw new SimError('InvalidArgument', 'priority must be a non-negative integer.');
        }
        list.splice(list.indexOf(h.cf), 1);
        list.splice(Math.min(value, list.length), 0, h.cf);
      },
    },
    StopIfTrue: {
      get: (h) => h.cf.stopIfTrue,
      set: (h, value) => {
        h.cf.stopIfTrue = asBoolean(value, 'stopIfTrue');
      },
    },
  },
  navigation: {
    Custom: (h) => cfHandle('CustomConditionalFormat', h.sheet, h.cf),
    CustomOrNullObject: (h) => cfHandle('CustomConditionalFormat', h.sheet, h.cf),
  },
  objectMethods: {
    GetRange: (h) => rangeHandle(h.sheet, h.cf.rect),
    GetRangeOrNullObject: (h) => rangeHandle(h.sheet, h.cf.rect),
  },
  methods: {
    Delete: (h) => {
      h.sheet.conditionalFormats.splice(h.sheet.conditionalFormats.indexOf(h.cf), 1);
    },
  },
};

export const CustomConditionalFormat: ClassDef<CfHandle<'CustomConditionalFormat'>> = {
  check: checkExists,
  navigation: {
    Rule: (h) => cfHandle('ConditionalFormatRule', h.sheet, h.cf),
    Format: (h) => cfHandle('ConditionalRangeFormat', h.sheet, h.cf),
  },
};

const formula = {
  get: (h: CfHandle<'ConditionalFormatRule'>) => h.cf.formula,
  set: (h: CfHandle<'ConditionalFormatRule'>, value: unknown) => {
    h.cf.formula = asString(value, 'formula');
  },
};

export const ConditionalFormatRule: ClassDef<CfHandle<'ConditionalFormatRule'>> = {
  check: checkExists,
  properties: { Formula: formula, FormulaLocal: formula },
};

export const ConditionalRangeFormat: ClassDef<CfHandle<'ConditionalRangeFormat'>> = {
  check: checkExists,
  navigation: {
    Fill: (h) => cfHandle('ConditionalRangeFill', h.sheet, h.cf),
    Font: (h) => cfHandle('ConditionalRangeFont', h.sheet, h.cf),
  },
};

export const ConditionalRangeFill: ClassDef<CfHandle<'ConditionalRangeFill'>> = {
  check: checkExists,
  properties: {
    Color: {
      get: (h) => h.cf.fill,
      set: (h, value) => {
        h.cf.fill = optionalColor(value);
      },
    },
  },
  methods: {
    Clear: (h) => {
      h.cf.fill = null;
    },
  },
};

export const ConditionalRangeFont: ClassDef<CfHandle<'ConditionalRangeFont'>> = {
  check: checkExists,
  properties: {
    Color: {
      get: (h) => h.cf.fontColor,
      set: (h, value) => {
        h.cf.fontColor = optionalColor(value);
      },
    },
    Bold: {
      get: (h) => h.cf.bold,
      set: (h, value) => {
        h.cf.bold = asBoolean(value, 'bold');
      },
    },
  },
  methods: {
    Clear: (h) => {
      h.cf.fontColor = null;
      h.cf.bold = null;
    },
  },
};
