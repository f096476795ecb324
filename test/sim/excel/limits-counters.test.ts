import type { OfficeExtensionError } from '../../../src/hosts/excel/excel-types';
import { EXCEL_WEB_PAYLOAD_LIMIT } from '../../../src/sim/excel/excel-simulator';
import { openKpiWorkbook } from './fixtures';

/** A block whose JSON is about `bytes` long: rows of 10 strings of 100 characters. */
function blockOf(bytes: number): string[][] {
  const cell = 'x'.repeat(100);
  const rows = Math.ceil(bytes / (10 * 103));
  return Array.from({ length: rows }, () => Array<string>(10).fill(cell));
}

describe('the simulated Excel: one request per sync, payload limits, counters', () => {
  it('sends one request per context.sync() that has work, and none for an empty one', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      for (let i = 0; i < 5; i++) {
        sheet.getRange(`E${i + 1}`).values = [[i]];
        await ctx.sync();
      }
      await ctx.sync();
    });
    expect(sim.counters.syncs).toBe(5);
  });

  it('releases every kept reference when Excel.run ends, in one more round trip', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1');
      range.load('values');
      await ctx.sync();
      range.values = [['x']];
      await ctx.sync();
    });
    expect(sim.counters).toMatchObject({ syncs: 2, cleanupRoundTrips: 1, roundTrips: 3 });
    expect(sim.references.size).toBe(0);
  });

  it('counts request and response bytes, and resets', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1:C3').load('values');
      await ctx.sync();
    });
    const { requestBytes, responseBytes, largestResponseBytes } = sim.counters;
    expect(requestBytes).toBeGreaterThan(200);
    expect(responseBytes).toBeGreaterThan(100);
    expect(largestResponseBytes).toBeLessThanOrEqual(responseBytes);
    sim.resetCounters();
    expect(sim.counters).toMatchObject({ roundTrips: 0, requestBytes: 0, responseBytes: 0 });
  });

  it('refuses a request over 5 MB: the library raises RequestPayloadSizeLimitExceeded and nothing is written', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const values = blockOf(EXCEL_WEB_PAYLOAD_LIMIT + 100_000);
    const error = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Notes').getRange(`A1:J${values.length}`).values = values;
      await ctx.sync();
    }).then(
      () => undefined,
      (e: OfficeExtensionError) => e,
    );
    expect(error?.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.counters.rejectedRequests).toBe(1);
    expect(sim.counters.largestRequestBytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(sim.workbook.findSheet('Notes')!.get(0, 0)?.value).toBe('x');
  });

  it('accepts the same data in requests under the limit', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const values = blockOf(EXCEL_WEB_PAYLOAD_LIMIT + 100_000);
    const half = Math.ceil(values.length / 2);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Notes');
      sheet.getRange(`A1:J${half}`).values = values.slice(0, half);
      await ctx.sync();
      sheet.getRange(`A${half + 1}:J${values.length}`).values = values.slice(half);
      await ctx.sync();
    });
    expect(sim.counters.rejectedRequests).toBe(0);
    expect(sim.workbook.findSheet('Notes')!.get(values.length - 1, 9)?.value).toBe('x'.repeat(100));
  });

  it('refuses a response over 5 MB: the library raises ResponsePayloadSizeLimitExceeded', async () => {
    const { Excel } = openKpiWorkbook();
    const values = blockOf(3_000_000);
    const error = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Notes');
      sheet.getRange(`A1:J${values.length}`).values = values;
      await ctx.sync();
      sheet.getRange(`L1:U${values.length}`).values = values;
      await ctx.sync();
      sheet.getRange(`A1:U${values.length}`).load('values');
      await ctx.sync();
    }).then(
      () => undefined,
      (e: OfficeExtensionError) => e,
    );
    expect(error?.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('refuses to load the values of a whole sheet, as no response could carry them', async () => {
    const { Excel } = openKpiWorkbook();
    const error = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ops KPIs').getRange().load('values');
      await ctx.sync();
    }).then(
      () => undefined,
      (e: OfficeExtensionError) => e,
    );
    expect(error?.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});
