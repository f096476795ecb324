/**
 * Embedded charts: built with `Sheet.newChart()`, drawn only by
 * `Sheet.insertChart`, listed by `getCharts`, removed by `removeChart`.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * - `build()` "does not automatically draw the chart on top of the
 *   spreadsheet": a new chart is drawn by `sheet.insertChart(chart)`, a
 *   changed one by `sheet.updateChart(chart)`.
 * - `addRange` "does not add the range if it has already been added".
 * - `getChartId()` is "a stable identifier for the chart that is unique across
 *   the spreadsheet containing the chart or null if the chart is not in a
 *   spreadsheet": a built chart has none until it is inserted.
 * - `setPosition(anchorRowPos, anchorColPos, offsetX, offsetY)`: the top-left
 *   corner's cell (1-based) and pixel offsets; the size is the chart's
 *   `width` and `height` options, in pixels.
 * - `setTransposeRowsAndColumns(true)` switches rows and columns (each row a
 *   series); `setNumHeaders(n)` takes `n` rows or columns as headers.
 */
import type { FakeRange } from './range';

export type ChartType =
  'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'HISTOGRAM' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

/** `Charts.ChartType`, the values the builder's `setChartType` takes. */
export const CHART_TYPES: Record<ChartType, ChartType> = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
};

export class ContainerInfo {
  constructor(
    private readonly row: number,
    private readonly column: number,
    private readonly offsetX: number,
    private readonly offsetY: number,
  ) {}

  getAnchorRow(): number {
    return this.row;
  }

  getAnchorColumn(): number {
    return this.column;
  }

  getOffsetX(): number {
    return this.offsetX;
  }

  getOffsetY(): number {
    return this.offsetY;
  }
}

/** `Charts.ChartOptions`: `get(option)` answers what was set, or null. */
export class ChartOptions {
  constructor(private readonly options: ReadonlyMap<string, unknown>) {}

  get(option: string): unknown {
    return this.options.get(option) ?? null;
  }
}

interface ChartState {
  type: ChartType;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  transpose: boolean;
  numHeaders: number;
}

export class FakeEmbeddedChart {
  constructor(
    readonly state: ChartState,
    /** Set when the chart is drawn on a sheet (`Sheet.insertChart`). */
    public id: number | null = null,
  ) {}

  getChartId(): number | null {
    return this.id;
  }

  getRanges(): FakeRange[] {
    return [...this.state.ranges];
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.state.options);
  }

  getContainerInfo(): ContainerInfo {
    const p = this.state.position;
    return new ContainerInfo(p.row, p.column, p.offsetX, p.offsetY);
  }

  getTransposeRowsAndColumns(): boolean {
    return this.state.transpose;
  }

  getNumHeaders(): number {
    return this.state.numHeaders;
  }

  /** A builder over a copy: the chart changes only when `updateChart` takes the rebuilt one. */
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(copy(this.state), this.id);
  }
}

function copy(state: ChartState): ChartState {
  return {
    ...state,
    ranges: [...state.ranges],
    options: new Map(state.options),
    position: { ...state.position },
  };
}

/**
 * The builder, and its typed variants (`asLineChart()` …), which are the same
 * object here: the methods the add-on uses are common to all of them.
 */
export class EmbeddedChartBuilder {
  private readonly state: ChartState;

  constructor(
    state?: ChartState,
    private readonly id: number | null = null,
  ) {
    this.state = state ?? {
      type: 'LINE',
      ranges: [],
      options: new Map(),
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      transpose: false,
      numHeaders: -1,
    };
  }

  addRange(range: FakeRange): EmbeddedChartBuilder {
    const same = (r: FakeRange) =>
      r.getSheet() === range.getSheet() && r.getA1Notation() === range.getA1Notation();
    if (!this.state.ranges.some(same)) this.state.ranges.push(range);
    return this;
  }

  clearRanges(): EmbeddedChartBuilder {
    this.state.ranges = [];
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.state.ranges];
  }

  setChartType(type: ChartType): EmbeddedChartBuilder {
    this.state.type = type;
    return this;
  }

  getChartType(): ChartType {
    return this.state.type;
  }

  asLineChart(): EmbeddedChartBuilder {
    return this.setChartType('LINE');
  }

  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.state.options.set(option, value);
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this.state.transpose = transpose;
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.state.numHeaders = headers;
    return this;
  }

  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(copy(this.state), this.id);
  }
}
