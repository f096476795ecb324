/**
 * Offline checks of manifest.xml: what Microsoft's validation service would
 * reject (it cannot be reached from here; `npm run validate` needs it), and
 * what ties the manifest to the code: the pages and icons it names exist, its
 * function commands are the ones commands.html registers. `npm run validate:offline`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES } from '../../src/hosts/excel/commands-entry';
import { CHECKOUT_FILES, pngSize } from './checkout-files';
import { functionNames, manifestProblems, requirementSets } from './manifest-checks';
import { readManifestFile } from './read-manifest';

const root = join(__dirname, '../..');
const MANIFEST = join(root, 'manifest.xml');
const manifest = readFileSync(MANIFEST, 'utf8');

test('manifest.xml passes every offline check', () => {
  expect(manifestProblems(manifest, CHECKOUT_FILES)).toEqual([]);
});

test('office-addin-manifest reads it as an Excel task pane add-in', () => {
  const info = readManifestFile(MANIFEST);
  expect(info).toMatchObject({
    officeAppType: 'TaskPaneApp',
    hosts: ['Workbook'],
    permissions: 'ReadWriteDocument',
    defaultSettings: { sourceLocation: 'https://localhost:3000/taskpane.html' },
  });
});

test('its function commands are exactly those commands.html registers', () => {
  expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  expect(functionNames(manifest).sort()).toEqual([...COMMAND_NAMES].sort());
});

test('it declares the requirement sets the add-in needs everywhere (newer ones are checked at run time)', () => {
  const sets = requirementSets(manifest);
  expect(sets.get('ExcelApi')).toBe('1.9');
  // The commands tell the user things in a dialog (src/hosts/excel/office-dialog.ts).
  const dialog = readFileSync(join(root, 'src/hosts/excel/office-dialog.ts'), 'utf8');
  expect(dialog).toMatch(/displayDialogAsync/);
  expect(sets.get('DialogApi')).toBe('1.1');
});

test('every icon in assets/ is a PNG of the size its name says', () => {
  const icons = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.png'));
  expect(icons.length).toBeGreaterThanOrEqual(13);
  for (const file of icons) {
    const size = Number(/-(\d+)\.png$/.exec(file)?.[1]);
    expect({ file, ...pngSize(join(root, 'assets', file)) }).toEqual({ file, width: size, height: size });
  }
});

describe('the checks catch what the service would refuse', () => {
  const broken = (from: string | RegExp, to: string) => {
    const changed = manifest.replace(from, to);
    expect(changed).not.toBe(manifest);
    return manifestProblems(changed, CHECKOUT_FILES);
  };

  test.each([
    [
      'an element out of order',
      /(<Id>[^<]*<\/Id>)\s*(<Version>[^<]*<\/Version>)/,
      '$2\n  $1',
      /<Id> .* is out of order/,
    ],
    [
      'a misplaced child',
      '<Supertip>',
      '<Tooltip resid="Group.Label"/>\n<Supertip>',
      /<Tooltip> .* not a valid child/,
    ],
    [
      'a missing required child',
      /<Supertip>\s*<Title resid="Reconcile.Label"\/>/,
      '<Supertip>',
      /lacks its required <Title>/,
    ],
    [
      'an undefined resid',
      'resid="Summary.Tooltip"',
      'resid="Summary.Tip"',
      /resid "Summary.Tip" is not defined/,
    ],
    [
      'a resid of the wrong kind',
      '<Label resid="Group.Label"/>',
      '<Label resid="Reconcile.Tooltip"/>',
      /in <bt:LongStrings>, it must be in <bt:ShortStrings>/,
    ],
    [
      'an http URL',
      'https://localhost:3000/help.html"/>\n  <AppDomains>',
      'http://localhost:3000/help.html"/>\n  <AppDomains>',
      /help.html is not https/,
    ],
    [
      'an icon of the wrong size',
      'assets/summary-32.png',
      'assets/summary-16.png',
      /summary-16.png is 16×16, not 32×32/,
    ],
    [
      'a missing required icon size',
      /\s*<bt:Image size="80" resid="Summary.80x80"\/>/,
      '',
      /lacks the required 80 px image/,
    ],
    [
      'a page the store does not serve',
      '/commands.html"',
      '/command.html"',
      /serves nothing at .*command.html/,
    ],
    [
      'a second origin',
      'https://localhost:3000/taskpane.html"/>\n      </bt:Urls>',
      'https://example.com/taskpane.html"/>\n      </bt:Urls>',
      /span 2 origins/,
    ],
    ['"--" inside a comment', 'writes a deployment', 'writes -- a deployment', /"--" inside a comment/],
    [
      'a parent the table does not know',
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWriteDocument</Permissions>\n  <Dictionary><TargetDialects/></Dictionary>',
      /<Dictionary> .* no schema order is known/,
    ],
  ])('%s', (_name, from, to, problem) => {
    expect(broken(from, to)).toContainEqual(expect.stringMatching(problem));
  });
});
