/**
 * `ChartCollection`, `Chart`, `ChartTitle`: charts recorded as data (type,
 * source, series, name, title, the cells they are placed over), not drawn.
 */
import type { CellRect } from '../../core/a1';
import { parseAddress } from './address';
import { SimError } from './errors';
import { argInteger, asString, isHandle, type ClassDef, type HandleOf } from './object-model';
import type { SimChart, SimSheet } from './workbook-model';

function chart(sheet: SimSheet, item: SimChart): HandleOf<'Chart'> {
  return { type: 'Chart', sheet, chart: item };
}

/** A Range argument, or an address on the chart's sheet (`setPosition('A10')`, `add(type, 'A1:C3')`). */
function rectArgument(value: unknown, what: string): CellRect {
  const rect =
    isHandle(value) && value.type === 'Range'
      ? value.rect
      : typeof value === 'string'
        ? parseAddress(value)
        : undefined;
  if (!rect) throw new SimError('InvalidArgument', `${what} must be a range.`);
  return rect;
}

export const ChartCollection: ClassDef<HandleOf<'ChartCollection'>> = {
  items: (h) => h.sheet.charts.map((c) => chart(h.sheet, c)),
  indexer: (h, key) => {
    const found = h.sheet.charts.find((c) => c.name === key);
    if (!found) throw new SimError('ItemNotFound', `There is no chart '${String(key)}'.`);
    return chart(h.sheet, found);
  },
  objectMethods: {
    Add: (h, args, env) => {
      const item: SimChart = {
        id: env.wb.newChartId(),
        name: `Chart ${h.sheet.charts.length + 1}`,
        chartType: asString(args[0], 'type'),
        source: rectArgument(args[1], 'A chart source'),
        seriesBy: typeof args[2] === 'string' ? args[2] : 'Auto',
        title: '',
        position: null,
      };
      h.sheet.charts.push(item);
      return chart(h.sheet, item);
    },
    GetItemAt: (h, args) => {
      const item = h.sheet.charts[argInteger(args, 0, 'index')];
      if (!item) throw new SimError('ItemNotFound', 'No chart at that index.');
      return chart(h.sheet, item);
    },
    // The first of that name, as Office.js documents when names repeat.
    GetItemOrNullObject: (h, args) => {
      const item = h.sheet.charts.find((c) => c.name === args[0]);
      return item ? chart(h.sheet, item) : null;
    },
  },
  methods: { GetCount: (h) => h.sheet.charts.length },
};

export const Chart: ClassDef<HandleOf<'Chart'>> = {
  check: (h) => {
    if (h.sheet.deleted || !h.sheet.charts.includes(h.chart))
      throw new SimError('ItemNotFound', 'The chart was deleted.');
  },
  identity: (h) => ({ Id: h.chart.id }),
  properties: {
    Id: { get: (h) => h.chart.id },
    Name: {
      get: (h) => h.chart.name,
      set: (h, value) => {
        h.chart.name = asString(value, 'name');
      },
    },
    ChartType: {
      get: (h) => h.chart.chartType,
      set: (h, value) => {
        h.chart.chartType = asString(value, 'chartType');
      },
    },
  },
  navigation: {
    Title: (h) => ({ type: 'ChartTitle', sheet: h.sheet, chart: h.chart }),
  },
  methods: {
    Delete: (h) => {
      h.sheet.charts.splice(h.sheet.charts.indexOf(h.chart), 1);
    },
    /**
     * The chart's top-left corner goes to the start cell's; with an end cell
     * it is sized to cover through that range. Without one Excel keeps the
     * chart's size, which the simulator does not know in cells: `to` is null.
     */
    SetPosition: (h, args) => {
      const start = rectArgument(args[0], 'The start cell');
      const end =
        args[1] === undefined || args[1] === null ? undefined : rectArgument(args[1], 'The end cell');
      h.chart.position = {
        from: { row: start.top, column: start.left },
        to: end ? { row: end.bottom, column: end.right } : null,
      };
    },
  },
};

export const ChartTitle: ClassDef<HandleOf<'ChartTitle'>> = {
  properties: {
    Text: {
      get: (h) => h.chart.title,
      set: (h, value) => {
        h.chart.title = asString(value, 'title text');
      },
    },
  },
};
