/**
 * Excel's selection event, delivered the way Excel on the web delivers it to
 * Microsoft's library.
 *
 * `workbook.onSelectionChanged` (ExcelApi 1.2) is not a RichApi request: when a
 * handler's registration comes back from `context.sync()`, the library calls
 * `Office.context.document.addHandlerAsync('documentSelectionChanged', …)`
 * (`OfficeExtension._Internal.OfficeJsEventRegistration`, event id 2). Office's
 * common API then registers the event with its host through the host facade
 * (`OSF.DDA.DispIdHost.Facade` over `OSF.DDA.WAC.getDelegateMethods`), whose
 * `registerEventAsync` calls `OSF.getClientEndPoint().registerForEvent(name,
 * onEvent, onRegistered, { controlId, eventDispId, targetId })`: the client end
 * point is the message channel to the Excel frame. The host answers the
 * registration, and later sends each event as a payload to `onEvent`, which the
 * facade maps and fires as a `DocumentSelectionChangedEventArgs`; the library
 * turns that into `{ workbook }` for the add-in's handler.
 *
 * office.js's loader builds `Office.context`, the facade and the end point when
 * the page runs inside Office. Without it (a test, the workbench) the simulator
 * builds them here from the library's own classes, and plays the Excel frame at
 * the end point: everything from `addHandlerAsync` down runs Microsoft's code.
 */

/** The common API's name and dispatch id of the event (`OSF.DDA.EventDispId.dispidDocumentSelectionChangedEvent`). */
export const DOCUMENT_SELECTION_CHANGED = 'documentSelectionChanged';
export const DISPID_DOCUMENT_SELECTION_CHANGED = 2;

/** `Microsoft.Office.Common.InvokeResultCode`: the channel's own status of a call. */
const INVOKE_NO_ERROR = 0;
const INVOKE_ACCESS_DENIED = -5;

/** `OSF.DDA.ErrorCodeManager.errorCodes.ooeOperationNotSupported`: the answer to an event the simulator does not raise. */
const OOE_NOT_SUPPORTED = 5000;

type EventHandler = (payload: unknown) => void;
type ChannelCallback = (status: number, payload: unknown) => void;

interface Registration {
  /** The page (or vm context) whose library registered it. */
  global: object;
  eventName: string;
  handler: EventHandler;
}

/** Registrations of the pages attached to one simulated workbook, and delivery of its events. */
export class HostEvents {
  private registrations: Registration[] = [];

  /** How many handlers the pages registered for an event: the library registers once per page. */
  count(eventName: string): number {
    return this.registrations.filter((r) => r.eventName === eventName).length;
  }

  /**
   * Sends an event to every page that registered for it, as the Excel frame posts it:
   * later, never inside the request that caused it.
   */
  fire(eventName: string, payload: Record<string, unknown> = {}): void {
    for (const r of this.registrations.filter((x) => x.eventName === eventName)) {
      setTimeout(() => {
        // A page that went away since is skipped (its registration is dropped on detach).
        if (this.registrations.includes(r)) r.handler({ ...payload });
      }, 0);
    }
  }

  /** Forgets a page's registrations: it was reloaded or closed, as a pane is. */
  detach(global: object): void {
    this.registrations = this.registrations.filter((r) => r.global !== global);
  }

  /** The client end point a page's library talks to (`OSF.getClientEndPoint()`). */
  endPointFor(global: object) {
    return {
      registerForEvent: (
        eventName: string,
        handler: EventHandler,
        callback: ChannelCallback,
        data: { eventDispId?: number },
      ): void => {
        const supported = data?.eventDispId === DISPID_DOCUMENT_SELECTION_CHANGED;
        if (supported) this.registrations.push({ global, eventName, handler });
        // The host's answer: `{ Error: 0 }` is success; a non-zero Error is Office's error code.
        const answer = { Error: supported ? 0 : OOE_NOT_SUPPORTED };
        setTimeout(() => callback(INVOKE_NO_ERROR, answer), 0);
      },
      unregisterForEvent: (eventName: string, callback: ChannelCallback): void => {
        this.registrations = this.registrations.filter(
          (r) => !(r.global === global && r.eventName === eventName),
        );
        setTimeout(() => callback(INVOKE_NO_ERROR, { Error: 0 }), 0);
      },
      // Other common-API calls (getSelectedDataAsync, settings, …) go to the host's `executeMethod`:
      // the simulator has none of them, so the channel refuses them as Excel refuses an unknown call.
      invoke: (_method: string, callback: ChannelCallback): void => {
        setTimeout(() => callback(INVOKE_ACCESS_DENIED, undefined), 0);
      },
    };
  }
}

/** What this file uses of the library's `OSF` namespace. */
interface OsfSubset {
  _OfficeAppFactory?: unknown;
  EventDispatch: new (eventTypes: string[]) => unknown;
  DDA: {
    DispIdHost: {
      Facade: new (getDelegateMethods: unknown, parameterMap: unknown) => unknown;
      addEventSupport(target: object, dispatch: unknown): void;
    };
    WAC: { getDelegateMethods: unknown; Delegate: { ParameterMap: unknown } };
  };
}

function isOsf(value: unknown): value is OsfSubset {
  const dda = (value as { DDA?: { DispIdHost?: { Facade?: unknown }; WAC?: unknown } } | undefined)?.DDA;
  return typeof dda?.DispIdHost?.Facade === 'function' && dda.WAC !== undefined;
}

/**
 * Gives a page the Office context and host facade that office.js would give it inside Excel,
 * wired to `events` (replacing those of a simulator installed before). Returns false, changing
 * nothing, where office.js already made them: then the page talks to whatever host office.js found.
 */
export function installOfficeHost(global: object, events: HostEvents, controlId: string): boolean {
  const osf: unknown = (global as { OSF?: unknown }).OSF;
  if (!isOsf(osf)) throw new Error('Load the Excel JavaScript library before installing the simulator.');
  const existing = osf._OfficeAppFactory as { simulated?: boolean } | undefined;
  if (existing && !existing.simulated) return false;
  // The document the add-in sees as `Office.context.document`, with the library's own event support.
  const document = {};
  osf.DDA.DispIdHost.addEventSupport(document, new osf.EventDispatch([DOCUMENT_SELECTION_CHANGED]));
  const context = { document };
  const facade = new osf.DDA.DispIdHost.Facade(
    osf.DDA.WAC.getDelegateMethods,
    osf.DDA.WAC.Delegate.ParameterMap,
  );
  const endPoint = events.endPointFor(global);
  osf._OfficeAppFactory = {
    getContext: () => context,
    getHostFacade: () => facade,
    getId: () => controlId,
    getInitializationHelper: () => ({ _webAppState: { clientEndPoint: endPoint } }),
    getHostInfo: () => ({ isDialog: false }),
    // Marks it as the simulator's, so a page that opens another workbook can be wired again.
    simulated: true,
  };
  return true;
}
