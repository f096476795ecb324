/**
 * The four jobs end to end, in headless Chromium, on the built workbench served
 * by a real store: the pane in its frame on Microsoft's Excel library over the
 * simulated workbook, the store over HTTP (SQLite), both clocks pinned to
 * 24 November 2026 (October is the month due). Each step is one test, in order;
 * every screen is checked with axe-core and kept as screenshots.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { seedPackTruth } from '../fixtures/pack-truth';
import { NOW, startTestServer, type TestServer } from '../store/api/test-server';
import { launchChromium } from './chromium';
import { checkScreen } from './checks';
import {
  cellText,
  clickSelect,
  eventually,
  flaggedCells,
  openSample,
  openWorkbench,
  pane,
  signInAs,
  typeSelect,
} from './workbench-driver';

jest.setTimeout(120_000);

const WEB_ROOT = join(__dirname, '../../dist/web');
const OLIVIAS_OCTOBER = ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'];
/** The Link panel's scale for FCR, which the pack types in percent points (71.5 = 71.5%). */
const POINTS = 'Percent typed as points (74 = 74%)';

describe('the workbench, end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'workbench.html'))) {
      throw new Error(`The built pages are missing in ${WEB_ROOT}: run npm run build first.`);
    }
    server = await startTestServer('sqlite', { webRoot: WEB_ROOT, personas: true });
    // Every owner has reported everything but Olivia's October, which is due.
    await seedPackTruth(server, (r) => !(OLIVIAS_OCTOBER.includes(r.kpiId) && r.period === '2026-10'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.clock.setSystemTime(NOW);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  async function readings(kpiId: string, period: string): Promise<{ value: number; revision: number }[]> {
    const res = await server.request('GET', `/v1/readings?kpiId=${kpiId}&period=${period}`, { as: 'leo' });
    return res.body.readings;
  }

  /** Links one range of the open workbook through the Link panel, as an analyst does. */
  async function linkThroughPanel(
    range: string,
    expectedKpis: string[],
    options: { header?: string; scale?: string } = {},
  ): Promise<void> {
    const frame = pane(page);
    await clickSelect(page, range);
    // The pane follows the selection (Excel's selection event), reads the header and suggests KPIs.
    await eventually(async () =>
      expect(await frame.getByLabel('Values', { exact: true }).inputValue()).toBe(range),
    );
    // The pane guesses the row just above as the header; below the block, the analyst points it at row 4.
    if (options.header) await frame.getByLabel('Period header').fill(options.header);
    for (const [i, name] of expectedKpis.entries()) {
      const select = frame.getByLabel(new RegExp(`^KPI for row ${i + 1}`));
      await eventually(async () =>
        expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '')).toContain(
          name,
        ),
      );
    }
    if (options.scale)
      await frame.getByLabel('The sheet shows values').selectOption({ label: options.scale });
    const link = frame.getByRole('button', { name: /^Link \d+ KPIs?$/ });
    await link.click();
    await frame.getByText(new RegExp(`Linked Ops KPIs!${range}`)).waitFor();
  }

  /** The three ranges of the monthly pack: a block of three KPIs, FCR typed in points, uptime. */
  async function linkMonthlyPack(): Promise<void> {
    await pane(page).getByRole('tab', { name: 'Link' }).click();
    await linkThroughPanel('C5:N7', [
      'Claims turnaround time',
      'Manual intervention rate',
      'Claims handling FTE',
    ]);
    await linkThroughPanel('C8:N8', ['First-contact resolution'], { header: 'C4:N4', scale: POINTS });
    await linkThroughPanel('C9:N9', ['Claims platform uptime'], { header: 'C4:N4' });
  }

  test('first run: the pane explains itself and offers the sample organisation', async () => {
    await openWorkbench(page, server.url, 'ops-monthly.xlsx');
    const frame = pane(page);
    await frame.getByRole('heading', { name: 'One version of your KPIs' }).waitFor();
    await expect(frame.getByLabel('Store address').inputValue()).resolves.toBe(server.url);
    await frame.getByRole('button', { name: 'Try it on sample data' }).click();
    await frame.getByRole('button', { name: /^Ana/ }).waitFor();
    await checkScreen(page, '01-sign-in');
  });

  test('the grid selects from the keyboard as Excel does', async () => {
    await clickSelect(page, 'C5');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await eventually(async () => expect(await page.getByLabel(/^Name box/).inputValue()).toBe('C5:D6'));
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await page.getByLabel(/^Name box/).inputValue()).toBe('C6'));
  });

  test('the analyst links the monthly pack through the Link panel', async () => {
    await pane(page).getByRole('button', { name: /^Ana/ }).click();
    await linkMonthlyPack();
    await pane(page).getByRole('heading', { name: 'Links in this workbook (3)' }).waitFor();
    const links = await server.request('GET', '/v1/links', { as: 'ana' });
    expect(
      links.body.links
        .map((l: { address: string; kpiIds: string[]; scale: number }) => [l.address, l.kpiIds, l.scale])
        .sort(),
    ).toEqual([
      ['C5:N7', ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'], 1],
      ['C8:N8', ['service.fcr'], 0.01],
      ['C9:N9', ['platform.uptime'], 1],
    ]);
    await checkScreen(page, '02-linked');
  });

  test('the linked workbook downloads as .xlsx and opens again with its links', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ops-monthly.xlsx');
    const file = join(mkdtempSync(join(tmpdir(), 'plumbline-e2e-')), 'ops-monthly.xlsx');
    await download.saveAs(file);
    // The saved-workbook host reads what the browser wrote: each link's values and header names, the hidden sheet.
    const saved = await readWorkbook(new Uint8Array(readFileSync(file)));
    expect(
      saved.names
        .filter((n) => n.name.startsWith('PL_'))
        .map((n) => n.address)
        .sort(),
    ).toEqual(['C4:N4', 'C4:N4', 'C4:N4', 'C5:N7', 'C8:N8', 'C9:N9']);
    expect(saved.sheets.find((sh) => sh.name === '_plumbline')?.visibility).toBe('veryHidden');

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Opened ops-monthly.xlsx.').waitFor();
    await pane(page).getByRole('heading', { name: 'Links in this workbook (3)' }).waitFor();
  });

  test('the owner submits the month due, with a remediation plan where one is needed', async () => {
    await signInAs(page, 'Olivia');
    const frame = pane(page);
    await frame.getByRole('tab', { name: 'Submit' }).click();
    const due = frame.getByRole('list', { name: 'KPIs due' });
    const turnaround = due.getByRole('listitem', { name: 'Claims turnaround time' });
    // October's value comes from the linked cell L5.
    await expect(turnaround.getByRole('textbox', { name: /Value/ }).inputValue()).resolves.toBe('6.7');
    // Q3's cost per claim is in no linked cell: Olivia types it; at 126.4 it is at risk and needs a plan.
    const cost = due.getByRole('listitem', { name: 'Cost per claim' });
    await cost.getByRole('checkbox').check();
    await cost.getByRole('textbox', { name: /Value/ }).fill('126.4');
    await cost.getByText('At risk', { exact: true }).waitFor();
    await frame.getByText('1 KPI needs attention before review.').waitFor();
    await checkScreen(page, '03-submit-needs-plan');
    await cost
      .getByRole('textbox', { name: /Remediation plan/ })
      .fill('Renegotiate the adjusters’ framework contract by January; weekly cost review until then.');
    await frame.getByRole('button', { name: 'Review 4 readings' }).click();
    await frame.getByText('4 readings will be sent to the store').waitFor();
    await checkScreen(page, '04-submit-review');
    await frame.getByRole('button', { name: 'Submit 4 readings' }).click();
    await frame.getByText('Stored 4 readings.').waitFor();
    for (const kpiId of OLIVIAS_OCTOBER) expect(await readings(kpiId, '2026-10')).toHaveLength(1);
    expect(await readings('claims.cost_per_claim', '2026-Q3')).toEqual([
      expect.objectContaining({ value: 126.4, revision: 1, remediation: expect.stringMatching(/framework/) }),
    ]);
    await checkScreen(page, '05-submitted');
  });

  test('a regional copy is reconciled: exactly its drifted cells are flagged, and one is pulled', async () => {
    await openSample(page, 'ops-monthly-north.xlsx');
    await signInAs(page, 'Ana');
    await linkMonthlyPack();

    const frame = pane(page);
    await frame.getByRole('tab', { name: 'Reconcile' }).click();
    await frame.getByRole('button', { name: 'Reconcile', exact: true }).click();
    const outcome = frame.getByText(/linked cells in \d+ links?: \d+ differ from the store/);
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/ in 3 links: 2 differ from the store/);
    // The north copy's October turnaround (6.4, the store says 6.7) and June FCR (74.0, 73.8) differ;
    // its September FTE reads "n/a", which is not a number to flag but is listed.
    await eventually(async () => expect(await flaggedCells(page)).toEqual(['H8', 'L5']));
    const listed = await frame
      .getByRole('button', { name: /^Go to / })
      .evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('aria-label')!.replace('Go to cell Ops KPIs!', '')),
      );
    expect(listed).toEqual(expect.arrayContaining(['H8', 'L5', 'K7']));
    await checkScreen(page, '06-reconciled');

    await frame.getByRole('button', { name: 'Go to cell Ops KPIs!L5' }).click();
    await eventually(async () => expect(await page.getByLabel(/^Name box/).inputValue()).toBe('L5'));
    await frame.getByRole('button', { name: 'Use store value in Ops KPIs!L5' }).click();
    await frame.getByText('Ops KPIs!L5 now holds the canonical value.').waitFor();
    await eventually(async () => expect(await cellText(page, 'L5')).toBe('6.7'));
    await eventually(async () => expect(await flaggedCells(page)).toEqual(['H8']));
    await checkScreen(page, '07-pulled');
  });

  test('the leader opens the summary and writes the summary sheet', async () => {
    await signInAs(page, 'Leo');
    const frame = pane(page);
    await frame.getByRole('tab', { name: 'Summary' }).click();
    await frame.getByRole('heading', { name: 'Summary as of 2026-11-24' }).waitFor();
    await frame.getByRole('list', { name: 'KPIs by pillar and program' }).waitFor();
    await checkScreen(page, '08-summary');
    await frame.getByRole('button', { name: 'Write summary sheet' }).click();
    await frame.getByText(/sheet is up to date; your other sheets are unchanged/).waitFor();
    await page.getByRole('tab', { name: 'Plumbline Summary' }).click();
    await eventually(async () => expect(await cellText(page, 'A1')).toMatch(/Plumbline/));
    await typeSelect(page, 'A1');
    await checkScreen(page, '09-summary-sheet');
  });

  test('the store goes away mid-submit; after a reload of the pane the submission is sent once', async () => {
    await page.getByRole('tab', { name: 'Ops KPIs' }).click();
    await signInAs(page, 'Sam');
    const frame = pane(page);
    await frame.getByRole('tab', { name: 'Submit' }).click();
    const nps = frame.getByRole('list', { name: 'KPIs due' }).getByRole('listitem', { name: 'Customer NPS' });
    await nps.getByRole('checkbox').check();
    await nps.getByRole('textbox', { name: /Value/ }).fill('36');
    await frame.getByRole('button', { name: 'Review 1 reading' }).click();

    // The request reaches the store and is stored, but the answer never comes back.
    await page.route('**/v1/readings', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await frame.getByRole('button', { name: 'Submit 1 reading' }).click();
    await frame.getByText('Waiting to reach the store').waitFor();
    await checkScreen(page, '10-store-away');

    // The store is back; the user reloads the pane (Excel's "Reload" of a task pane).
    await page.unroute('**/v1/readings');
    await page.getByRole('button', { name: 'Reload pane' }).click();
    await pane(page).getByRole('tab', { name: 'Submit' }).click();
    await pane(page).getByText('Stored 1 reading.').waitFor();
    await expect(pane(page).getByText('Waiting to reach the store').count()).resolves.toBe(0);
    expect(await readings('service.nps', '2026-Q3')).toEqual([
      expect.objectContaining({ value: 36, revision: 1 }),
    ]);
    await checkScreen(page, '11-sent-once');
  });
});
