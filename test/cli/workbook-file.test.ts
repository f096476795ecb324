/**
 * Saving a workbook the CLI opened: through a symlink to the real file, with
 * the file's permissions, and never leaving a temporary file behind.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbookFile, saveWorkbookFile } from '../../src/cli/workbook-file';
import { plainWorkbook } from './hostile/hostile-workbooks';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbook-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Opens `path`, names B2:D3 `PL_saved`, and saves it through `path`. */
async function nameAndSave(path: string): Promise<void> {
  const host = await openWorkbookFile(path);
  await host.setNames([{ name: 'PL_saved', sheet: 'Ops', address: 'B2:D3' }]);
  await saveWorkbookFile(path, host);
}

const savedNames = async (path: string) =>
  (await (await openWorkbookFile(path)).listNames()).map((n) => n.name);

// Two modes: whatever the umask, a file written with the default mode differs from one of them.
test.each([
  ['600', 0o600],
  ['664', 0o664],
])('a workbook of mode %s keeps it', async (_, mode) => {
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, plainWorkbook());
  chmodSync(file, mode);
  await nameAndSave(file);
  expect(statSync(file).mode & 0o7777).toBe(mode);
  expect(await savedNames(file)).toContain('PL_saved');
  expect(readdirSync(dir)).toEqual(['book.xlsx']);
});

test('a symlink stays a symlink, and the file it points to is saved', async () => {
  mkdirSync(join(dir, 'real'));
  const real = join(dir, 'real', 'book.xlsx');
  writeFileSync(real, plainWorkbook());
  const link = join(dir, 'link.xlsx');
  symlinkSync(real, link);
  await nameAndSave(link);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(await savedNames(real)).toContain('PL_saved');
  expect(readdirSync(dir).sort()).toEqual(['link.xlsx', 'real']);
  expect(readdirSync(join(dir, 'real'))).toEqual(['book.xlsx']);
});

test('a save that fails leaves no temporary file', async () => {
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, plainWorkbook());
  const host = await openWorkbookFile(file);
  // The path is now a directory: the temporary file is written, and the rename over it fails.
  rmSync(file);
  mkdirSync(file);
  await expect(saveWorkbookFile(file, host)).rejects.toThrow(/EISDIR|EEXIST|ENOTEMPTY|EPERM/);
  expect(readdirSync(dir)).toEqual(['book.xlsx']);
  expect(statSync(file).isDirectory()).toBe(true);
});
