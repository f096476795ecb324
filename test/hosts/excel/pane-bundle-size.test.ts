/**
 * The pane's JavaScript is a budget (issue 8: ≤ 200 KB gzipped), checked on
 * the bundle `npm run build` made (`npm test` builds first): a size, not a
 * timing, so it belongs in the tests. What each library adds is weighed in the
 * README's note on the pane's bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const BUNDLE = join(__dirname, '../../../dist/web/taskpane.js');

test('the task pane bundle stays within 200 KB gzipped', () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build (npm test does) first.`);
  const size = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(BUDGET);
});
