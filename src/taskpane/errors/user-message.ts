/**
 * Every failure the pane can meet, turned into what the user reads: what
 * happened and what to do. The one place that maps the store's error codes,
 * the host's errors and Excel's own to words (DESIGN §5: codes become user
 * text in one place).
 */
import { isErrorCode, PlumblineError, type ErrorCode, type ErrorDetail } from '../../core/errors';
import { WorkbookLinkError } from '../../core/workbook-access';
import { OutboxNotKept } from '../submit/outbox';
import { SessionNotKept } from '../sign-in/session';

/** What the pane offers beside the message. */
export type Remedy = 'sign-in' | 'retry' | 'none';

export interface UserMessage {
  title: string;
  /** What happened, in the store's or the host's own words where they are specific. */
  body: string;
  /** What to do about it. */
  action: string;
  remedy: Remedy;
  /** Field by field problems (a 422 lists every broken rule). */
  details: ErrorDetail[];
}

const STORE: Partial<Record<ErrorCode, Omit<UserMessage, 'body' | 'details'>>> = {
  store_unreachable: {
    title: 'The store cannot be reached',
    action:
      'Check your connection, or ask your admin whether the store is up; then try again. Nothing was lost.',
    remedy: 'retry',
  },
  unauthorized: {
    title: 'Your sign-in is no longer valid',
    action: 'Sign in again with a current token (your admin can issue one).',
    remedy: 'sign-in',
  },
  forbidden: {
    title: 'Your role does not allow this',
    action: 'Ask your Plumbline admin for the analyst or owner role if you need it.',
    remedy: 'none',
  },
  not_kpi_owner: {
    title: 'Only the KPI’s owner can submit it',
    action: 'Ask the owner named below to submit, or your admin to change the owner.',
    remedy: 'none',
  },
  not_found: {
    title: 'Not found in the store',
    action: 'The store may be another one than this workbook was linked with; check the store address.',
    remedy: 'none',
  },
  idempotency_conflict: {
    title: 'This submission was already sent with other values',
    action: 'Discard it and submit again: the store keeps what it received first.',
    remedy: 'none',
  },
  idempotency_in_progress: {
    title: 'This submission is still being processed',
    action: 'Wait a few seconds, then retry: it will be stored once.',
    remedy: 'retry',
  },
  payload_too_large: {
    title: 'Too much at once',
    action: 'Submit or reconcile fewer KPIs at a time.',
    remedy: 'none',
  },
  remediation_required: {
    title: 'A remediation plan is needed',
    action: 'Add a remediation plan to each reading at risk or off track, then submit again.',
    remedy: 'none',
  },
  period_in_future: {
    title: 'That period has not started',
    action: 'Readings can be submitted from the first day of their period.',
    remedy: 'none',
  },
  too_many_requests: {
    title: 'Too many failed sign-ins',
    action: 'Wait a minute, then sign in again with a current token (your admin can issue one).',
    remedy: 'sign-in',
  },
  internal: {
    title: 'The store failed',
    action: 'Try again in a moment; if it keeps failing, tell your admin (the store logged the error).',
    remedy: 'retry',
  },
};

/** Office.js error codes the pane can meet, and what the user should do. */
const EXCEL: Record<string, { title: string; action: string; remedy: Remedy }> = {
  InvalidOperationInCellEditMode: {
    title: 'Excel is editing a cell',
    action: 'Press Enter or Esc to finish editing the cell, then try again.',
    remedy: 'retry',
  },
  ItemNotFound: {
    title: 'A sheet or range is missing',
    action: 'A linked sheet may have been renamed or deleted: rename it back, or link the range again.',
    remedy: 'none',
  },
  AccessDenied: {
    title: 'Excel refused the change',
    action: 'The sheet or workbook may be protected: unprotect it, then try again.',
    remedy: 'none',
  },
  InvalidArgument: {
    title: 'Excel refused a value',
    action: 'Check the range and the values named above, then try again. Nothing was written.',
    remedy: 'none',
  },
  InvalidOperation: {
    title: 'Excel does not allow this here',
    action: 'The sheet may be protected or hidden: change that, then try again.',
    remedy: 'none',
  },
  NotImplemented: {
    title: 'This version of Excel cannot do this',
    action: 'Update Excel, or use Excel on the web.',
    remedy: 'none',
  },
  RequestPayloadSizeLimitExceeded: {
    title: 'Too much for Excel at once',
    action: 'Link or reconcile fewer ranges at a time.',
    remedy: 'none',
  },
};

export function userMessage(error: unknown): UserMessage {
  if (error instanceof PlumblineError) {
    const known = STORE[error.code];
    const fallback =
      error.status === 422 || error.status === 400
        ? {
            title: 'The store refused this',
            action: 'Correct what is listed, then try again.',
            remedy: 'none' as const,
          }
        : {
            title: 'The store refused this',
            action: 'Try again; if it persists, tell your admin.',
            remedy: 'retry' as const,
          };
    return { ...(known ?? fallback), body: error.message, details: error.details ?? [] };
  }
  if (error instanceof WorkbookLinkError) {
    return {
      title: 'This range cannot be linked as it is',
      body: error.problems.join('\n'),
      action: 'Change the selection or the KPIs, then try again. Nothing was written.',
      remedy: 'none',
      details: [],
    };
  }
  if (error instanceof SessionNotKept) {
    return {
      title: 'Not signed in',
      body: error.message,
      action: 'Sign in again; if it happens again, tell your admin.',
      remedy: 'none',
      details: [],
    };
  }
  if (error instanceof OutboxNotKept) {
    return {
      title: 'Not sent',
      body: error.message,
      action: 'Nothing was sent to the store. Try again; if it happens again, tell your admin.',
      remedy: 'retry',
      details: [],
    };
  }
  const code = officeCode(error);
  if (code && EXCEL[code]) {
    return { ...EXCEL[code], body: messageOf(error), details: [] };
  }
  return {
    title: 'Something went wrong',
    body: messageOf(error),
    action: 'Try again. If it happens again, tell your admin what you were doing.',
    remedy: 'retry',
    details: [],
  };
}

function officeCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !isErrorCode(code) ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
