/**
 * A simulated Excel that Microsoft's Excel JavaScript library talks to: it
 * answers `OSF.DDA.RichApi.executeRichApiRequestAsync(message, callback)`, the
 * one function the library sends each `context.sync()` through, enforcing
 * Excel on the web's payload limits and counting round trips and bytes.
 * Nothing here touches Node or the DOM, so the same code runs in a page.
 */
import { utf8Length } from '../../core/utf8';
import type { WorkbookSnapshot } from '../../hosts/workbook-snapshot';
import { emptyCounters, type SimCounters } from './counters';
import { Dispatcher } from './dispatcher';
import { parseAddress } from './address';
import { ResponseTooLargeError, SimError } from './errors';
import { DOCUMENT_SELECTION_CHANGED, HostEvents, installOfficeHost } from './office-events';
import {
  isRichApiRequest,
  OFFICE_REQUEST_TOO_LARGE,
  OFFICE_RESPONSE_TOO_LARGE,
  type RequestAction,
  type RichApiResult,
} from './protocol';
import { ReferenceTable } from './references';
import {
  restoreState,
  saveState,
  workbookFromSnapshot,
  workbookToSnapshot,
  type SimWorkbookState,
} from './workbook-state';
import { SimWorkbook } from './workbook-model';

/**
 * Excel on the web refuses requests and responses over 5 MB
 * ("resource limits and performance optimization" in Office's documentation).
 * Counted in decimal megabytes, the stricter reading.
 */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;

export interface SimulatorOptions {
  /** Request payload limit in bytes (default {@link EXCEL_WEB_PAYLOAD_LIMIT}). */
  requestLimit?: number;
  /** Response payload limit in bytes (default {@link EXCEL_WEB_PAYLOAD_LIMIT}). */
  responseLimit?: number;
  /** Delay before answering each request, in milliseconds; 0 answers on the next microtask. */
  latencyMs?: number;
  /** The workbook's file name (`Workbook.name`). */
  name?: string;
  /** Sees every request body and its result, for tests and debugging. */
  onRequest?: (requestText: string, result: RichApiResult) => void;
}

/** The message the library hands to `executeRichApiRequestAsync`: index 4 is the request body. */
export type RichApiMessage = readonly unknown[];
export type RichApiCallback = (result: RichApiResult) => void;

/** Each page the simulator is installed on gets its own control id, as each add-in frame has. */
let installs = 0;

function isCleanup(actions: RequestAction[]): boolean {
  return (
    actions.some((a) => a.Name === '_RemoveReference') &&
    actions.every((a) => a.Name === '_RemoveReference' || a.ActionType === 1)
  );
}

export class ExcelSimulator {
  readonly references = new ReferenceTable();
  requestLimit: number;
  responseLimit: number;
  latencyMs: number;
  onRequest: ((requestText: string, result: RichApiResult) => void) | undefined;
  /** The pages' event registrations (Excel's selection event), see `office-events.ts`. */
  readonly events = new HostEvents();
  private stats: SimCounters = emptyCounters();
  private selectionEventQueued = false;

  constructor(
    readonly workbook: SimWorkbook = ExcelSimulator.blankWorkbook(),
    options: SimulatorOptions = {},
  ) {
    this.requestLimit = options.requestLimit ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimit ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.latencyMs = options.latencyMs ?? 0;
    this.onRequest = options.onRequest;
    if (options.name) workbook.name = options.name;
    workbook.onSelectionChanged = () => this.queueSelectionEvent();
  }

  /**
   * One event for the moves of one request (`activate()` then `select()` is one move to the
   * user), raised once the request is done: Excel posts events apart from answers.
   */
  private queueSelectionEvent(): void {
    if (this.selectionEventQueued) return;
    this.selectionEventQueued = true;
    queueMicrotask(() => {
      this.selectionEventQueued = false;
      this.events.fire(DOCUMENT_SELECTION_CHANGED);
    });
  }

