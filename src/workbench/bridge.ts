/**
 * How the pane's frame reaches the workbook open in the workbench. As in Excel
 * on the web, the pane is a page of its own in a frame (so it can be reloaded
 * alone, at a task pane's width), with its own copy of Microsoft's library; the
 * workbench installs the simulator on that library, as Excel's frame answers
 * the pane's in Excel on the web, and hears of every request the pane makes, to
 * redraw the grid after the pane wrote to the workbook.
 */
import type { ExcelSimulator } from '../sim/excel/excel-simulator';

export interface WorkbenchBridge {
  /** Wires the frame's library to the open workbook (once one is open); resolves to the detach. */
  attach(frame: Window): Promise<() => void>;
}

const KEY = 'plumblineWorkbench';

type RichApiFunction = (message: unknown, callback: (result: unknown) => void) => void;
interface FrameGlobals {
  OSF?: { DDA?: { RichApi?: { executeRichApiRequestAsync?: RichApiFunction } } };
}

/** The bridge the workbench page offers its pane frame. */
export function offerBridge(
  page: Window,
  workbook: () => Promise<ExcelSimulator>,
  onPaneRequest: () => void,
): void {
  const bridge: WorkbenchBridge = {
    async attach(frame) {
      const sim = await workbook();
      const detach = sim.installOn(frame);
      const richApi = (frame as unknown as FrameGlobals).OSF?.DDA?.RichApi;
      const answer = richApi?.executeRichApiRequestAsync;
      if (richApi && answer) {
        richApi.executeRichApiRequestAsync = (message, callback) =>
          answer(message, (result) => {
            callback(result);
            onPaneRequest();
          });
      }
      return detach;
    },
  };
  (page as unknown as Record<string, unknown>)[KEY] = bridge;
}

/** The workbench's bridge, seen from the pane's frame; undefined when the pane page is opened alone. */
export function bridgeOf(frame: Window): WorkbenchBridge | undefined {
  if (frame.parent === frame) return undefined;
  try {
    return (frame.parent as unknown as Record<string, WorkbenchBridge | undefined>)[KEY];
  } catch {
    // A parent of another origin: not the workbench.
    return undefined;
  }
}
