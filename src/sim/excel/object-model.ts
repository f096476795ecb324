/**
 * The objects a request can address, as handles onto the simulated workbook,
 * and the shape of a class's implementation (properties by their wire name,
 * navigation properties, methods, collection items). Each `api-*.ts` file
 * implements a few classes of Excel's object model in these terms.
 */
import type { CellRect } from '../../core/a1';
import { SimError } from './errors';
import type { SimChart, SimConditionalFormat, SimName, SimSheet, SimWorkbook } from './workbook-model';

export interface RangeHandle {
  type: 'Range';
  sheet: SimSheet;
  rect: CellRect;
}

export interface CfHandle<T extends string> {
  type: T;
  sheet: SimSheet;
  cf: SimConditionalFormat;
}

export type Handle =
  | { type: 'Workbook' }
  | { type: 'Application' }
  | { type: 'WorksheetCollection' }
  | { type: 'Worksheet'; sheet: SimSheet }
  | { type: 'ChartCollection'; sheet: SimSheet }
  | { type: 'Chart'; sheet: SimSheet; chart: SimChart }
  | { type: 'ChartTitle'; sheet: SimSheet; chart: SimChart }
  | RangeHandle
  | { type: 'RangeFormat'; range: RangeHandle }
  | { type: 'RangeFill'; range: RangeHandle }
  | { type: 'RangeFont'; range: RangeHandle }
  | { type: 'NamedItemCollection' }
  | { type: 'NamedItem'; item: SimName }
  | { type: 'ConditionalFormatCollection'; range: RangeHandle }
  | CfHandle<'ConditionalFormat'>
  | CfHandle<'CustomConditionalFormat'>
  | CfHandle<'ConditionalFormatRule'>
  | CfHandle<'ConditionalRangeFormat'>
  | CfHandle<'ConditionalRangeFill'>
  | CfHandle<'ConditionalRangeFont'>;

export type HandleType = Handle['type'];
export type HandleOf<T extends HandleType> = Extract<Handle, { type: T }>;

/** What class implementations may use besides their handle. */
export interface Env {
  wb: SimWorkbook;
  /** The response payload limit in bytes, to refuse reading ranges no response could carry. */
  responseLimit: number;
}

export interface PropertyDef<H> {
  get?: (h: H, env: Env) => unknown;
  set?: (h: H, value: unknown, env: Env) => void;
}

export interface ClassDef<H extends Handle> {
  /** Scalar properties by their wire name (`Values`, `NumberFormat`). */
  properties?: Record<string, PropertyDef<H>>;
  /** Object-valued properties (`Format`, `Worksheets`); null for a null object. */
  navigation?: Record<string, (h: H, env: Env) => Handle | null>;
  /** Methods that return an object; null for a null object (`getItemOrNullObject`). */
  objectMethods?: Record<string, (h: H, args: unknown[], env: Env) => Handle | null>;
  /** Methods called for their effect or a scalar result. */
  methods?: Record<string, (h: H, args: unknown[], env: Env) => unknown>;
  /** Collections: the items, in order. */
  items?: (h: H, env: Env) => Handle[];
  /** Collections: `getItem(key)`, which the library sends as an indexer. */
  indexer?: (h: H, key: unknown, env: Env) => Handle;
  /** The key the instantiate action answers with (`{ Id }` for a worksheet), so the library can find it again. */
  identity?: (h: H) => Record<string, unknown>;
  /** Throws `ItemNotFound` when the object was deleted. */
  check?: (h: H, env: Env) => void;
}

export type Registry = { [T in HandleType]: ClassDef<HandleOf<T>> };

export function argString(args: unknown[], index: number, what: string): string {
  const v = args[index];
  if (typeof v !== 'string') throw new SimError('InvalidArgument', `${what} must be a string.`);
  return v;
}

export function argOptionalString(args: unknown[], index: number, what: string): string | undefined {
  const v = args[index];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new SimError('InvalidArgument', `${what} must be a string.`);
  return v;
}

export function argInteger(args: unknown[], index: number, what: string): number {
  const v = args[index];
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new SimError('InvalidArgument', `${what} must be an integer.`);
  return v;
}

export function argBoolean(args: unknown[], index: number, fallback: boolean): boolean {
  const v = args[index];
  if (v === null || v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new SimError('InvalidArgument', 'Expected true or false.');
  return v;
}

export function isHandle(value: unknown): value is Handle {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

export function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new SimError('InvalidArgument', `${what} must be a string.`);
  return value;
}

export function asBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new SimError('InvalidArgument', `${what} must be true or false.`);
  return value;
}
