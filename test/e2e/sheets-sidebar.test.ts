/**
 * The four jobs end to end in the Google Sheets sidebar, in headless Chromium:
 * the built `appsscript/dist/Sidebar.html` at the sidebar's 300 px, its
 * `google.script.run` bridged to the Apps Script fake running the built
 * `Code.js` over the demo's monthly pack (imported as Sheets imports an
 * .xlsx), and the store `plumbline demo` serves on 24 November 2026 (October
 * is the month due). The store runs in its own process: UrlFetchApp blocks, as
 * in Apps Script. Each menu item opens the sidebar as Sheets does (the page
 * that `showSidebar` got); each step is one test, in order; every screen is
 * checked with axe-core and kept as a screenshot (`sheets-*.png`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TREND_TITLE } from '../../src/core/summary-trends';
import { SIDEBAR_WIDTH } from '../../src/sim/apps-script/html';
import type { FakeSheet } from '../../src/sim/apps-script/sheet';
import { startCli, type RunningCli } from '../cli/run-cli';
import { openXlsxInSheets, type LoadedAddOn } from '../hosts/sheets/load-addon';
import { NOW } from '../store/api/test-server';
import { launchChromium } from './chromium';
import { axeProblems, SCREENSHOTS, sidewaysScroll } from './checks';
import { eventually } from './workbench-driver';

jest.setTimeout(180_000);

/** Where the test serves the sidebar's page (Sheets serves it from a sandbox origin of its own). */
const SIDEBAR_URL = 'https://sidebar.plumbline.test/userCodeAppPanel';
const SHEET = 'Ops KPIs';
const POINTS = 'Percent typed as points (74 = 74%)';

/**
 * `google.script.run` as Google's sidebar wrapper gives it to the page: each call
 * goes to the test (an exposed function), which runs it through the fake's own
 * `google.script.run` (the legal-values rule, one execution per call) and answers
 * through the handlers, asynchronously.
 */
const SCRIPT_RUN_SHIM = `(() => {
  const make = (success, failure, userObject) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (h) => make(h, failure, userObject);
      if (prop === 'withFailureHandler') return (h) => make(success, h, userObject);
      if (prop === 'withUserObject') return (o) => make(success, failure, o);
      return (...args) => {
        window.__plumblineScriptRun(prop, args).then((answer) =>
          answer.ok ? success && success(answer.value, userObject) : failure && failure(new Error(answer.message), userObject));
      };
    },
  });
  window.google = { script: { run: make() } };
})();`;

type Answer = { ok: true; value: unknown } | { ok: false; message: string };
type Handlers = {
  withSuccessHandler(h: (v: unknown) => void): Handlers;
  withFailureHandler(h: (e: Error) => void): Handlers;
} & Record<string, (...args: unknown[]) => void>;

