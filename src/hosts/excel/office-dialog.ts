/**
 * A message for the user from a ribbon command. A function command has no UI of
 * its own, and Excel gives add-ins no toast; Microsoft's way for a command to
 * speak is the Dialog API (DialogApi 1.1, declared in the manifest): each command
 * runs in an unseen page of its own that may open one dialog. The dialog page is
 * `notice.html`, on the add-in's own origin as the API requires; its OK button
 * answers through `messageParent`, its close box through `DialogEventReceived`.
 *
 * (A shared runtime would let a command open the task pane instead, with
 * `Office.addin.showAsTaskpane()`, but it makes the pane's page the commands'
 * page too; the manifest keeps them apart, in `commands.html`.)
 */

/** What the user reads: what happened, and what to do about it. */
export interface Notice {
  title: string;
  body: string;
  action?: string;
}

/** What a command reads of Office's dialog API (a structural subset of office.d.ts). */
export interface OfficeDialogApi {
  AsyncResultStatus: { Failed: unknown };
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
  context: {
    ui: {
      displayDialogAsync(
        url: string,
        options: { height?: number; width?: number; displayInIframe?: boolean },
        callback: (result: DialogResult) => void,
      ): void;
    };
  };
}

interface DialogResult {
  status: unknown;
  value: OfficeDialog;
  error: { code: number; message: string };
}

interface OfficeDialog {
  close(): void;
  /** `eventType` is one of `EventType`'s values (method syntax, so Office's enum-typed parameter fits). */
  addEventHandler(eventType: unknown, handler: (args: { message: string } | { error: number }) => void): void;
}

/**
 * A function command times out after 5 minutes; a dialog left open that long is
 * closed a little before, so the command still completes on its own terms.
 */
export const NOTICE_TIMEOUT_MS = 4.5 * 60 * 1000;

/** The dialog page's address with the notice in its query (the page shows it as text, never as HTML). */
export function noticeUrl(origin: string, notice: Notice): string {
  const query = new URLSearchParams({ title: notice.title, body: notice.body });
  if (notice.action) query.set('action', notice.action);
  return `${origin}/notice.html?${query.toString()}`;
}

/** Shows the notice and resolves once the user has closed it (or it timed out). */
export function showNotice(
  office: OfficeDialogApi,
  origin: string,
  notice: Notice,
  timeoutMs = NOTICE_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(
      noticeUrl(origin, notice),
      { height: 35, width: 30, displayInIframe: true },
      (result) => {
        if (result.status === office.AsyncResultStatus.Failed) {
          reject(new Error(`Excel could not show the message "${notice.title}": ${result.error.message}`));
          return;
        }
        const dialog = result.value;
        let open = true;
        const done = (close: boolean) => {
          if (!open) return;
          open = false;
          clearTimeout(timer);
          if (close) dialog.close();
          resolve();
        };
        const timer = setTimeout(() => done(true), timeoutMs);
        // OK in the dialog: it asks to be closed.
        dialog.addEventHandler(office.EventType.DialogMessageReceived, () => done(true));
        // The close box, or the dialog navigated away: it is gone already.
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => done(false));
      },
    );
  });
}
