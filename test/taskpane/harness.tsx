/**
 * The pane as a user meets it, with nothing mocked at its edges: a real store
 * over HTTP (SQLite), and the Excel host on Microsoft's real Excel library
 * talking to the simulated Excel, loaded from one of the sample workbooks.
 */
import { render, screen, type RenderResult } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStoreClient } from '../../src/client/store-client';
import { linkRange } from '../../src/core/link-range';
import { createExcelHost } from '../../src/hosts/excel/excel-host';
import { excelSelection } from '../../src/hosts/excel/office-platform';
import type { SpreadsheetHost } from '../../src/hosts/host';
import type { ExcelSimulator } from '../../src/sim/excel/excel-simulator';
import { loadExcelLibrary } from '../../src/sim/excel/load-library';
import { loadXlsx } from '../../src/sim/excel/load-xlsx';
import type { PaneDeps } from '../../src/taskpane/pane-deps';
import { Pane } from '../../src/taskpane/Pane';
import type { KeyValueStorage } from '../../src/taskpane/platform';
import { PACK_LINKS } from '../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../store/api/test-server';

export const WORKBOOKS = join(__dirname, '../fixtures/workbooks');

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
    persisted: () => Promise.resolve(),
  };
}

export interface PaneWorld {
  server: TestServer;
  sim: ExcelSimulator;
  host: SpreadsheetHost;
  storage: ReturnType<typeof memoryStorage>;
  deps: PaneDeps;
}

/** A store with the demo model, and a sample workbook open in the simulated Excel. */
export async function openWorld(workbook: string, server?: TestServer): Promise<PaneWorld> {
  const store = server ?? (await startTestServer('sqlite'));
  const sim = await loadXlsx(new Uint8Array(readFileSync(join(WORKBOOKS, workbook))));
  const { Excel } = loadExcelLibrary(sim);
  const run = Excel.run.bind(Excel);
  const host = createExcelHost(run);
  const storage = memoryStorage();
  const deps: PaneDeps = {
    host,
    platform: {
      appName: 'Excel',
      storage,
      selection: excelSelection(run, false),
      theme: 'light',
      defaultStoreUrl: store.url,
      undoableWrites: false,
    },
    connect: (baseUrl, token) => createStoreClient({ baseUrl, token }),
  };
  return { server: store, sim, host, storage, deps };
}

/** Links the ranges an analyst links in this sample workbook (through core, as the Link panel does). */
export async function linkPack(world: PaneWorld, workbook: string): Promise<void> {
  const client = createStoreClient({ baseUrl: world.server.url, token: world.server.tokens.ana! });
  for (const link of PACK_LINKS[workbook] ?? []) await linkRange(world.host, client, link);
}

/** The pane, already signed in as `userId` (the sign-in screen has its own test). */
export async function renderSignedIn(world: PaneWorld, userId: string): Promise<RenderResult> {
  const me = await createStoreClient({ baseUrl: world.server.url, token: world.server.tokens[userId]! }).me();
  world.storage.set(
    'plumbline.session',
    JSON.stringify({ storeUrl: world.server.url, token: world.server.tokens[userId], user: me }),
  );
  const result = render(<Pane deps={world.deps} />);
  await screen.findByText(me.name);
  return result;
}