describe('the Sheets sidebar, end to end', () => {
  const data = mkdtempSync(join(tmpdir(), 'plumbline-sheets-e2e-'));
  let demo: RunningCli;
  let addOn: LoadedAddOn;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let tokens: Record<string, string>;

  const sheet = (): FakeSheet => addOn.project.spreadsheet.getSheetByName(SHEET)!;

  beforeAll(async () => {
    demo = await startCli(
      ['demo', '--port', '0', '--data', data],
      { PLUMBLINE_DEMO_TODAY: NOW.toISOString().slice(0, 10) },
      /Try:/,
    );
    tokens = Object.fromEntries(
      [...demo.output.matchAll(/^\s+(\w+)\s+\w+\s+(pl_\S+)/gm)].map((m) => [m[1]!, m[2]!]),
    );
    addOn = await openXlsxInSheets(new Uint8Array(readFileSync(join(data, 'workbooks', 'ops-monthly.xlsx'))));
    addOn.project.run('onOpen');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 900 } });
    await page.clock.setSystemTime(NOW);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const run = addOn.project.scriptRun() as unknown as Handlers;
    await page.exposeFunction(
      '__plumblineScriptRun',
      (name: string, args: unknown[]) =>
        new Promise<Answer>((resolve) =>
          run
            .withSuccessHandler((value) => resolve({ ok: true, value }))
            .withFailureHandler((e) => resolve({ ok: false, message: e.message }))[name]!(...args),
        ),
    );
    await page.addInitScript(SCRIPT_RUN_SHIM);
    await page.route(SIDEBAR_URL, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: addOn.project.ui.sidebar!.html }),
    );
    // Nothing but the page itself: everything else goes through google.script.run.
    await page.route(/^(?!https:\/\/sidebar\.plumbline\.test\/)/, (route) => route.abort('blockedbyclient'));
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  /** Extensions › Plumbline › `item`, as the user clicks it: the menu's function runs, and the sidebar opens. */
  async function menu(item: string): Promise<void> {
    const entry = addOn.project.ui.menus
      .flatMap((m) => m.items)
      .find((i) => i !== 'separator' && i.caption === item);
    if (!entry || entry === 'separator') throw new Error(`no menu item ${item}`);
    addOn.project.run(entry.functionName);
    expect(addOn.project.ui.sidebar?.width).toBe(SIDEBAR_WIDTH);
    await page.goto(SIDEBAR_URL);
  }

  /** Checks the screen (axe-core, no sideways scroll at 300 px) and keeps its screenshot. */
  async function checkScreen(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, `sheets-${name}.png`), fullPage: true });
    const problems = await axeProblems(page, []);
    const sideways = await sidewaysScroll(page);
    if (sideways) problems.push(sideways);
    expect({ screen: name, problems }).toEqual({ screen: name, problems: [] });
  }

  async function signInAs(persona: string): Promise<void> {
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.or(page.getByRole('button', { name: 'Try it on sample data' })).waitFor();
    if (await signOut.isVisible()) await signOut.click();
    const address = page.getByLabel('Store address');
    if ((await address.inputValue()) === '') await address.fill(demo.url);
    await page.getByRole('button', { name: 'Try it on sample data' }).click();
    await page.getByRole('button', { name: new RegExp(`^${persona}`) }).click();
    await signOut.waitFor();
  }

  /** The user selects `range` in the sheet; the sidebar is told nothing until asked (Sheets sends no event). */
  function select(range: string): void {
    const book = addOn.project.spreadsheet;
    book.setActiveSheet(sheet());
    book.setActiveRange(sheet().getRange(range));
  }

  async function linkSelection(
    range: string,
    kpis: string[],
    options: { header?: string; scale?: string } = {},
  ) {
    select(range);
    await page.getByRole('button', { name: 'Use the selected range' }).click();
    await eventually(async () =>
      expect(await page.getByLabel('Values', { exact: true }).inputValue()).toBe(range),
    );
    if (options.header) await page.getByLabel('Period header').fill(options.header);
    for (const [i, name] of kpis.entries()) {
      const choice = page.getByLabel(new RegExp(`^KPI for row ${i + 1}`));
      await eventually(async () =>
        expect(await choice.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '')).toContain(
          name,
        ),
      );
    }
    if (options.scale) await page.getByLabel('The sheet shows values').selectOption({ label: options.scale });
    await page.getByRole('button', { name: /^Link \d+ KPIs?$/ }).click();
    await page.getByText(new RegExp(`Linked ${SHEET}!${range}`)).waitFor();
  }

  async function readings(kpiId: string, period: string): Promise<{ value: number; revision: number }[]> {
    const res = await fetch(`${demo.url}/v1/readings?kpiId=${kpiId}&period=${period}`, {
      headers: { authorization: `Bearer ${tokens.leo}` },
    });
    return ((await res.json()) as { readings: { value: number; revision: number }[] }).readings;
  }

  test('the add-on menu opens the sidebar, which finds the sample organisation through the add-on', async () => {
    expect(
      addOn.project.ui.menus.flatMap((m) => m.items.map((i) => (i === 'separator' ? i : i.caption))),
    ).toEqual(['Open Plumbline', 'Reconcile', 'Summary']);
    await menu('Open Plumbline');
    await page.getByRole('heading', { name: 'One version of your KPIs' }).waitFor();
    await page.getByLabel('Store address').fill(demo.url);
    await page.getByRole('button', { name: 'Try it on sample data' }).click();
    await page.getByRole('button', { name: /^Ana/ }).waitFor();
    await checkScreen('01-sign-in');
  });

  test('the analyst links the monthly pack: named ranges and the hidden _plumbline sheet, as in Excel', async () => {
    await page.getByRole('button', { name: /^Ana/ }).click();
    await page.getByRole('tab', { name: 'Link' }).click();
    await linkSelection('C5:N7', [
      'Claims turnaround time',
      'Manual intervention rate',
      'Claims handling FTE',
    ]);
    await linkSelection('C8:N8', ['First-contact resolution'], { header: 'C4:N4', scale: POINTS });
    await linkSelection('C9:N9', ['Claims platform uptime'], { header: 'C4:N4' });
    await page.getByRole('heading', { name: 'Links in this workbook (3)' }).waitFor();

    const book = addOn.project.spreadsheet;
    const named = book
      .getNamedRanges()
      .filter((n) => n.getName().startsWith('PL_') && !n.getName().startsWith('PL_ID'))
      .map((n) => n.getRange().getA1Notation())
      .sort();
    expect(named).toEqual(['C4:N4', 'C4:N4', 'C4:N4', 'C5:N7', 'C8:N8', 'C9:N9']);
    expect(book.getSheetByName('_plumbline')?.isSheetHidden()).toBe(true);
    const { id } = await addOn.host.workbookInfo();
    const res = await fetch(`${demo.url}/v1/links`, { headers: { authorization: `Bearer ${tokens.ana}` } });
    const { links } = (await res.json()) as {
      links: { workbookId: string; address: string; scale: number }[];
    };
    expect(
      links
        .filter((l) => l.workbookId === id)
        .map((l) => [l.address, l.scale])
        .sort(),
    ).toEqual([
      ['C5:N7', 1],
      ['C8:N8', 0.01],
      ['C9:N9', 1],
    ]);
    await checkScreen('02-linked');
  });

  test('the owner submits the month due from its linked cell, and it is due no more', async () => {
    await signInAs('Sam');
    await page.getByRole('tab', { name: 'Submit' }).click();
    const fcr = page
      .getByRole('list', { name: 'KPIs due' })
      .getByRole('listitem', { name: 'First-contact resolution' });
    // October's FCR comes from the linked cell L8, typed in points.
    const value = fcr.getByRole('textbox', { name: /Value/ });
    await eventually(async () => expect(await value.inputValue()).not.toBe(''));
    const fromSheet = Number(await value.inputValue());
    await checkScreen('03-submit');
    await page.getByRole('button', { name: /^Review 1 reading/ }).click();
    await page.getByText(/1 reading will be sent to the store/).waitFor();
    await checkScreen('04-submit-review');
    await page.getByRole('button', { name: 'Submit 1 reading' }).click();
    await page.getByText('Stored 1 reading.').waitFor();
    // Sheets has no event stream: the pane reads what is due again itself.
    await page.getByText(/^Nothing is due/).waitFor();
    // Acknowledged, it left the outbox kept in Sam's user properties.
    await eventually(async () =>
      expect([...addOn.project.userProperties.values.keys()].filter((k) => k.includes('outbox'))).toEqual([]),
    );
    expect(await readings('service.fcr', '2026-10')).toEqual([
      expect.objectContaining({ value: fromSheet / 100, revision: 1 }),
    ]);
    await checkScreen('05-submitted');
  });

  test('a drifted cell is flagged in the sheet and listed; pulling the store value clears it', async () => {
    // Someone overwrites October's turnaround with a figure the store does not hold.
    sheet().getRange('L5').setValue(6.4);
    await signInAs('Ana');
    await page.getByRole('tab', { name: 'Reconcile' }).click();
    await page.getByRole('button', { name: 'Reconcile', exact: true }).click();
    const outcome = page.getByText(/linked cells in \d+ links?: \d+ differs? from the store/);
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/ in 3 links: 1 differs? from the store/);
    // The flag is a conditional format rule of the sheet, over the drifted cell.
    const flagged = () =>
      sheet()
        .getConditionalFormatRules()
        .flatMap((r) => r.getRanges().map((range) => range.getA1Notation()));
    expect(flagged()).toContain('L5');
    await checkScreen('06-reconciled');

    await page.getByRole('button', { name: `Use store value in ${SHEET}!L5` }).click();
    await page.getByText(`${SHEET}!L5 now holds the canonical value.`).waitFor();
    const canonical = (await readings('claims.turnaround_days', '2026-10')).at(-1)!.value;
    expect(sheet().getRange('L5').getValues()).toEqual([[canonical]]);
    await eventually(async () => expect(flagged()).not.toContain('L5'));
    await checkScreen('07-pulled');
  });

  test('Summary in the menu opens the sidebar on the summary, which writes the summary sheet', async () => {
    await menu('Summary');
    await page.getByRole('tab', { name: 'Summary', selected: true }).waitFor();
    await signInAs('Leo');
    await page.getByRole('heading', { name: 'Summary as of 2026-11-24' }).waitFor();
    await page.getByRole('list', { name: 'KPIs by pillar and program' }).waitFor();
    await checkScreen('08-summary');
    await page.getByRole('button', { name: 'Write summary sheet' }).click();
    await page.getByText(/sheet is up to date; your other sheets are unchanged/).waitFor();
    const summary = addOn.project.spreadsheet.getSheetByName('Plumbline Summary');
    expect(String(summary?.getRange('A1').getValues()[0]![0])).toMatch(/Plumbline/);
    // The turnaround is at risk: its trend is charted, as in Excel.
    expect(summary!.getCharts().map((c) => c.getOptions().get('title'))).toEqual([TREND_TITLE]);
    await checkScreen('09-summary-sheet');
  });
});
