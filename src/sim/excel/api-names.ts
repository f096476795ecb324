/** `NamedItemCollection` (workbook-level names) and `NamedItem`. */
import { parseAddress, splitSheet } from './address';
import { rangeHandle } from './api-range';
import { SimError } from './errors';
import {
  argInteger,
  argOptionalString,
  argString,
  asBoolean,
  asString,
  isHandle,
  type ClassDef,
  type HandleOf,
} from './object-model';
import {
  nameFormula,
  nameType,
  nameValue,
  type NameTarget,
  type SimName,
  type SimWorkbook,
} from './workbook-model';

/** What a name refers to, from `names.add(name, reference)`: a Range, or a formula such as `=Sheet1!$A$1:$B$2` or `="text"`. */
export function parseNameReference(reference: unknown, wb: SimWorkbook): NameTarget {
  if (isHandle(reference)) {
    if (reference.type !== 'Range')
      throw new SimError('InvalidArgument', 'A name refers to a range or a formula.');
    return { kind: 'range', sheet: reference.sheet, rect: reference.rect };
  }
  if (typeof reference === 'number' || typeof reference === 'boolean')
    return { kind: 'constant', value: reference };
  const text = asString(reference, 'reference').trim();
  const body = text.startsWith('=') ? text.slice(1).trim() : text;
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { kind: 'constant', value: str[1]!.replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(body)) return { kind: 'constant', value: body.toUpperCase() === 'TRUE' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { kind: 'constant', value: Number(body) };
  if (body === '#REF!' || /^#REF!/.test(body)) return { kind: 'ref-error' };
  const { sheet, address } = splitSheet(body);
  const rect = parseAddress(address);
  if (sheet !== undefined && rect) {
    const target = wb.findSheet(sheet);
    if (!target) throw new SimError('InvalidReference', `There is no sheet '${sheet}'.`);
    return { kind: 'range', sheet: target, rect };
  }
  if (body === '') throw new SimError('InvalidArgument', 'A name needs a reference.');
  return { kind: 'formula', formula: `=${body}` };
}

function namedItem(item: SimName): HandleOf<'NamedItem'> {
  return { type: 'NamedItem', item };
}

export const NamedItemCollection: ClassDef<HandleOf<'NamedItemCollection'>> = {
  items: (_h, env) => env.wb.names.map(namedItem),
  indexer: (_h, key, env) => {
    const item = typeof key === 'string' ? env.wb.findName(key) : undefined;
    if (!item) throw new SimError('ItemNotFound', `There is no name '${String(key)}'.`);
    return namedItem(item);
  },
  objectMethods: {
    Add: (_h, args, env) => {
      const name = argString(args, 0, 'name');
      const target = parseNameReference(args[1], env.wb);
      return namedItem(env.wb.addName(name, target, argOptionalString(args, 2, 'comment') ?? ''));
    },
    GetItemOrNullObject: (_h, args, env) => {
      const item = typeof args[0] === 'string' ? env.wb.findName(args[0]) : undefined;
      return item ? namedItem(item) : null;
    },
    GetItemAt: (_h, args, env) => {
      const item = env.wb.names[argInteger(args, 0, 'index')];
      if (!item) throw new SimError('ItemNotFound', 'No name at that index.');
      return namedItem(item);
    },
  },
  methods: { GetCount: (_h, _args, env) => env.wb.names.length },
};

function rangeOf(h: HandleOf<'NamedItem'>): HandleOf<'Range'> | null {
  const target = h.item.target;
  return target.kind === 'range' ? rangeHandle(target.sheet, target.rect) : null;
}

export const NamedItem: ClassDef<HandleOf<'NamedItem'>> = {
  // By identity: a deleted name stays deleted even when one of the same name is added again.
  check: (h, env) => {
    if (!env.wb.names.includes(h.item))
      throw new SimError('ItemNotFound', `The name '${h.item.name}' was deleted.`);
  },
  identity: (h) => ({ _Id: h.item.name }),
  properties: {
    Name: { get: (h) => h.item.name },
    Type: { get: (h) => nameType(h.item.target) },
    Value: { get: (h) => nameValue(h.item.target) },
    Formula: {
      get: (h) => nameFormula(h.item.target),
      set: (h, value, env) => {
        h.item.target = parseNameReference(value, env.wb);
      },
    },
    Visible: {
      get: (h) => h.item.visible,
      set: (h, value) => {
        h.item.visible = asBoolean(value, 'visible');
      },
    },
    Comment: {
      get: (h) => h.item.comment,
      set: (h, value) => {
        h.item.comment = asString(value, 'comment');
      },
    },
    Scope: { get: () => 'Workbook' },
  },
  navigation: {
    WorksheetOrNullObject: () => null,
  },
  objectMethods: {
    GetRange: (h) => {
      const range = rangeOf(h);
      if (!range)
        throw new SimError('InvalidArgument', `The name '${h.item.name}' does not refer to a range.`);
      return range;
    },
    GetRangeOrNullObject: (h) => rangeOf(h),
  },
  methods: {
    Delete: (h, _args, env) => env.wb.deleteName(h.item),
  },
};
