/**
 * The workbench as a user drives it: open a sample, select cells in the grid
 * with the mouse or the name box, and work in the pane's frame.
 */
import { cellA1, parseA1 } from '../../src/core/a1';
import type { FrameLocator, Page } from 'playwright-core';

/** The pane at Excel's narrowest default width, where a layout breaks first. */
export const PANE_WIDTH = 320;

export function pane(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Plumbline task pane"]');
}

/** Opens the workbench on a sample and waits until the grid and the pane are up. */
export async function openWorkbench(page: Page, storeUrl: string, sample: string): Promise<void> {
  await page.goto(`${storeUrl}/workbench.html?sample=${sample}&paneWidth=${PANE_WIDTH}`);
  await page.getByText(`Opened ${sample}.`).waitFor();
  await pane(page).locator('main, [role="tablist"]').first().waitFor();
}

/** Opens another sample from the toolbar: a new pane starts for it, as in Excel. */
export async function openSample(page: Page, sample: string): Promise<void> {
  await page.getByLabel('Sample workbook').selectOption(sample);
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByText(`Opened ${sample}.`).waitFor();
}

/** Signs in through "Try it on sample data", as `persona` (signing out whoever was signed in). */
export async function signInAs(page: Page, persona: string): Promise<void> {
  const frame = pane(page);
  const signOut = frame.getByRole('button', { name: 'Sign out' });
  // A pane that has just (re)loaded shows one or the other once it knows whether it has a session.
  await signOut.or(frame.getByRole('button', { name: 'Try it on sample data' })).waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await frame.getByRole('button', { name: 'Try it on sample data' }).click();
  await frame.getByRole('button', { name: new RegExp(`^${persona}`) }).click();
  await frame.getByRole('button', { name: 'Sign out' }).waitFor();
}

function cell(page: Page, a1: string) {
  const rect = parseA1(a1);
  if (!rect) throw new Error(`not a cell: ${a1}`);
  return page.locator(`td[data-cell="${rect.top}:${rect.left}"]`);
}

/** Selects a range with the mouse: a click on its first cell, a shift-click on its last. */
export async function clickSelect(page: Page, range: string): Promise<void> {
  const [first, last = first] = range.split(':') as [string, string?];
  await cell(page, first).click();
  if (last !== first) await cell(page, last!).click({ modifiers: ['Shift'] });
  await page
    .getByLabel(/^Name box/)
    .and(page.locator(`[value="${range}"]`))
    .waitFor();
}

/** Selects a range by typing its address into the name box, from the keyboard. */
export async function typeSelect(page: Page, range: string): Promise<void> {
  const box = page.getByLabel(/^Name box/);
  await box.fill(range);
  await box.press('Enter');
}

export async function cellText(page: Page, a1: string): Promise<string> {
  return (await cell(page, a1).innerText()).replace(/\s*\(flagged: differs from the store\)$/, '').trim();
}

/** The cells the grid shows flagged, as A1 addresses, sorted. */
export async function flaggedCells(page: Page): Promise<string[]> {
  const keys = await page
    .locator('td.flagged')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')!));
  return keys
    .map((key) => {
      const [row, column] = key.split(':').map(Number) as [number, number];
      return cellA1(row, column);
    })
    .sort();
}

/** Retries an assertion until it holds (the page answers asynchronously), or fails with its last error. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
