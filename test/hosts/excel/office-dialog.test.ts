/**
 * The ribbon commands' messages: a dialog on the add-in's own origin that
 * resolves once the user has closed it, and the typed surface of Office that
 * the commands use, checked against Microsoft's declarations.
 */
import { join } from 'node:path';
import { noticeUrl, showNotice, type OfficeDialogApi } from '../../../src/hosts/excel/office-dialog';
import { officeDiagnostics } from './office-compat';

jest.setTimeout(60_000);

type Handler = (args: { message: string } | { error: number }) => void;

/** Office's dialog API, opening one dialog whose events the test fires. */
function fakeOffice(fail = false) {
  const opened: { url: string; closed: number; handlers: Map<unknown, Handler> }[] = [];
  const office: OfficeDialogApi = {
    AsyncResultStatus: { Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      ui: {
        displayDialogAsync(url, _options, callback) {
          const dialog = { url, closed: 0, handlers: new Map<unknown, Handler>() };
          opened.push(dialog);
          callback({
            status: fail ? 'failed' : 'succeeded',
            error: { code: 12007, message: 'A dialog box is already opened from this host window.' },
            value: {
              close: () => void (dialog.closed += 1),
              addEventHandler: (type, handler) => void dialog.handlers.set(type, handler),
            },
          });
        },
      },
    },
  };
  return { office, opened };
}

const NOTICE = { title: 'Sign in & retry', body: 'Line one\nline <two>', action: 'Open the pane.' };

test('the notice travels in the query of the dialog page, on the add-in’s origin', () => {
  const url = new URL(noticeUrl('https://plumbline.example.com', NOTICE));
  expect(`${url.origin}${url.pathname}`).toBe('https://plumbline.example.com/notice.html');
  expect(Object.fromEntries(url.searchParams)).toEqual(NOTICE);
  expect(new URL(noticeUrl('https://x.test', { title: 'T', body: 'B' })).searchParams.has('action')).toBe(
    false,
  );
});

test('OK in the dialog closes it; the close box needs no closing', async () => {
  const { office, opened } = fakeOffice();
  const byOk = showNotice(office, 'https://x.test', NOTICE);
  opened[0]!.handlers.get('dialogMessageReceived')!({ message: 'close' });
  await byOk;
  expect(opened[0]!.closed).toBe(1);

  const byCloseBox = showNotice(office, 'https://x.test', NOTICE);
  opened[1]!.handlers.get('dialogEventReceived')!({ error: 12006 });
  await byCloseBox;
  expect(opened[1]!.closed).toBe(0);
});

test('a dialog left open is closed before the command would time out', async () => {
  const { office, opened } = fakeOffice();
  await showNotice(office, 'https://x.test', NOTICE, 5);
  expect(opened[0]!.closed).toBe(1);
});

test('a dialog Office refuses to open is an error naming the notice', async () => {
  const { office } = fakeOffice(true);
  await expect(showNotice(office, 'https://x.test', NOTICE)).rejects.toThrow(
    'Excel could not show the message "Sign in & retry": A dialog box is already opened',
  );
});

describe('the commands’ Office surface against office.d.ts', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const CHECK = join(ROOT, 'test', 'hosts', 'excel', '__office-commands-compat__.ts');
  // @types/office-js: Microsoft's current declarations (with Office.actions).
  const source = (extra = '') => `/// <reference path="${require.resolve('@types/office-js/index.d.ts')}" />
import type { OfficeCommandsGlobal } from '${join(ROOT, 'src', 'hosts', 'excel', 'commands-entry')}';
export const office: OfficeCommandsGlobal = Office;
${extra}`;

  it('Office fits what the commands use of it', () => {
    expect(officeDiagnostics(source(), CHECK)).toEqual([]);
  });

  it('would catch a member declared wrongly', () => {
    const wrong = source(
      'export const broken: { context: { ui: { displayDialogAsync: number } } } = Office;',
    );
    expect(officeDiagnostics(wrong, CHECK).length).toBeGreaterThan(0);
  });
});
