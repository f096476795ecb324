import type { OfficeExtensionError } from '../../../src/hosts/excel/excel-types';
import { openKpiWorkbook } from './fixtures';

async function failure(run: Promise<unknown>): Promise<OfficeExtensionError> {
  try {
    await run;
  } catch (e) {
    return e as OfficeExtensionError;
  }
  throw new Error('expected the batch to fail');
}

describe('the simulated Excel through the real library: errors', () => {
  it('answers an unknown sheet with ItemNotFound, raised by the library as an OfficeExtension.Error', async () => {
    const { Excel, OfficeExtension } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Missing').getRange('A1');
        range.load('values');
        await ctx.sync();
      }),
    );
    expect(error).toBeInstanceOf(OfficeExtension.Error);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('ItemNotFound');
    expect(error.code).toBe(Excel.ErrorCodes.itemNotFound);
    expect(error.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
    expect(error.debugInfo.statement).toContain('worksheets.getItem');
  });

  it('answers an unknown name with ItemNotFound', async () => {
    const { Excel } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.names.getItem('PL_404').getRange().load('address');
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  it('raises PropertyNotLoaded for a property that was not loaded, without a round trip', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1:C3');
        range.load('address');
        await ctx.sync();
        return range.values;
      }),
    );
    expect(error.code).toBe('PropertyNotLoaded');
    expect(sim.counters.syncs).toBe(1);
  });

  it('answers an array of the wrong size with InvalidArgument and leaves the cells alone', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Ops KPIs').getRange('B2:C3').values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(sim.workbook.findSheet('Ops KPIs')!.get(1, 1)?.value).toBe(0.91);
  });

  it('keeps what the actions before the failing one did, as Excel does', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E1').values = [['before']];
        ctx.workbook.worksheets.add('Ops KPIs');
        ctx.workbook.worksheets.getItem('Ops KPIs').getRange('E2').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('ItemAlreadyExists');
    const sheet = sim.workbook.findSheet('Ops KPIs')!;
    expect(sheet.get(0, 4)?.value).toBe('before');
    expect(sheet.get(1, 4)).toBeUndefined();
  });

  it('refuses names Excel refuses, and sheet names it refuses', async () => {
    const { Excel } = openKpiWorkbook();
    const badName = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.names.add('A1', "='Ops KPIs'!$A$1");
        await ctx.sync();
      }),
    );
    const badSheet = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('a/b');
        await ctx.sync();
      }),
    );
    expect([badName.code, badSheet.code]).toEqual(['InvalidArgument', 'InvalidArgument']);
  });

  it('refuses worksheet.getRange for a name on another sheet, a constant name or an unknown one', async () => {
    const { Excel } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add('PL_ID', '="abc"');
      await ctx.sync();
    });
    const codes: [string, string | undefined][] = [];
    for (const [sheet, address] of [
      ['Notes', 'PL_1'],
      ['Ops KPIs', 'PL_ID'],
      ['Ops KPIs', 'PL_404'],
    ] as const) {
      const error = await failure(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange(address).load('address');
          await ctx.sync();
        }),
      );
      codes.push([error.code, error.debugInfo.errorLocation]);
    }
    expect(codes).toEqual([
      ['InvalidArgument', 'Worksheet.getRange'],
      ['InvalidArgument', 'Worksheet.getRange'],
      ['InvalidArgument', 'Worksheet.getRange'],
    ]);
  });

  it('refuses to delete a very hidden sheet, as Office.js documents, and the last visible one', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const veryHidden = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('_plumbline').visibility = 'VeryHidden';
        await ctx.sync();
        ctx.workbook.worksheets.getItem('_plumbline').delete();
        await ctx.sync();
      }),
    );
    const lastVisible = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Ops KPIs').delete();
        await ctx.sync();
      }),
    );
    expect([veryHidden.code, lastVisible.code]).toEqual(['InvalidOperation', 'InvalidOperation']);
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(['Ops KPIs', 'Notes', '_plumbline']);
    // Made visible again, it goes; a merely hidden sheet goes as it is.
    await Excel.run(async (ctx) => {
      const meta = ctx.workbook.worksheets.getItem('_plumbline');
      meta.visibility = 'Visible';
      meta.delete();
      ctx.workbook.worksheets.getItem('Notes').delete();
      await ctx.sync();
    });
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(['Ops KPIs']);
  });

  it('does nothing for methods of a null object', async () => {
    const { Excel, sim } = openKpiWorkbook();
    await Excel.run(async (ctx) => {
      ctx.workbook.names.getItemOrNullObject('PL_404').delete();
      ctx.workbook.worksheets.getItemOrNullObject('Missing').delete();
      await ctx.sync();
    });
    expect(sim.workbook.sheets).toHaveLength(2);
    expect(sim.workbook.names).toHaveLength(1);
  });

  it('answers members the simulator lacks with NotImplemented, naming them', async () => {
    const { Excel } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        // Range.merge exists in Office.js but not in the typed surface nor the simulator.
        const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1:B1') as unknown as {
          merge(): void;
        };
        range.merge();
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('NotImplemented');
    expect(error.message).toContain('Range.merge');
  });

  it('answers setting a property the simulator lacks with NotImplemented, not InvalidArgument', async () => {
    const { Excel, sim } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1');
        // RangeFont.italic is writable in Office.js; the typed surface leaves it out.
        (range.format.font as unknown as { italic: boolean }).italic = true;
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('NotImplemented');
    expect(error.message).toContain('RangeFont.italic');
    expect(sim.workbook.findSheet('Ops KPIs')!.get(0, 0)).toEqual({ value: 'KPI' });
  });

  it('answers a set() of a property the simulator lacks with NotImplemented too', async () => {
    const { Excel } = openKpiWorkbook();
    const error = await failure(
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Ops KPIs').getRange('A1') as unknown as {
          set(properties: object): void;
        };
        range.set({ format: { font: { bold: true, italic: true } } });
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('NotImplemented');
    expect(error.message).toContain('RangeFont.italic');
  });
});
