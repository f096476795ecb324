/** Every class the simulator implements, by the type of its handle. */
import {
  ConditionalFormat,
  ConditionalFormatCollection,
  ConditionalFormatRule,
  ConditionalRangeFill,
  ConditionalRangeFont,
  ConditionalRangeFormat,
  CustomConditionalFormat,
} from './api-conditional-formats';
import { NamedItem, NamedItemCollection } from './api-names';
import { Range, RangeFill, RangeFont, RangeFormat } from './api-range';
import { Chart, ChartCollection, ChartTitle } from './api-charts';
import { Application, Workbook, Worksheet, WorksheetCollection } from './api-workbook';
import type { ClassDef, Handle, Registry } from './object-model';

export const REGISTRY: Registry = {
  Workbook,
  Application,
  WorksheetCollection,
  Worksheet,
  ChartCollection,
  Chart,
  ChartTitle,
  Range,
  RangeFormat,
  RangeFill,
  RangeFont,
  NamedItemCollection,
  NamedItem,
  ConditionalFormatCollection,
  ConditionalFormat,
  CustomConditionalFormat,
  ConditionalFormatRule,
  ConditionalRangeFormat,
  ConditionalRangeFill,
  ConditionalRangeFont,
};

/**
 * The class of a handle. The registry is keyed by handle type, so the lookup
 * is exact; TypeScript cannot correlate the two through a union, hence the
 * one widening cast here rather than at every call site.
 */
export function classOf(handle: Handle): ClassDef<Handle> {
  return REGISTRY[handle.type] as ClassDef<Handle>;
}
