/**
 * How the pane's frame reaches the workbook open in the workbench. As in Excel
 * on the web, the pane is a page of its own in a frame (so it can be reloaded
 * alone, at a task pane's width), with its own copy of Microsoft's library; the
 * workbench installs the simulator on that library, as Excel's frame answers
 * the pane's in Excel on the web, and hears of every request the pane makes, to
 * redraw the grid after the pane wrote to the workbook.
 *
 * The frame starts loading with the page, so the pane may be up before the
 * first workbook is open: its requests wait for the workbook, not its first screen.
 */
import type { ExcelSimulator } from '../sim/excel/excel-simulator';

export interface WorkbenchBridge {
  /** Wires the frame's library to the open workbook (requests wait until one is open); returns the detach. */
  attach(frame: Window): () => void;
}

const KEY = 'plumblineWorkbench';

type RichApiCallback = (result: unknown) => void;
type RichApiFunction = (message: unknown, callback: RichApiCallback) => void;
interface FrameGlobals {
  OSF?: { DDA?: { RichApi?: { executeRichApiRequestAsync?: RichApiFunction } } };
}

function richApiOf(frame: Window): { executeRichApiRequestAsync?: RichApiFunction } {
  const dda = (frame as unknown as FrameGlobals).OSF?.DDA;
  if (!dda) throw new Error("The pane's page has not loaded Microsoft's Excel library.");
  dda.RichApi ??= {};
  return dda.RichApi;
}

/** The bridge the workbench page offers its pane frame. */
export function offerBridge(
  page: Window,
  workbook: () => Promise<ExcelSimulator>,
  onPaneRequest: () => void,
): void {
  const bridge: WorkbenchBridge = {
    attach(frame) {
      const richApi = richApiOf(frame);
      const waiting: [unknown, RichApiCallback][] = [];
      richApi.executeRichApiRequestAsync = (message, callback) => void waiting.push([message, callback]);
      let detach: (() => void) | undefined;
      let closed = false;
      void workbook().then((sim) => {
        if (closed) return;
        detach = sim.installOn(frame);
        const answer = richApi.executeRichApiRequestAsync!;
        const answerAndTell: RichApiFunction = (message, callback) =>
          answer(message, (result) => {
            callback(result);
            onPaneRequest();
          });
        richApi.executeRichApiRequestAsync = answerAndTell;
        for (const [message, callback] of waiting.splice(0)) answerAndTell(message, callback);
      });
      return () => {
        closed = true;
        detach?.();
      };
    },
  };
  (page as unknown as Record<string, unknown>)[KEY] = bridge;
}

/**
 * The workbench's bridge, seen from the pane's frame, once the workbench page has offered it
 * (both pages load at once); undefined when the pane page is opened on its own.
 */
export async function bridgeOf(frame: Window, timeoutMs = 10_000): Promise<WorkbenchBridge | undefined> {
  if (frame.parent === frame) return undefined;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let bridge: WorkbenchBridge | undefined;
    try {
      bridge = (frame.parent as unknown as Record<string, WorkbenchBridge | undefined>)[KEY];
    } catch {
      // A parent of another origin: not the workbench.
      return undefined;
    }
    if (bridge || Date.now() > deadline) return bridge;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