  /**
   * Selects a range as the user's click (or shift-click, or a typed address) would: the
   * sheet becomes active and the pages that registered `onSelectionChanged` hear of it.
   */
  select(sheetName: string, address: string): void {
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet || sheet.deleted) throw new SimError('ItemNotFound', `There is no sheet '${sheetName}'.`);
    const rect = parseAddress(address);
    if (!rect) throw new SimError('InvalidArgument', `'${address}' is not a range address.`);
    this.workbook.select(sheet, rect);
  }

  private static blankWorkbook(): SimWorkbook {
    const wb = new SimWorkbook();
    wb.addSheet('Sheet1');
    return wb;
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options: SimulatorOptions = {}): ExcelSimulator {
    return new ExcelSimulator(workbookFromSnapshot(snapshot, options.name), options);
  }

  static fromState(state: SimWorkbookState, options: SimulatorOptions = {}): ExcelSimulator {
    return new ExcelSimulator(restoreState(state), options);
  }

  /** The workbook in the port's conventions (what a saved .xlsx would read back as). */
  snapshot(): WorkbookSnapshot {
    return workbookToSnapshot(this.workbook);
  }

  /** Everything, formats and conditional formats included: "save" for a later {@link fromState}. */
  saveState(): SimWorkbookState {
    return saveState(this.workbook);
  }

  get counters(): SimCounters {
    return { ...this.stats, syncs: this.stats.roundTrips - this.stats.cleanupRoundTrips };
  }

  resetCounters(): void {
    this.stats = emptyCounters();
  }

  /** Answers one request body (the JSON text of one `context.sync()`), synchronously. */
  handle(requestText: string): RichApiResult {
    const requestBytes = utf8Length(requestText);
    this.stats.roundTrips++;
    this.stats.requestBytes += requestBytes;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    if (requestBytes > this.requestLimit) {
      this.stats.rejectedRequests++;
      return {
        status: 'failed',
        error: {
          code: OFFICE_REQUEST_TOO_LARGE,
          message: 'The request payload size has exceeded the limit.',
        },
      };
    }
    const request: unknown = JSON.parse(requestText);
    if (!isRichApiRequest(request)) throw new Error('Not a request of the Excel JavaScript library.');
    if (isCleanup(request.Actions)) this.stats.cleanupRoundTrips++;
    this.stats.actions += request.Actions.length;
    let body: string;
    try {
      body = JSON.stringify(
        new Dispatcher(
          request,
          { wb: this.workbook, responseLimit: this.responseLimit },
          this.references,
        ).run(),
      );
    } catch (e) {
      if (!(e instanceof ResponseTooLargeError)) throw e;
      body = '';
    }
    const responseBytes = body === '' ? Infinity : utf8Length(body);
    if (responseBytes > this.responseLimit) {
      this.stats.rejectedRequests++;
      return {
        status: 'failed',
        error: {
          code: OFFICE_RESPONSE_TOO_LARGE,
          message: 'The response payload size has exceeded the limit.',
        },
      };
    }
    this.stats.responseBytes += responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    return { status: 'succeeded', value: { data: [200, [], body] } };
  }

  /** The host function the library calls; install it as `OSF.DDA.RichApi.executeRichApiRequestAsync`. */
  readonly executeRichApiRequestAsync = (message: RichApiMessage, callback: RichApiCallback): void => {
    const body = message[4];
    let result: RichApiResult;
    try {
      if (typeof body !== 'string') throw new Error('The request has no body.');
      result = this.handle(body);
      this.onRequest?.(body, result);
    } catch (e) {
      // A broken request or a fault of the simulator: answer as Office does for an internal error.
      result = {
        status: 'failed',
        error: { code: 5001, message: e instanceof Error ? e.message : String(e) },
      };
    }
    if (this.latencyMs > 0) setTimeout(() => callback(result), this.latencyMs);
    else void Promise.resolve().then(() => callback(result));
  };

  /**
   * Wires this simulator into a global object where the library has defined `OSF` (a page's
   * `window`, a vm context): its requests, and its event registrations where office.js has not
   * set up a host of its own. Returns the detach for a page that goes away (a reloaded pane).
   */
  installOn(global: object): () => void {
    const osf = (global as { OSF?: { DDA?: { RichApi?: Record<string, unknown> } } }).OSF;
    if (!osf?.DDA) throw new Error('Load the Excel JavaScript library before installing the simulator.');
    osf.DDA.RichApi = osf.DDA.RichApi ?? {};
    osf.DDA.RichApi.executeRichApiRequestAsync = this.executeRichApiRequestAsync;
    installOfficeHost(global, this.events, `plumbline-sim-${++installs}`);
    return () => this.events.detach(global);
  }
}
