/**
 * The pane in the Sheets sidebar (`appsscript/dist/Sidebar.html`, this bundle
 * inlined): the Sheets port and platform over `google.script.run`, and a store
 * client whose requests go out through the add-on.
 */
import { createRoot } from 'react-dom/client';
import { createStoreClient, fetchDemoPersonas } from '../../client/store-client';
import { Pane } from '../../taskpane/Pane';
import type { Job } from '../../taskpane/pane-deps';
import { createBridge, type ScriptRun } from './bridge';
import { createSheetsHost } from './sheets-host';
import { bridgeTransport, sheetsPlatform } from './sheets-platform';

const scope = globalThis as unknown as {
  google?: { script?: { run?: ScriptRun } };
  /** Set by the menu item that opened the sidebar (`appsscript/src/menu.ts`). */
  plumblineJob?: unknown;
};

const JOBS: readonly Job[] = ['link', 'submit', 'reconcile', 'summary'];

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const run = scope.google?.script?.run;
  if (!run) {
    root.render(
      <p style={{ padding: 16 }}>
        Plumbline runs in Google Sheets: Extensions › Plumbline › Open Plumbline.
      </p>,
    );
    return;
  }
  const bridge = createBridge(run);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const transport = bridgeTransport(bridge);
  root.render(
    <Pane
      deps={{
        host: createSheetsHost(bridge),
        platform: await sheetsPlatform(bridge, dark),
        connect: (baseUrl, token) => createStoreClient({ baseUrl, token, transport }),
        demoPersonas: (baseUrl) => fetchDemoPersonas(baseUrl, transport),
        initialJob: JOBS.find((j) => j === scope.plumblineJob),
      }}
    />,
  );
}

void start();
