/** The built add-on's menu and sidebar, as Sheets runs them: onOpen, then a menu item. */
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';
import { addOnOn } from './load-addon';

test('onOpen adds the add-on menu; its items open the one 300 px sidebar on a job', () => {
  const book = new FakeSpreadsheet(new ExecutionClock(), 'id', 'Book');
  book.insertSheet('Data');
  const { project } = addOnOn(book);
  project.run('onOpen', [{ authMode: 'NONE' }]);
  expect(project.ui.menus.map((m) => [m.caption, m.items])).toEqual([
    [
      'Plumbline',
      [
        { caption: 'Open Plumbline', functionName: 'showSidebar' },
        { caption: 'Reconcile', functionName: 'showReconcile' },
        { caption: 'Summary', functionName: 'showSummary' },
      ],
    ],
  ]);
  for (const item of project.ui.menus[0]!.items) {
    if (item === 'separator') continue;
    project.run(item.functionName);
    expect(project.ui.sidebar).toMatchObject({ title: 'Plumbline', width: 300 });
  }
  expect(project.ui.sidebar?.html).toMatch(/window\.plumblineJob="summary"/);
});

test('user settings live in the user properties, not in the spreadsheet', () => {
  const book = new FakeSpreadsheet(new ExecutionClock(), 'id', 'Book');
  book.insertSheet('Data');
  const { project } = addOnOn(book);
  expect(project.run('plSetSetting', ['token', 'secret'])).toEqual({ ok: true });
  expect(project.userProperties.getProperty('plumbline.token')).toBe('secret');
  expect(project.run('plGetSetting', ['token'])).toEqual({ ok: true, value: 'secret' });
});
