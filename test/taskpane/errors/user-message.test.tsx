/**
 * Every failure the pane meets becomes what happened and what to do: the
 * store's codes, Excel's own errors and the host's refusals.
 */
import { PlumblineError } from '../../../src/core/errors';
import { WorkbookLinkError } from '../../../src/core/workbook-access';
import { HostError } from '../../../src/hosts/host-error';
import { userMessage } from '../../../src/taskpane/errors/user-message';

const excelError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('userMessage', () => {
  test.each([
    [
      new PlumblineError('store_unreachable', 'Cannot reach the Plumbline store at https://x: fetch failed'),
      'The store cannot be reached',
      'retry',
    ],
    [
      new PlumblineError('unauthorized', 'The token is not valid.'),
      'Your sign-in is no longer valid',
      'sign-in',
    ],
    [new PlumblineError('forbidden'), 'Your role does not allow this', 'none'],
    [new PlumblineError('not_kpi_owner'), 'Only the KPI’s owner can submit it', 'none'],
    [new PlumblineError('not_found'), 'Not found in the store', 'none'],
    [
      new PlumblineError('idempotency_conflict'),
      'This submission was already sent with other values',
      'none',
    ],
    [new PlumblineError('payload_too_large'), 'Too much at once', 'none'],
    [
      excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'),
      'Excel is editing a cell',
      'retry',
    ],
    [
      excelError('ItemNotFound', 'The requested resource doesn’t exist.'),
      'A sheet or range is missing',
      'none',
    ],
    [new HostError('InvalidArgument', 'text over 32,767 characters in B2'), 'Excel refused a value', 'none'],
  ])('%s → %s', (error, title, remedy) => {
    const message = userMessage(error);
    expect(message.title).toBe(title);
    expect(message.remedy).toBe(remedy);
    expect(message.body).toBe((error as Error).message);
    expect(message.action.length).toBeGreaterThan(20);
  });

  test('a 422 keeps every field problem the store listed', () => {
    const details = [
      {
        path: 'readings.0.remediation',
        message: '7.1 for Claims turnaround time in 2026-10 is at-risk: add a remediation note.',
      },
      { path: 'readings.2.period', message: '2026-Q4 has not started yet.' },
    ];
    const message = userMessage(
      new PlumblineError('remediation_required', '2 readings break a rule; nothing was stored.', details),
    );
    expect(message.details).toEqual(details);
    expect(message.action).toMatch(/remediation plan/);
  });

  test('a range that cannot be linked lists every reason and says nothing was written', () => {
    const message = userMessage(
      new WorkbookLinkError(['Unknown KPI "x".', 'C4:N4 is not a row of periods.']),
    );
    expect(message.body).toBe('Unknown KPI "x".\nC4:N4 is not a row of periods.');
    expect(message.action).toMatch(/Nothing was written/);
  });

  test('anything else still says what to do', () => {
    const message = userMessage(new Error('boom'));
    expect(message).toMatchObject({ title: 'Something went wrong', body: 'boom', remedy: 'retry' });
  });
});
