/**
 * A `t="d"` cell (ISO 8601 text) reads as the same serial on every machine:
 * the reader runs in a child process under time zones either side of UTC. It
 * uses the build (`npx tsc -p tsconfig.build.json`, which `npm test` runs first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stylesXml, workbookWith } from './cell-styles';

const READER = join(__dirname, '../../../dist/hosts/xlsx/read-workbook.js');

const CELLS =
  '<row r="1"><c r="A1" t="d"><v>2024-01-15T00:00:00</v></c><c r="B1" t="d"><v>2024-01-15T09:00:00</v></c>' +
  '<c r="C1" t="d"><v>2024-01-15</v></c><c r="D1" t="d"><v>2024-01-15T09:00:00Z</v></c>' +
  '<c r="E1" t="d"><v>15 January 2024</v></c></row>';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'date-cells-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'])('under TZ=%s', async (tz) => {
  expect(existsSync(READER)).toBe(true);
  const file = join(dir, `${tz.replace('/', '-')}.xlsx`);
  writeFileSync(file, await workbookWith(CELLS, stylesXml([0])));
  const script =
    `require(${JSON.stringify(READER)}).readWorkbook(require('node:fs').readFileSync(${JSON.stringify(file)}))` +
    '.then((w) => console.log(JSON.stringify(w.sheets[0].values)))';
  const child = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  // 15 January 2024 is serial 45306; text that is not ISO 8601 stays text.
  expect(JSON.parse(child.stdout)).toEqual([[45306, 45306.375, 45306, 45306.375, '15 January 2024']]);
});
