/**
 * Excel's selection event through Microsoft's library: `workbook.onSelectionChanged`
 * registered in `Excel.run`, raised by the simulator when a user selects (or an add-in
 * calls `range.select()`), delivered through Office's common API as Excel on the web does.
 */
import type { ExcelGlobal, ExcelRequestContext } from '../../../src/hosts/excel/excel-types';
import { excelSelection } from '../../../src/hosts/excel/office-platform';
import { openKpiWorkbook } from './fixtures';

interface HandlerResult {
  remove(): void;
  context: { sync(): Promise<void> };
}
interface SelectionEvent {
  add(handler: (args: { workbook: unknown }) => Promise<void> | void): HandlerResult;
}
// The project's typing of the library leaves the event out (the platform checks for it at run time).
type EventContext = ExcelRequestContext & { workbook: { onSelectionChanged?: SelectionEvent } };

/** Resolves after timers and microtasks have run: events arrive apart from answers. */
const settle = () => new Promise((done) => setTimeout(done, 10));

/** Registers a handler that counts the events it hears, as an add-in would. */
async function countEvents(Excel: ExcelGlobal): Promise<{ events: number }> {
  const counter = { events: 0 };
  await Excel.run(async (ctx: EventContext) => {
    ctx.workbook.onSelectionChanged!.add(() => {
      counter.events++;
    });
    await ctx.sync();
  });
  await settle();
  return counter;
}

describe('the simulated Excel raises workbook.onSelectionChanged', () => {
  it('registers through the library, calls the handler when the user selects, and stops after remove', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const seen: string[] = [];
    let registration: HandlerResult | undefined;
    await Excel.run(async (ctx: EventContext) => {
      registration = ctx.workbook.onSelectionChanged!.add(async (args) => {
        // ExcelApi 1.2's event says only that the selection moved; the handler asks where it is.
        expect(Object.keys(args)).toEqual(['workbook']);
        const address = await Excel.run(async (c) => {
          const range = c.workbook.getSelectedRange().load('address');
          await c.sync();
          return range.address;
        });
        seen.push(address);
      });
      await ctx.sync();
    });
    await settle();
    // One page registered once with the host, for the common API's documentSelectionChanged.
    expect(sim.events.count('documentSelectionChanged')).toBe(1);

    sim.select('Ops KPIs', 'B2:C3');
    await settle();
    sim.select('ops kpis', 'A1');
    await settle();
    expect(seen).toEqual(["'Ops KPIs'!B2:C3", "'Ops KPIs'!A1"]);

    // Selecting what is already selected moves nothing, so nothing is raised.
    sim.select('Ops KPIs', 'A1');
    await settle();
    expect(seen).toHaveLength(2);

    // A handler is removed in the context it was added with, as Office's documentation does it.
    registration!.remove();
    await registration!.context.sync();
    await settle();
    expect(sim.events.count('documentSelectionChanged')).toBe(0);
    sim.select('Ops KPIs', 'C3');
    await settle();
    expect(seen).toHaveLength(2);
  });

  it("raises one event for an add-in's activate and select in one sync", async () => {
    const { Excel } = openKpiWorkbook();
    const counter = await countEvents(Excel);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.activate();
      sheet.getRange('C2:C3').select();
      await ctx.sync();
    });
    await settle();
    expect(counter.events).toBe(1);
  });

  it("follows the user's clicks in the pane's platform (excelSelection)", async () => {
    const { Excel, sim } = openKpiWorkbook();
    const run = Excel.run.bind(Excel);
    const selection = excelSelection(run, true);
    const seen: unknown[] = [];
    const stop = selection.onChange((range) => seen.push(range));
    expect(stop).not.toBeNull();
    await settle();
    sim.select('Ops KPIs', 'B2:C2');
    await settle();
    expect(seen).toEqual([{ sheet: 'Ops KPIs', address: 'B2:C2' }]);
    stop!();
    await settle();
    sim.select('Ops KPIs', 'B3');
    await settle();
    expect(seen).toHaveLength(1);
  });

  it('refuses a selection on a sheet or address that does not exist', () => {
    const { sim } = openKpiWorkbook();
    expect(() => sim.select('Missing', 'A1')).toThrow("There is no sheet 'Missing'.");
    expect(() => sim.select('Ops KPIs', 'not an address')).toThrow('is not a range address');
  });

  it('forgets the registrations of a page that went away', async () => {
    const { Excel, sim, detach } = openKpiWorkbook();
    const counter = await countEvents(Excel);
    detach();
    expect(sim.events.count('documentSelectionChanged')).toBe(0);
    sim.select('Ops KPIs', 'B3');
    await settle();
    expect(counter.events).toBe(0);
  });
});
