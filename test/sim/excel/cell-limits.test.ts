/**
 * What Excel refuses to put in a cell: text over 32,767 characters, and a
 * number that is not finite. The whole assignment is refused, so the range
 * stays as it was.
 */
import { MAX_CELL_TEXT } from '../../../src/core/excel-limits';
import type { ResponseBody } from '../../../src/sim/excel/protocol';
import { openKpiWorkbook } from './fixtures';

describe('the simulated Excel: what a cell cannot hold', () => {
  it('refuses text over 32,767 characters with InvalidArgument and leaves the range alone', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Ops KPIs').getRange('B2:C2').values = [
          ['short', 'x'.repeat(MAX_CELL_TEXT + 1)],
        ];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const sheet = sim.workbook.findSheet('Ops KPIs')!;
    expect([sheet.get(1, 1)?.value, sheet.get(1, 2)?.value]).toEqual([0.91, 0.93]);
  });

  it('takes exactly 32,767 characters, a protecting apostrophe not counted', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const text = 'y'.repeat(MAX_CELL_TEXT);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
      sheet.getRange('B2').values = [[text]];
      sheet.getRange('C2').values = [[`'${text}`]];
      await ctx.sync();
    });
    const sheet = sim.workbook.findSheet('Ops KPIs')!;
    expect(sheet.get(1, 1)?.value).toBe(text);
    expect(sheet.get(1, 2)?.value).toBe(text);
  });

  it('refuses a number that is not finite with InvalidArgument', async () => {
    // The library sends JSON, where `1e999` is the one way a request carries an infinite number.
    const bodies: string[] = [];
    const { Excel, sim } = openKpiWorkbook({ onRequest: (body) => bodies.push(body) });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ops KPIs').getRange('B2').values = [['__placeholder__']];
      await ctx.sync();
    });
    const request = bodies[0]!.replace('"__placeholder__"', '1e999');
    const result = sim.handle(request);
    if (result.status !== 'succeeded') throw new Error('expected an answer');
    const body = JSON.parse(result.value.data[2]) as ResponseBody;
    expect(body.Error?.Code).toBe('InvalidArgument');
    expect(sim.workbook.findSheet('Ops KPIs')!.get(1, 1)?.value).toBe('__placeholder__');
  });

  it('gets NaN and Infinity from the library as null, which leaves a cell as it is', async () => {
    // So Excel never sees them, and only a host's own check (src/hosts/port-checks.ts) can refuse them.
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ops KPIs').getRange('B2:C2').values = [[Number.NaN, Infinity]];
      await ctx.sync();
    });
    const sheet = sim.workbook.findSheet('Ops KPIs')!;
    expect([sheet.get(1, 1)?.value, sheet.get(1, 2)?.value]).toEqual([0.91, 0.93]);
  });
});
