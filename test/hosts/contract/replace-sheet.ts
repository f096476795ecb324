/**
 * The contract's `replaceSheet`: a sheet written whole (the summary core lays
 * out), created visible when missing, its content replaced — not merged —
 * when it exists, read back through the port like any other sheet, and the
 * user's sheets untouched. A host that draws charts draws the layout's, and a
 * second write replaces them (one chart, not two); the user's charts stay.
 */
import type { LayoutChart } from '../../../src/core/sheet-layout';
import type { SheetContent, SpreadsheetHost } from '../../../src/hosts/host';
import type { ReopenHost } from './host-contract';

/** Seeing a host's charts without the port (which has no call to list them). */
export interface SheetCharts {
  /** The charts on `sheet`, in the order they were added, described as a layout would. */
  list(host: SpreadsheetHost, sheet: string): Promise<LayoutChart[]>;
  /** A chart the user made over `source`, as Excel's UI or another add-in would. */
  addUserChart(host: SpreadsheetHost, sheet: string, source: string): Promise<void>;
}

const CHART: LayoutChart = {
  title: 'KPIs at risk — last 2 periods',
  type: 'line',
  source: 'A1:C3',
  seriesBy: 'rows',
  position: 'A6:E20',
};

/** Two KPIs over two months, and a chart of them. */
const WITH_CHART: SheetContent = {
  values: [
    ['KPI', '2026-09', '2026-10'],
    ['Claims turnaround (days)', 6.9, 6.7],
    ['Uptime (%)', 0.996, 0.998],
  ],
  charts: [CHART],
};

const SUMMARY: SheetContent = {
  values: [
    ['KPI', 'Value', 'Share', 'Note'],
    ['Claims turnaround', 6.7, 0.145, '=not a formula'],
    ['Uptime', 99.2, '', true],
  ],
  numberFormats: [
    ['General', 'General', 'General', 'General'],
    ['General', '0.00', '0.0%', '@'],
    ['General', '0.0', '0.0%', 'General'],
  ],
  fills: [['#1F4E79', '#1F4E79', '#1F4E79', '#1F4E79']],
  bold: [[true, true, true, true]],
  indents: [[0], [1], [1]],
  columnWidths: [30, 12, 12, 20],
};

export function runReplaceSheetContract(
  openOps: () => Promise<SpreadsheetHost>,
  reopen?: ReopenHost,
  charts?: SheetCharts,
): void {
  const withReopen = reopen ? test : test.skip;
  const withCharts = charts ? test : test.skip;
  const chartsOf = (host: SpreadsheetHost, sheet = 'Summary') => (charts as SheetCharts).list(host, sheet);

  describe('replaceSheet', () => {
    let ops: SpreadsheetHost;
    beforeEach(async () => {
      ops = await openOps();
    });

    const read = async (host: SpreadsheetHost, address = 'A1:D3') => {
      const [block] = await host.readBlocks([{ sheet: 'Summary', address }]);
      if (!block) throw new Error('no block');
      return block;
    };

    test('creates a visible sheet after the others, with its values and number formats', async () => {
      await ops.replaceSheet('Summary', SUMMARY);
      expect(await ops.listSheets()).toEqual([
        { name: 'Ops KPIs', visibility: 'visible' },
        { name: 'Notes', visibility: 'visible' },
        { name: 'Summary', visibility: 'visible' },
      ]);
      const block = await read(ops);
      expect(block.values).toEqual(SUMMARY.values);
      // Text stays text, even when it reads like a formula.
      expect(block.formulas.flat().every((f) => f === '')).toBe(true);
      expect(block.numberFormats).toEqual(SUMMARY.numberFormats);
    });

    test('replaces the content whole: cells the new content leaves out are blank', async () => {
      await ops.replaceSheet('Summary', SUMMARY);
      await ops.replaceSheet('Summary', { values: [['Only']] });
      const block = await read(ops);
      expect(block.values).toEqual([
        ['Only', '', '', ''],
        ['', '', '', ''],
        ['', '', '', ''],
      ]);
      expect(block.numberFormats.flat().every((f) => f === 'General')).toBe(true);
      expect((await ops.listSheets()).filter((s) => s.name === 'Summary')).toHaveLength(1);
    });

    test('finds an existing sheet whatever the case of its name, as Excel does', async () => {
      await ops.replaceSheet('Summary', SUMMARY);
      await ops.replaceSheet('SUMMARY', { values: [['Again']] });
      const names = (await ops.listSheets()).map((s) => s.name);
      expect(names.filter((n) => n.toUpperCase() === 'SUMMARY')).toHaveLength(1);
      expect((await read(ops, 'A1')).values).toEqual([['Again']]);
    });

    test("leaves the user's sheets as they were", async () => {
      const [before] = await ops.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N11' }]);
      await ops.replaceSheet('Summary', SUMMARY);
      const [after] = await ops.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N11' }]);
      expect(after).toEqual(before);
    });

    test('an empty layout makes an empty sheet', async () => {
      await ops.replaceSheet('Summary', { values: [] });
      expect((await ops.listSheets()).map((s) => s.name)).toContain('Summary');
      expect((await read(ops, 'A1:B2')).values).toEqual([
        ['', ''],
        ['', ''],
      ]);
    });

    test('a layout with a chart is taken, and the cells it plots are written', async () => {
      await ops.replaceSheet('Summary', WITH_CHART);
      expect((await read(ops, 'A1:C3')).values).toEqual(WITH_CHART.values);
    });

    withCharts("draws the layout's chart: its type, title, source, series and place", async () => {
      await ops.replaceSheet('Summary', WITH_CHART);
      expect(await chartsOf(ops)).toEqual([CHART]);
    });

    withCharts('a second write replaces the chart: one chart, not two', async () => {
      await ops.replaceSheet('Summary', WITH_CHART);
      const again: LayoutChart = { ...CHART, title: 'Refreshed', source: 'A1:C2', position: 'G1:L12' };
      await ops.replaceSheet('Summary', { ...WITH_CHART, charts: [again] });
      expect(await chartsOf(ops)).toEqual([again]);
      // Created the first time or not, each write leaves exactly its own charts.
      await ops.replaceSheet('Summary', { ...WITH_CHART, charts: [again, CHART] });
      await ops.replaceSheet('Summary', { ...WITH_CHART, charts: [CHART] });
      expect(await chartsOf(ops)).toEqual([CHART]);
    });

    withCharts("a layout without charts removes the host's, and leaves the user's charts", async () => {
      await ops.replaceSheet('Summary', WITH_CHART);
      const c = charts as SheetCharts;
      await c.addUserChart(ops, 'Summary', 'A1:B3');
      await c.addUserChart(ops, 'Ops KPIs', 'A4:N6');
      const userCharts = await chartsOf(ops, 'Ops KPIs');
      const [, userOwn] = await chartsOf(ops);
      await ops.replaceSheet('Summary', { values: WITH_CHART.values });
      expect(await chartsOf(ops)).toEqual([userOwn]);
      expect(await chartsOf(ops, 'Ops KPIs')).toEqual(userCharts);
      expect(userCharts).toHaveLength(1);
    });

    withReopen('the sheet survives a round trip', async () => {
      await ops.replaceSheet('Summary', SUMMARY);
      const again = await (reopen as ReopenHost)(ops);
      const block = await read(again);
      expect(block.values).toEqual(SUMMARY.values);
      expect(block.numberFormats).toEqual(SUMMARY.numberFormats);
      expect((await again.listSheets()).find((s) => s.name === 'Summary')?.visibility).toBe('visible');
    });
  });
}
