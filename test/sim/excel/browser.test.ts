/**
 * The simulator in a real browser: Microsoft's library and the bundled
 * simulator served to a page in headless Chromium, reading and writing a range
 * through unchanged `Excel.run` code.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { excelLibraryPath } from '../../../src/sim/excel/load-library';
import { launchChromium } from '../../e2e/chromium';
import { buildBundle } from './bundle';
import { kpiWorkbook } from './fixtures';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Excel simulator</title>
<script src="/excel-web-16.00.debug.js"></script>
<script src="/simulator.js"></script>
</head><body></body></html>`;

jest.setTimeout(60_000);

describe('the simulated Excel in Chromium, through the real library', () => {
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const files: Record<string, { type: string; body: string }> = {
      '/': { type: 'text/html', body: PAGE },
      '/excel-web-16.00.debug.js': {
        type: 'text/javascript',
        body: readFileSync(excelLibraryPath(), 'utf8'),
      },
      '/simulator.js': { type: 'text/javascript', body: await buildBundle('sim-excel') },
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8` }).end(file.body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('reads and writes a range, shows its text, and reports ItemNotFound, in the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    // The script runs in the page, where Excel, OfficeExtension and PlumblineExcelSim are globals.
    const result: unknown = await page.evaluate(`(async () => {
      const sim = PlumblineExcelSim.ExcelSimulator.fromSnapshot(${JSON.stringify(kpiWorkbook())});
      sim.installOn(window);
      const read = await Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Ops KPIs');
        const range = sheet.getRange('B2:C3');
        range.load('values, address, text');
        await ctx.sync();
        sheet.getRange('D2:D3').values = [['=1+1'], ["'=1+1"]];
        const written = sheet.getRange('D2:D3');
        written.load('values, formulas');
        await ctx.sync();
        return { values: range.values, address: range.address, text: range.text, written: written.values, formulas: written.formulas };
      });
      let code = null;
      try {
        await Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Missing').load('name');
          await ctx.sync();
        });
      } catch (e) {
        code = [e instanceof OfficeExtension.Error, e.code];
      }
      return { read, code, syncs: sim.counters.syncs, stored: sim.snapshot().sheets[0].values[1] };
    })()`);
    expect(errors).toEqual([]);
    expect(result).toEqual({
      read: {
        values: [
          [0.91, 0.93],
          [120, 114],
        ],
        address: "'Ops KPIs'!B2:C3",
        // Number formats rendered by numfmt, bundled into the page.
        text: [
          ['91.0%', '93.0%'],
          ['120', '114'],
        ],
        written: [[2], ['=1+1']],
        formulas: [['=1+1'], ['=1+1']],
      },
      code: [true, 'ItemNotFound'],
      syncs: 3,
      stored: ['On-time delivery', 0.91, 0.93, 2],
    });
    await page.close();
  });
});
