/**
 * One Apps Script execution (a menu click, one `google.script.run` call) and
 * the day's quotas, counted the way Google counts them.
 *
 * - "Script runtime: 6 min / execution" — every service call checks the time
 *   spent since the execution started and throws Apps Script's own message past
 *   it. https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 * - "URL Fetch calls: 20,000 / day" (consumer accounts; 100,000 for Google
 *   Workspace), counted per request, `fetchAll` counting each of its requests.
 *   https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 */
import { exception } from './errors';

export const MAX_EXECUTION_MS = 6 * 60 * 1000;
export const URL_FETCH_PER_DAY = { consumer: 20_000, workspace: 100_000 } as const;

export interface Counters {
  /** Executions started (each `google.script.run` call, each trigger). */
  executions: number;
  /** Calls of SpreadsheetApp methods that read cells (`getValues`, `getFormulas`…). */
  cellReads: number;
  /** Calls that write cells or formats (`setValues`, `setNumberFormats`…). */
  cellWrites: number;
  /** Requests sent through UrlFetchApp (`fetchAll` counts each request). */
  urlFetches: number;
  /** `fetch`/`fetchAll` calls (round trips from the script's point of view). */
  urlFetchCalls: number;
}

export class ExecutionClock {
  readonly counters: Counters = {
    executions: 0,
    cellReads: 0,
    cellWrites: 0,
    urlFetches: 0,
    urlFetchCalls: 0,
  };
  private startedAt: number | undefined;

  constructor(
    /** Milliseconds; a test can pass a clock it moves itself. */
    private readonly now: () => number = Date.now,
    readonly urlFetchQuota: number = URL_FETCH_PER_DAY.consumer,
  ) {}

  /** Starts an execution; the previous one, if any, is over. */
  begin(): void {
    this.startedAt = this.now();
    this.counters.executions += 1;
  }

  end(): void {
    this.startedAt = undefined;
  }

  /** Called by every service method: past six minutes, the execution is stopped. */
  check(): void {
    if (this.startedAt !== undefined && this.now() - this.startedAt > MAX_EXECUTION_MS) {
      exception('Exceeded maximum execution time');
    }
  }

  /** Counts `requests` URL fetches against the daily quota, refusing the call when it would go over. */
  chargeUrlFetch(requests: number): void {
    this.check();
    if (this.counters.urlFetches + requests > this.urlFetchQuota) {
      exception('Service invoked too many times for one day: urlfetch.');
    }
    this.counters.urlFetches += requests;
    this.counters.urlFetchCalls += 1;
  }
}
