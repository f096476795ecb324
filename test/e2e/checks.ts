/**
 * What every screen of the end-to-end story is checked for: axe-core finds no
 * serious or critical violation (in the workbench page and in the pane's
 * frame), the pane does not scroll sideways at its width, and a screenshot of
 * the workbench and of the pane is kept in test-artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '../../test-artifacts/screenshots');
const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Fluent's focus manager (Tabster) puts an aria-hidden, focusable `<i data-tabster-dummy>` at each
 * end of a TabList so arrow keys can cycle; focusing one moves focus on at once. Fluent closed
 * the report as by design (microsoft/fluentui#27517) and Accessibility Insights suppresses exactly
 * these nodes for this rule (microsoft/accessibility-insights-web#7605); so do we, and only them.
 */
function isTabsterDummy(violation: AxeViolation, node: AxeViolation['nodes'][number]): boolean {
  return violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');
}

/** axe-core's serious and critical violations in one document, as readable lines. */
export async function axeProblems(target: Page | Frame, exclude: string[]): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ path: AXE });
  const violations = (await target.evaluate(
    `axe.run({ exclude: ${JSON.stringify(exclude.map((e) => [e]))} }, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** How far a document scrolls sideways at its width, as a problem, or null when it does not. */
export async function sidewaysScroll(target: Page | Frame): Promise<string | null> {
  const [scroll, width] = await target.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  return scroll! > width! ? `scrolls sideways by ${scroll! - width!} px at ${width} px` : null;
}

/** The pane's frame in the workbench. */
export function paneFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('workbench-pane.html'));
  if (!frame) throw new Error('The workbench has no pane frame.');
  return frame;
}

/** Checks the screen as it is now and keeps its screenshots as `<name>-workbench.png` and `<name>-pane.png`. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let transitions and the grid's redraw after the pane's last request settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-workbench.png`) });
  await page.locator('iframe[title="Plumbline task pane"]').screenshot({
    path: join(SCREENSHOTS, `${name}-pane.png`),
  });
  const pane = paneFrame(page);
  const problems = [
    ...(await axeProblems(page, ['iframe'])).map((p) => `workbench: ${p}`),
    ...(await axeProblems(pane, [])).map((p) => `pane: ${p}`),
  ];
  const sideways = await sidewaysScroll(pane);
  if (sideways) problems.push(`pane: ${sideways}`);
  expect({ screen: name, problems }).toEqual({ screen: name, problems: [] });
}
