/**
 * The task pane inside Excel: once Office is ready, the pane gets the Excel
 * host, a store client for the store that served it, and Excel's platform.
 */
import { createRoot } from 'react-dom/client';
import { followEvents } from '../../client/event-stream';
import { createStoreClient } from '../../client/store-client';
import { Pane } from '../../taskpane/Pane';
import { createExcelHost } from './excel-host';
import type { ExcelGlobal, ExcelRun } from './excel-types';
import { officePlatform, type OfficeContextSubset } from './office-platform';

interface OfficeGlobalSubset {
  onReady(): Promise<{ host: string | null }>;
  context?: OfficeContextSubset;
}

const scope = globalThis as unknown as { Office?: OfficeGlobalSubset; Excel?: ExcelGlobal };

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  await scope.Office?.onReady();
  const excel = scope.Excel;
  if (!excel) {
    root.render(
      <p style={{ padding: 16 }}>Plumbline runs inside Excel: open it from the Home tab of a workbook.</p>,
    );
    return;
  }
  // A batch waits while the user edits a cell instead of failing, and is one undo step where Excel can.
  const run: ExcelRun = (batch) => excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, batch);
  root.render(
    <Pane
      deps={{
        host: createExcelHost(run),
        platform: officePlatform(run, scope.Office?.context, window.location.origin),
        connect: (baseUrl, token) => createStoreClient({ baseUrl, token }),
        subscribe: (baseUrl, token, handlers) => followEvents({ baseUrl, token }, handlers),
      }}
    />,
  );
}

void start();
