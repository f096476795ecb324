/**
 * The task pane in the workbench's frame: the same pane as in Excel, on the
 * Excel host over this frame's copy of Microsoft's library, which the
 * workbench wires to its simulated workbook; the selection follows the
 * workbook's selection event, as in Excel (ExcelApi 1.2).
 */
import { createRoot } from 'react-dom/client';
import { followEvents } from '../client/event-stream';
import { createStoreClient } from '../client/store-client';
import { createExcelHost } from '../hosts/excel/excel-host';
import type { ExcelGlobal } from '../hosts/excel/excel-types';
import { excelSelection, officePlatform } from '../hosts/excel/office-platform';
import { Pane } from '../taskpane/Pane';
import { bridgeOf } from './bridge';

const scope = globalThis as unknown as { Excel?: ExcelGlobal };

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const bridge = await bridgeOf(window);
  const excel = scope.Excel;
  if (!bridge || !excel) {
    root.render(
      <p style={{ padding: 16 }}>
        This is the workbench&apos;s task pane: open <a href="workbench.html">the workbench</a>.
      </p>,
    );
    return;
  }
  const detach = bridge.attach(window);
  // A reloaded pane registers its events anew; the old page's registrations go with it.
  window.addEventListener('pagehide', detach);
  const run = excel.run.bind(excel);
  root.render(
    <Pane
      deps={{
        host: createExcelHost(run),
        platform: {
          ...officePlatform(run, undefined, window.location.origin),
          selection: excelSelection(run, true),
        },
        connect: (baseUrl, token) => createStoreClient({ baseUrl, token }),
        subscribe: (baseUrl, token, handlers) => followEvents({ baseUrl, token }, handlers),
      }}
    />,
  );
}

void start();
